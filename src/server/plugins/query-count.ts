import type { FastifyInstance } from "fastify";
import { queryCounter, queryCountHeader } from "../shared/query-count.ts";

/**
 * Benchmark mode only: each request counts its SQL statements from its first hook on (register
 * this before the session's hook), and the answer says how many in `x-bench-queries`.
 */
export function registerQueryCount(app: FastifyInstance): void {
  app.addHook("onRequest", (_req, _reply, done) => {
    queryCounter.run({ statements: 0 }, done);
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    const store = queryCounter.getStore();
    if (store) reply.header(queryCountHeader, String(store.statements));
    return payload;
  });
}
