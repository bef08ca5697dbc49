import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One fetcher per API operation: every call of the API in the web app is an `apiGet`/`apiSend`/`apiDownload`
 * or an `apiUpload` (a POST) with a literal path, in a fetcher under `src/web/api/` (the operations
 * several features use) or a feature's `api/` folder, and no operation has two.
 */
const root = join(import.meta.dirname, "../../..");
const webDir = join(root, "src/web");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(webDir).map((path) => ({
  file: relative(root, path),
  text: readFileSync(path, "utf8"),
}));

/** `apiGet("/api/x", …)`, `apiGetJson("/api/x")`, `apiSend("POST", \`/api/x/${id}\`, …)` and `apiUpload(\`/api/…\`, …)` (a POST). */
const callPattern = /\b(?:apiGet(?:Json)?\(|(?:apiSend|apiDownload)\(\s*"([A-Z]+)",|(apiUpload)\()\s*(["`])([^"`]*)\3/g;

/** The operation a path names: parameters as `{}`, without the query. */
const operationOf = (method: string, path: string) =>
  `${method} ${path.replace(/\$\{[^}]*\}/g, "{}").replace(/\?.*$/, "")}`;

const calls = files.flatMap(({ file, text }) =>
  [...text.matchAll(callPattern)].map((m) => ({
    file,
    operation: operationOf(m[1] ?? (m[2] ? "POST" : "GET"), m[4] ?? ""),
  })),
);

/** The server's routes as the same operations (`:id` as `{}`), read from the route files. */
function serverOperations(): Set<string> {
  const modules = join(root, "src/server/modules");
  const routeFiles = sourceFiles(modules).filter((path) => path.endsWith(".routes.ts"));
  const operations = new Set<string>();
  for (const path of routeFiles) {
    for (const m of readFileSync(path, "utf8").matchAll(/\.(get|post|patch|put|delete)\(\s*"(\/api\/[^"]+)"/g)) {
      operations.add(`${(m[1] ?? "").toUpperCase()} ${(m[2] ?? "").replace(/:[A-Za-z]+/g, "{}")}`);
    }
  }
  return operations;
}

describe("the web app's API calls", () => {
  it("finds the calls (the scan works)", () => {
    expect(calls.map((c) => c.operation)).toContain("GET /api/institutions");
    expect(calls.map((c) => c.operation)).toContain("PATCH /api/rows/{}");
    expect(calls.map((c) => c.operation)).toContain("POST /api/overviews/{}/import");
  });

  it("calls the API only through the api helpers with a literal path", () => {
    for (const { file, text } of files) {
      const uses = (text.match(/\bapi(Get|GetJson|Send|Download|Upload)\(/g) ?? []).length;
      const found = calls.filter((c) => c.file === file);
      expect({ file, calls: uses }).toEqual({ file, calls: found.length });
      if (/\bfetch\(/.test(text)) expect(file).toBe("src/web/lib/api.ts");
      if (/\bnew XMLHttpRequest\(/.test(text)) expect(file).toBe("src/web/lib/api.ts");
    }
  });

  it("keeps every fetcher in src/web/api or a feature's api folder", () => {
    const outside = calls.filter((c) => !/^src\/web\/(api|features\/[^/]+\/api)\//.test(c.file));
    expect(outside).toEqual([]);
  });

  it("has one fetcher per operation", () => {
    const byOperation = new Map<string, string[]>();
    for (const { file, operation } of calls) byOperation.set(operation, [...(byOperation.get(operation) ?? []), file]);
    const twice = [...byOperation].filter(([, where]) => where.length > 1);
    expect(twice).toEqual([]);
  });

  it("calls only operations the server has", () => {
    const server = serverOperations();
    expect(calls.filter((c) => !server.has(c.operation))).toEqual([]);
  });
});
