/**
 * A parse worker that fails the way the task's bytes say: `throw`, `exit` (the thread ends) or
 * `oom` (runs out of its heap). Anything else answers an empty workbook.
 */
export default function misbehave({ file }) {
  const what = Buffer.from(file).toString();
  if (what === "throw") throw new Error("the parser broke");
  if (what === "exit") process.exit(3);
  if (what === "oom") {
    const hog = [];
    for (;;) hog.push(new Array(100_000).fill(hog.length));
  }
  return {
    ok: true,
    workbook: { sheets: [], skippedSheets: [], upload: { bytes: 0, entries: 0, unpackedBytes: 0, sheets: [] } },
  };
}
