import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets worth compressing; fonts and images are compressed already. */
const compressible = /\.(js|css|html|svg|json)$/;
/** Below this size the headers cost more than compression saves. */
const minBytes = 1024;

/**
 * Writes `.br` and `.gz` beside every compressible file under `dir`, so the server can send them
 * as they are (`preCompressed` in @fastify/static) instead of compressing on each request.
 * Returns the files compressed.
 */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const done: string[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (!compressible.test(path) || !(await stat(path)).isFile()) continue;
    const content = await readFile(path);
    if (content.length < minBytes) continue;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipAsync(content, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    done.push(entry);
  }
  return done;
}

/** The Vite plugin: compresses the finished build in its output directory. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "praksistilgang-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
