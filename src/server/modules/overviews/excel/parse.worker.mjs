/**
 * The worker thread of the parse pool (parse-pool.ts). Node 20 cannot load TypeScript in a worker
 * by itself, so this plain module registers tsx and then imports the parser: the same under
 * `npm start`, vitest and plain node (the pool starts workers without the parent's flags).
 *
 * Task: `{ file }`, the upload's bytes as a transferred ArrayBuffer. Answer: `{ ok: true, workbook }`
 * (plain data), or `{ ok: false, code, message, details }` for a refused upload — an error object
 * would lose its code crossing the thread boundary. Anything else thrown reaches the pool as a
 * failed task.
 */
import { register } from "tsx/esm/api";

register();

/** @type {Promise<[typeof import("./parse.ts"), typeof import("./upload-rules.ts")]> | undefined} */
let modules;

/** @param {{ file: ArrayBuffer }} task */
export default async function parse({ file }) {
  modules ??= Promise.all([import("./parse.ts"), import("./upload-rules.ts")]);
  const [{ parseOverviewWorkbook }, { UploadRejectedError }] = await modules;
  try {
    return { ok: true, workbook: await parseOverviewWorkbook(Buffer.from(file)) };
  } catch (error) {
    if (!(error instanceof UploadRejectedError)) throw error;
    return { ok: false, code: error.code, message: error.message, details: error.details };
  }
}
