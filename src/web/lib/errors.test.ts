import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knownNoticeCodes } from "./notices.ts";

/** Every `.ts`/`.tsx` file below `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The dotted error codes the server can answer with, as they stand in its source. */
const serverCodes = new Set(
  sources("src/server").flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]),
  ),
);
describe("error codes the web translates", () => {
  it("include the notice codes of successful answers, which the server really sends", () => {
    expect([...knownNoticeCodes].filter((code) => !serverCodes.has(code))).toEqual([]);
  });

  it("are the codes forms put on their fields", () => {
    const mapped = sources("src/web/features").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/failFromServer\([^)]*?\{([^}]*)\}/gs)].flatMap((m) =>
        [...(m[1] ?? "").matchAll(/"([a-z_]+\.[a-z_]+)":/g)].map((c) => c[1] as string),
      ),
    );
    expect(mapped.length).toBeGreaterThan(3);
    expect(mapped.filter((code) => !serverCodes.has(code))).toEqual([]);
  });
});
