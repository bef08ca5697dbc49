import type { FastifyInstance } from "fastify";

const apiPath = /^\/api(?:[/?]|$)/;

/**
 * Every `/api` answer is `Cache-Control: no-store` unless its route sets its own header: most hold
 * personal data, and neither a browser's cache nor a proxy may keep those. A route may set another
 * only for data that are not personal. Errors and unknown `/api` paths get it too.
 */
export function registerApiNoStore(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply) => {
    if (apiPath.test(req.url) && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });
}
