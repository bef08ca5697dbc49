import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseOverviewWorkbook } from "./parse.ts";
import { createParsePool, type ParsePool, type ParsePoolLoad, type ParsePoolOptions } from "./parse-pool.ts";
import { readTable } from "./table.ts";
import { UploadRejectedError } from "./upload-rules.ts";

const fixture = readFileSync(
  new URL("../../../../../../shared/fixtures/praksisoversikt-eksempel.xlsx", import.meta.url),
);
const worker = (name: string) => new URL(`../../../../../test/helpers/workers/${name}`, import.meta.url);

const logged: object[] = [];
const pools: ParsePool[] = [];
function pool(options: Partial<ParsePoolOptions> = {}) {
  const p = createParsePool({ concurrency: 2, queueLimit: 2, log: { error: (obj) => logged.push(obj) }, ...options });
  pools.push(p);
  return p;
}
/** The app's pool, shared by the tests that use the real worker so they start it once. */
const real = createParsePool({ concurrency: 2, queueLimit: 2, log: { error: (obj) => logged.push(obj) } });
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  logged.length = 0;
});
afterAll(() => real.close());

/** A buffer with an ArrayBuffer of its own (what a multipart upload gives), so it can be transferred. */
const owned = (bytes: Buffer) => {
  const copy = Buffer.from(new ArrayBuffer(bytes.length));
  bytes.copy(copy);
  return copy;
};

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; status?: number; details?: unknown };
  }
  throw new Error("not rejected");
};

describe("the parse pool", () => {
  it("parses a real workbook in a worker to exactly what the parser gives in process", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Periode 2");
    ws.addRow(["Etternavn", "Fornavn", "E-post", "Startdato", "Sluttdato"]);
    ws.addRow(["Nordmann", "Kari", "kari@stud.hvl.no", new Date(Date.UTC(2027, 2, 1)), "09.04.2027"]);
    ws.addRow(["Hansen", "Ola", "ola@stud.hvl.no", "1.3.27", "ikke en dato"]);
    wb.addWorksheet("Skjult", { state: "hidden" }).addRow(["Etternavn", "Fornavn", "E-post"]);
    const made = Buffer.from(await wb.xlsx.writeBuffer());
    for (const bytes of [fixture, made]) {
      const expected = await parseOverviewWorkbook(bytes);
      expect(expected.sheets.length).toBeGreaterThan(0);
      const file = owned(bytes);
      expect(await real.parse(file)).toEqual(expected);
      // Transferred, not copied: the upload's memory now belongs to the worker.
      expect(file.buffer.byteLength).toBe(0);
    }
  });

  it("reads a file that is one table in a worker, .xlsx and CSV, and refuses it there as in process", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Søkere").addRows([
      ["Fornavn", "Etternavn"],
      ["Kari", "Nordmann"],
    ]);
    const made = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await real.readTable(owned(made), "xlsx")).toEqual(await readTable(made, "xlsx"));
    const csv = Buffer.from("Fornavn;Etternavn\r\nKari;Nordmann\r\n");
    expect(await real.readTable(owned(csv), "csv")).toEqual([
      { rowNumber: 1, cells: ["Fornavn", "Etternavn"] },
      { rowNumber: 2, cells: ["Kari", "Nordmann"] },
    ]);
    const refused = await rejection(real.readTable(owned(Buffer.from("not a zip")), "xlsx"));
    expect(refused).toBeInstanceOf(UploadRejectedError);
    expect(refused?.code).toBe("upload.not_xlsx");
  });

  it("copies a buffer that shares its memory instead of taking it away", async () => {
    const small = Buffer.from("not a workbook");
    const error = await rejection(real.parse(small));
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect(small.toString()).toBe("not a workbook");
  });

  it("refuses an upload in the worker with the same code, status and details as in process", async () => {
    const error = await rejection(real.parse(owned(Buffer.from("Etternavn;Fornavn\n"))));
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect(error).toMatchObject({ code: "upload.not_xlsx", status: 400 });
    const tooLarge = await rejection(real.parse(owned(Buffer.alloc(11 * 1024 * 1024))));
    expect(tooLarge).toBeInstanceOf(UploadRejectedError);
    expect(tooLarge).toMatchObject({
      code: "upload.too_large",
      status: 413,
      details: { bytes: 11 * 1024 * 1024, max: 10 * 1024 * 1024 },
    });
  });

  it("turns a worker that throws, exits or runs out of memory into an error, and goes on parsing", async () => {
    const p = pool({ worker: worker("misbehaving.worker.mjs"), maxOldGenerationSizeMb: 32 });
    const task = (what: string) => p.parse(owned(Buffer.from(what)));
    expect((await rejection(task("throw"))).message).toBe("the parser broke");
    expect((await rejection(task("exit"))).message).toMatch(/exited with code: 3/);
    expect(await rejection(task("oom"))).toMatchObject({ code: "upload.too_complex", status: 413 });
    expect(await task("fine")).toMatchObject({ sheets: [] });
    expect(p.load()).toEqual({ running: 0, queued: 0 });
  });

  it("fails the parse, and the next, when its worker cannot start, instead of waiting for it", async () => {
    const p = pool({ worker: worker("broken-start.worker.mjs") });
    expect((await rejection(p.parse(owned(Buffer.from("x"))))).message).toMatch(/Terminating worker thread/);
    expect((await rejection(p.parse(owned(Buffer.from("y"))))).message).toMatch(/Terminating worker thread/);
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(p.load()).toEqual({ running: 0, queued: 0 });
  });

  it("runs at most `concurrency` at once, queues `queueLimit` and refuses the next with 503", async () => {
    const hold = new Int32Array(new SharedArrayBuffer(4));
    const p = pool({
      worker: worker("blocking-parse.worker.mjs"),
      workerData: { hold },
      concurrency: 2,
      queueLimit: 1,
    });
    const seen: ParsePoolLoad[] = [];
    p.onLoad((load) => seen.push(load));
    try {
      const parses = [p.parse(owned(fixture)), p.parse(owned(fixture)), p.parse(owned(fixture))];
      expect(p.load()).toEqual({ running: 2, queued: 1 });
      const busy = await rejection(p.parse(owned(fixture)));
      expect(busy).toMatchObject({ code: "import.busy", status: 503, details: { retryAfterSeconds: 5 } });
      Atomics.store(hold, 0, 1);
      Atomics.notify(hold, 0);
      const results = await Promise.all(parses);
      expect(results.map((r) => r.sheets.length)).toEqual([2, 2, 2]);
    } finally {
      Atomics.store(hold, 0, 1);
      Atomics.notify(hold, 0);
    }
    expect(Math.max(...seen.map((l) => l.running))).toBe(2);
    expect(seen.at(-1)).toEqual({ running: 0, queued: 0 });
  });

  it("closes: waiting parses are refused, running ones finish", async () => {
    const hold = new Int32Array(new SharedArrayBuffer(4));
    const p = pool({
      worker: worker("blocking-parse.worker.mjs"),
      workerData: { hold },
      concurrency: 1,
      queueLimit: 1,
    });
    const running = p.parse(owned(fixture));
    const waiting = p.parse(owned(fixture));
    const closed = p.close();
    expect(await rejection(waiting)).toMatchObject({ code: "import.busy" });
    expect(await rejection(p.parse(owned(fixture)))).toMatchObject({ code: "import.busy" });
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
    expect((await running).sheets).toHaveLength(2);
    await closed;
  });
});
