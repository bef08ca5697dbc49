/**
 * The real parse worker, held until the test lets it go: each task waits on `workerData.hold`
 * (an Int32Array over a SharedArrayBuffer) while its value is 0, blocking its own thread only.
 * Tests see several parses in flight at once without timing anything.
 */
import { workerData } from "node:worker_threads";
import parse from "../../../src/server/modules/overviews/excel/parse.worker.mjs";

export default function heldParse(task) {
  Atomics.wait(workerData.hold, 0, 0);
  return parse(task);
}
