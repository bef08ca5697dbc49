/**
 * The worker thread of the parse pool (parse-pool.ts). Node 20 cannot load TypeScript in a worker
 * by itself, so this plain module registers tsx and then imports the readers: the same under
 * `npm start`, vitest and plain node (the pool starts workers without the parent's flags).
 *
 * Task: `{ file }`, the upload's bytes as a transferred ArrayBuffer, for an overview workbook; with
 * `format` (`xlsx` | `csv`) for a file that is one table (table.ts). Answer: `{ ok: true, workbook }`
 * or `{ ok: true, table }` (plain data), or `{ ok: false, code, message, details }` for a refused
 * upload — an error object would lose its code crossing the thread boundary. Anything else thrown
 * reaches the pool as a failed task.
 */
import { register } from "tsx/esm/api";

register();

/** @type {Promise<[typeof import("./parse.ts"), typeof import("./table.ts"), typeof import("./upload-rules.ts")]> | undefined} */
let modules;

/** @param {{ file: ArrayBuffer, format?: "xlsx" | "csv" }} task */
export default async function parse({ file, format }) {
  modules ??= Promise.all([import("./parse.ts"), import("./table.ts"), import("./upload-rules.ts")]);
  const [{ parseOverviewWorkbook }, { readTable }, { UploadRejectedError }] = await modules;
  try {
    if (format) return { ok: true, table: await readTable(Buffer.from(file), format) };
    return { ok: true, workbook: await parseOverviewWorkbook(Buffer.from(file)) };
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    return { ok: false, code: error.code, message: error.message, details: error.details };
  }
}
