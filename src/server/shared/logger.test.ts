import { Writable } from "node:stream";
import Fastify from "fastify";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../test/helpers/national-ids.ts";
import { databaseErrorOf, loggerOptions, pinoOptions } from "./logger.ts";

/** A pino logger with the app's options, writing into an array of lines. */
function capture(level = "trace") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: pino(pinoOptions(level), stream), lines, stream };
}

const id = testNationalId();
const spaced = `${id.slice(0, 6)} ${id.slice(6)}`;
const mask = `${id.slice(0, 6)} *****`;
const dnr = testNationalId({ kind: "dnr", rest: 3 });
const synthetic = "10915596784";
const personal = [id.slice(6), dnr.slice(6), synthetic.slice(6)];

function expectNoIds(output: string) {
  expect(output).not.toContain(id);
  expect(output).not.toContain(spaced);
  expect(output).not.toContain(dnr);
  expect(output).not.toContain(synthetic);
  for (const p of personal) expect(output).not.toContain(p);
}

describe("the logger", () => {
  it("writes no national ID from messages, arguments, fields, nested fields, arrays or errors", () => {
    const { logger, lines } = capture();
    logger.info(`imported row with ${id}`);
    logger.info("row %s and %s", spaced, dnr);
    logger.info("cells %o and %j", { id }, [synthetic]);
    logger.warn({ value: id, row: { cells: [spaced, { note: `see ${synthetic}` }] }, count: 3 }, "parsed");
    logger.info({ excelCell: Number(testNationalId({ day: 5 })) }, "numeric cell");
    logger.error({ err: new Error(`duplicate ${id}`) }, "failed");
    logger.error(new Error(`cannot parse ${dnr}`));
    logger.child({ sheet: "Høst" }).info({ detail: { deeper: { deepest: [id] } } }, "child");
    const output = lines.join("\n");
    expect(lines).toHaveLength(8);
    expectNoIds(output);
    expect(output).not.toContain(testNationalId({ day: 5 }).slice(1));
    expect(output).toContain(mask);
    expect(JSON.parse(lines[3] as string)).toMatchObject({ value: mask, count: 3, msg: "parsed" });
    expect(JSON.parse(lines[5] as string).err.message).toBe(`duplicate ${mask}`);
  });

  it("keeps the redacted paths", () => {
    const { logger, lines } = capture();
    logger.info({ body: { password: "hemmelig-passord", nationalId: "x" } }, "login");
    expect(lines[0]).not.toContain("hemmelig-passord");
    expect(JSON.parse(lines[0] as string).body).toEqual({ password: "[redacted]", nationalId: "[redacted]" });
  });

  it("masks national IDs in the request URLs and errors Fastify logs", async () => {
    const { lines, stream } = capture();
    const app = Fastify({ logger: { ...(loggerOptions("info") as object), stream } });
    app.get("/api/lookup", async (req) => {
      req.log.info({ query: req.query }, "lookup");
      throw new Error(`no person ${id}`);
    });
    const res = await app.inject({ method: "GET", url: `/api/lookup?nr=${id}&other=${encodeURIComponent(spaced)}` });
    await app.close();
    expect(res.statusCode).toBe(500);
    const output = lines.join("\n");
    expect(output).toContain('"url":"/api/lookup?nr=');
    expectNoIds(output);
  });

  it("writes a database error, also as the cause of Drizzle's, as its SQLSTATE and place only", () => {
    // What pg and PGlite throw (a DatabaseError) and how Drizzle wraps it (a DrizzleQueryError).
    const database = Object.assign(new Error('duplicate key value violates unique constraint "persons_email"'), {
      name: "error",
      severity: "ERROR",
      code: "23505",
      detail: "Key (email)=(kari.nordmann@stud.hvl.no) already exists.",
      schema: "public",
      table: "persons",
      constraint: "persons_email",
      where: "SQL function",
      internalQuery: "select 'Kari'",
    });
    class DrizzleQueryError extends Error {
      constructor(
        readonly query: string,
        readonly params: unknown[],
        cause: Error,
      ) {
        super(`Failed query: ${query}\nparams: ${params}`, { cause });
      }
    }
    const params = ["Kari", "Nordmann", "kari.nordmann@stud.hvl.no", "+4791234567", id, "v1.aXY.dGFn.Y2lwaGVy"];
    const wrapped = new DrizzleQueryError('insert into "persons" values ($1, $2, $3, $4, $5, $6)', params, database);
    expect(databaseErrorOf(wrapped)).toBe(database);
    expect(databaseErrorOf(new Error("plain"))).toBeNull();
    expect(databaseErrorOf(Object.assign(new Error("socket"), { code: "ECONNRESET" }))).toBeNull();

    const { logger, lines } = capture();
    logger.error({ err: wrapped }, "request failed");
    logger.error(database);
    logger.error({ err: wrapped });
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual([
      "request failed",
      "database error 23505",
      "database error 23505",
    ]);
    const [first, second] = lines.map((l) => JSON.parse(l).err);
    expect(first).toMatchObject({
      type: "DrizzleQueryError",
      message: "database error 23505",
      code: "23505",
      severity: "ERROR",
      schema: "public",
      table: "persons",
      constraint: "persons_email",
    });
    expect(first.stack).toMatch(/^\s+at /);
    expect(second).toMatchObject({ message: "database error 23505", table: "persons" });
    const output = lines.join("\n");
    for (const value of [...params, "Key (email)", "Failed query", "select 'Kari'", "duplicate key"]) {
      expect(output).not.toContain(value);
    }
    expectNoIds(output);
  });
});
