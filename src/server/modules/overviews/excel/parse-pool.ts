import { Piscina } from "piscina";
import { importBusy, uploadTooComplex } from "../overviews.errors.ts";
import type { ParsedWorkbook } from "./parse.ts";
import type { TableFormat, TableRow } from "./table.ts";
import { type UploadErrorCode, UploadRejectedError } from "./upload-rules.ts";

/**
 * Workbooks are parsed off the event loop, in worker threads (piscina), so a large import cannot
 * hold up other requests. At most `concurrency` parse at once on an instance; up to `queueLimit`
 * more wait their turn in order; the next is refused at once with 503 `import.busy` and
 * `Retry-After`. The upload limits (`checkUpload`) run in the worker too, before exceljs reads
 * anything: inflating to check the unpacked size is work of the same kind.
 *
 * Memory: each worker's V8 heap is capped (`maxOldGenerationSizeMb`), so a workbook that needs more
 * fails as 413 `upload.too_complex` instead of growing the process; a worker idle for
 * `idleTimeoutMs` exits and its memory goes with it (no worker is kept when nothing is imported).
 */
export interface ParsePoolOptions {
  /** Workbooks parsed at once, one worker thread each (IMPORT_CONCURRENCY). */
  concurrency: number;
  /** Parses that may wait for a worker (IMPORT_QUEUE); one more is refused with `import.busy`. */
  queueLimit: number;
  /** Where unexpected worker failures are logged (the app's logger). */
  log: { error(obj: object, msg: string): void };
  /** The worker module; tests give their own. Default `parse.worker.mjs`. */
  worker?: URL;
  /** Handed to each worker as its `workerData`. */
  workerData?: unknown;
  /** Heap of each worker in MB. Default {@link workerHeapMb}. */
  maxOldGenerationSizeMb?: number;
  /** A worker idle this long exits. Default {@link idleTimeoutMs}. */
  idleTimeoutMs?: number;
}

/** Parses running in a worker and waiting for one. */
export interface ParsePoolLoad {
  running: number;
  queued: number;
}

export interface ParsePool {
  /**
   * Parses an upload in a worker. The buffer's memory is handed over to the worker (transferred, not
   * copied, when the buffer owns it), so the caller must not read it afterwards. Rejects with
   * {@link UploadRejectedError} for a refused upload, 503 `import.busy` when the queue is full, 413
   * `upload.too_complex` when the worker ran out of memory, and with the worker's error otherwise.
   */
  parse(file: Buffer): Promise<ParsedWorkbook>;
  /** Reads a file that is one table (an .xlsx's first sheet or a CSV file) in a worker, as `parse` does. */
  readTable(file: Buffer, format: TableFormat): Promise<TableRow[]>;
  load(): ParsePoolLoad;
  /** Called with the load each time a parse starts waiting, starts running or ends. Returns the unsubscribe. */
  onLoad(listener: (load: ParsePoolLoad) => void): () => void;
  /** Refuses new and waiting parses (503 `import.busy`), lets running ones finish and ends the workers. */
  close(): Promise<void>;
}

/** The worker heap cap: a 5,000-row sheet takes well under 64 MB; eight such sheets fit in 256 MB. */
export const workerHeapMb = 256;
/** Long enough to keep the worker from a dry run to its save, short enough to give memory back. */
export const idleTimeoutMs = 60_000;
type WorkerAnswer =
  | { ok: true; workbook?: ParsedWorkbook; table?: TableRow[] }
  | { ok: false; code: UploadErrorCode; message: string; details?: Record<string, unknown> };

/** The upload's bytes as an ArrayBuffer of their own, to transfer: the buffer's own when it owns all of it. */
function transferable(file: Buffer): ArrayBuffer {
  const owned =
    file.buffer instanceof ArrayBuffer && file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
  return owned ? (file.buffer as ArrayBuffer) : new Uint8Array(file).buffer;
}

export function createParsePool(options: ParsePoolOptions): ParsePool {
  const listeners = new Set<(load: ParsePoolLoad) => void>();
  const waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let running = 0;
  let closed = false;
  /** Set while `close` waits for the running parses. */
  let drained: (() => void) | null = null;

  const load = () => ({ running, queued: waiting.length });
  const changed = () => {
    const now = load();
    for (const listener of listeners) listener(now);
  };

  const start = () => {
    const pool = new Piscina({
      filename: (options.worker ?? new URL("./parse.worker.mjs", import.meta.url)).href,
      minThreads: 0,
      maxThreads: options.concurrency,
      idleTimeout: options.idleTimeoutMs ?? idleTimeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? workerHeapMb },
      // Not the parent's flags (tsx's loader, --inspect): the worker registers tsx itself.
      execArgv: [],
      workerData: options.workerData,
    });
    // A worker that fails with no task of its own (while starting) leaves piscina waiting for it
    // for good: replace the pool, which fails the old one's tasks instead of leaving them hanging.
    pool.on("error", (error: unknown) => {
      options.log.error({ err: error }, "import parse worker failed");
      if (closed || piscina !== pool) return;
      piscina = start();
      void pool.destroy();
    });
    return pool;
  };
  let piscina = start();

  /** Waits for a free worker in order; refuses at once when `queueLimit` are waiting already. */
  const acquire = async () => {
    if (closed) throw importBusy();
    if (running < options.concurrency) {
      running++;
      changed();
      return;
    }
    if (waiting.length >= options.queueLimit) throw importBusy();
    await new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      changed();
    });
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next.resolve();
    else running--;
    changed();
    if (running === 0) drained?.();
  };

  /** Runs one task in a worker once one is free. */
  async function run(file: Buffer, format?: TableFormat) {
    await acquire();
    try {
      const bytes = transferable(file);
      const answer: WorkerAnswer = await piscina
        .run({ file: bytes, format }, { transferList: [bytes] })
        .catch((error) => {
          if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") throw uploadTooComplex();
          throw error;
        });
      if (!answer.ok) throw new UploadRejectedError(answer.code, answer.message, answer.details);
      return answer;
    } finally {
      release();
    }
  }

  return {
    async parse(file) {
      return (await run(file)).workbook as ParsedWorkbook;
    },
    async readTable(file, format) {
      return (await run(file, format)).table as TableRow[];
    },
    load,
    onLoad(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      for (const next of waiting.splice(0)) next.reject(importBusy());
      changed();
      if (running > 0) await new Promise<void>((resolve) => (drained = resolve));
      await piscina.close();
    },
  };
}
