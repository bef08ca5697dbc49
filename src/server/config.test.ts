import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const dataDir = () => mkdtempSync(join(tmpdir(), "praksistilgang-config-"));

describe("loadConfig", () => {
  it("runs embedded with demo data and a generated key kept with mode 0600", () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.database).toEqual({ kind: "pglite", dataDir: dir });
    expect(config.demoData).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.demoPassword).toBe("demo-passord");
    expect(config.encryptionKey).toHaveLength(32);
    const file = join(dir, "encryption.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).encryptionKey.equals(config.encryptionKey)).toBe(true);
    expect(readFileSync(file, "utf8")).not.toBe("");
  });

  it("refuses to run on PostgreSQL without DATA_ENCRYPTION_KEY", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://localhost/x" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: "postgres://localhost/x" })).toThrow(/openssl rand -base64 32/);
  });

  it("runs on PostgreSQL without demo data unless DEMO_DATA=1", () => {
    const key = randomBytes(32).toString("base64");
    const config = loadConfig({ DATABASE_URL: "postgres://localhost/x", DATA_ENCRYPTION_KEY: key });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://localhost/x" });
    expect(config.demoData).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: "postgres://localhost/x", DATA_ENCRYPTION_KEY: key, DEMO_DATA: "1" }).demoData,
    ).toBe(true);
  });

  it("explains a key of the wrong length and a bad port", () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: randomBytes(16).toString("base64"), DATA_DIR: dataDir() })).toThrow(
      /32 random bytes/,
    );
    expect(() => loadConfig({ PORT: "nitti", DATA_DIR: dataDir() })).toThrow(/PORT/);
  });

  it("reads DEV_ORIGINS as a list of origins, empty by default, and refuses anything else", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).devOrigins).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dir, DEV_ORIGINS: "http://localhost:5173/, https://dev.test:8443" }).devOrigins,
    ).toEqual(["http://localhost:5173", "https://dev.test:8443"]);
    for (const bad of ["localhost:5173", "http://localhost:5173/app", "ftp://files.test", "*"]) {
      expect(() => loadConfig({ DATA_DIR: dir, DEV_ORIGINS: bad }), bad).toThrow(/DEV_ORIGINS/);
    }
  });

  it("reads IMPORT_CONCURRENCY and IMPORT_QUEUE, 2 and 8 by default, at least one at a time", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).imports).toEqual({ concurrency: 2, queue: 8 });
    expect(loadConfig({ DATA_DIR: dir, IMPORT_CONCURRENCY: "4", IMPORT_QUEUE: "0" }).imports).toEqual({
      concurrency: 4,
      queue: 0,
    });
    expect(() => loadConfig({ DATA_DIR: dir, IMPORT_CONCURRENCY: "0" })).toThrow(/IMPORT_CONCURRENCY/);
    expect(() => loadConfig({ DATA_DIR: dir, IMPORT_QUEUE: "-1" })).toThrow(/IMPORT_QUEUE/);
  });

  it("reads REGISTRATION_RATE_LIMIT, 100 a minute by default, at least one", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).registrationRateLimit).toBe(100);
    expect(loadConfig({ DATA_DIR: dir, REGISTRATION_RATE_LIMIT: "1000" }).registrationRateLimit).toBe(1000);
    expect(() => loadConfig({ DATA_DIR: dir, REGISTRATION_RATE_LIMIT: "0" })).toThrow(/REGISTRATION_RATE_LIMIT/);
  });

  it("marks cookies Secure behind HTTPS", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).secureCookies).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_URL: "https://praksis.helse-vest.no" }).secureCookies).toBe(true);
  });
});
