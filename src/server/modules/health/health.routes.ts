import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Database } from "../../shared/database.ts";
import { typed } from "../../shared/routes.ts";

export function healthRoutes({ database }: { database: Database }) {
  return async (fastify: FastifyInstance) => {
    typed(fastify).get(
      "/api/health",
      {
        config: { access: "public" },
        schema: {
          tags: ["health"],
          summary: "Liveness and the database in use",
          response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) },
        },
      },
      async () => {
        await database.db.execute(sql`select 1`);
        return { status: "ok" as const, database: database.kind };
      },
    );
  };
}
