import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { routeNotFound } from "./plugins.errors.ts";

export const webRoot = join(process.cwd(), "dist/web");

/** Built files whose names carry a content hash (and their .br/.gz copies): they never change, so browsers keep them. */
const hashedAsset = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;

/**
 * Serves the built single-page app; every non-API path that is not a file gets index.html.
 * The build's `.br`/`.gz` copies are sent to browsers that accept them; hashed assets are cached
 * for a year, index.html is checked on every visit.
 */
export async function registerWeb(app: FastifyInstance, root = webRoot): Promise<void> {
  const built = existsSync(join(root, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders(reply, path) {
        reply.header("cache-control", hashedAsset.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0] ?? "";
    if (built && req.method === "GET" && !path.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    const error = routeNotFound(req.method, path);
    return reply.code(error.status).send({ code: error.code, message: error.message });
  });
}
