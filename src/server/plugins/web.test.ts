import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDirectory } from "../../build/precompress.ts";
import { registerWeb } from "./web.ts";

let dir: string;
let app: FastifyInstance;
const script = `export const pages = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Side ${i}`))};\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "web-"));
  await mkdir(join(dir, "assets"));
  await writeFile(join(dir, "index.html"), '<!doctype html><div id="root"></div>');
  await writeFile(join(dir, "assets", "index-DIWkLmwc.js"), script);
  await writeFile(join(dir, "assets", "tiny-AbCdEf12.js"), "export {};\n");
  expect(await precompressDirectory(dir)).toEqual([join("assets", "index-DIWkLmwc.js")]);
  app = Fastify();
  await registerWeb(app, dir);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the built web app", () => {
  it("sends the brotli copy to browsers that accept it, gzip to others, plain text otherwise", async () => {
    const br = await app.inject({ url: "/assets/index-DIWkLmwc.js", headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 2);

    const gz = await app.inject({ url: "/assets/index-DIWkLmwc.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: "/assets/index-DIWkLmwc.js", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("lets browsers keep hashed assets for a year and asks again for index.html", async () => {
    const asset = await app.inject({ url: "/assets/tiny-AbCdEf12.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const page = await app.inject({ url: "/oversikter/123" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(await readFile(join(dir, "index.html"), "utf8"));
    expect(page.headers["cache-control"]).toBe("no-cache");
  });

  it("answers unknown API paths with a JSON 404, not the app", async () => {
    const res = await app.inject({ url: "/api/finnes-ikke" });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("route.not_found");
  });
});
