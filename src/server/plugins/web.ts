import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const webRoot = join(process.cwd(), "dist/web");

/** Serves the built single-page app; every non-API path that is not a file gets index.html. */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  const built = existsSync(join(webRoot, "index.html"));
  if (built) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0] ?? "";
    if (built && req.method === "GET" && !path.startsWith("/api/")) {
      return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
    }
    return reply.code(404).send({ code: "route.not_found", message: `No route ${req.method} ${path}.` });
  });
}
