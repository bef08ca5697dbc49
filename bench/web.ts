import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * The JavaScript and CSS a page loads first, from the build in dist/web: for the sign-in page what
 * index.html names (the entry, its module preloads and style sheets); for a lazy page besides that
 * its chunk and the files the router preloads with it (`__vite__mapDeps` in the entry). Bytes as
 * served: the build's .gz and .br copies where it wrote them, else compressed here the same way.
 */
export interface PageBytes {
  page: string;
  files: number;
  js: { raw: number; gzip: number; brotli: number };
  css: { raw: number; gzip: number; brotli: number };
}

const webRoot = join(import.meta.dirname, "../dist/web");

function sizes(file: string) {
  const path = join(webRoot, file);
  const raw = readFileSync(path);
  const copy = (ext: string, make: () => Buffer) =>
    existsSync(`${path}.${ext}`) ? readFileSync(`${path}.${ext}`).length : make().length;
  return {
    raw: raw.length,
    gzip: copy("gz", () => gzipSync(raw, { level: 9 })),
    brotli: copy("br", () =>
      brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
    ),
  };
}

function total(page: string, files: Set<string>): PageBytes {
  const sum = (ext: string) => {
    const out = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
      if (!f.endsWith(ext)) continue;
      const s = sizes(f);
      out.raw += s.raw;
      out.gzip += s.gzip;
      out.brotli += s.brotli;
    }
    return out;
  };
  return { page, files: files.size, js: sum(".js"), css: sum(".css") };
}

/** The first load of the sign-in page and of the lazy pages whose chunks start with these names. */
export function firstLoadBytes(pages: { page: string; chunk: string }[]): PageBytes[] {
  const html = readFileSync(join(webRoot, "index.html"), "utf8");
  const first = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string));
  const entry = [...first].find((f) => /assets\/index-[^/]+\.js$/.test(f));
  if (!entry) throw new Error("dist/web/index.html names no entry script");
  const code = readFileSync(join(webRoot, entry), "utf8");
  const table = /m\.f=\[([^\]]*)\]/.exec(code)?.[1] ?? "";
  const deps = [...table.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
  const lazy = new Map<string, string[]>();
  for (const m of code.matchAll(/import\([`"']\.\/([^`"']+\.js)[`"']\),__vite__mapDeps\(\[([\d,]*)\]\)/g)) {
    const chunk = `assets/${m[1]}`;
    lazy.set(
      chunk,
      (m[2] as string)
        .split(",")
        .filter(Boolean)
        .map((i) => deps[Number(i)] as string),
    );
  }
  const assets = readdirSync(join(webRoot, "assets"));
  const out = [total("sign-in (/logg-inn)", first)];
  for (const p of pages) {
    const chunk = assets.find((f) => f.startsWith(`${p.chunk}-`) && f.endsWith(".js"));
    const files = new Set(first);
    if (!chunk) throw new Error(`no chunk ${p.chunk} in dist/web/assets`);
    files.add(`assets/${chunk}`);
    for (const f of lazy.get(`assets/${chunk}`) ?? []) files.add(f);
    out.push(total(p.page, files));
  }
  return out;
}
