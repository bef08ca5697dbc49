import {
  declaredTooLarge,
  defaultUploadLimits,
  mb,
  notXlsx,
  thousands,
  type UploadLimits,
  UploadRejectedError,
  type UploadSummary,
} from "./upload-rules.ts";
import { countContent, sheetNamesByPart } from "./workbook-xml.ts";
import { inflateEntry, readCentralDirectory } from "./zip.ts";

/**
 * Upload limits for overview workbooks (SPEC §3.6, ARCHITECTURE "Uploaded workbooks"), checked
 * BEFORE exceljs sees the file: the size of the upload, that it is a zip with an xlsx workbook in it,
 * the number of zip entries, their total unpacked size (declared in the central directory AND
 * verified by inflating each entry with a hard output cap, what is left of the limit, so an entry
 * that lies about its size is stopped at the limit and refused), and the number of rows with content
 * in each worksheet. In the app this runs in the parse pool's worker threads with the parse.
 *
 * No new packages: the zip central directory is read in zip.ts (with ZIP64 support) and entries are
 * inflated with node:zlib; the limits and refusals are upload-rules.ts's. Pure: no database, no
 * HTTP; the errors carry stable codes and an HTTP status for the error handler.
 */

/**
 * Checks an upload before it is parsed; throws {@link UploadRejectedError} with a stable code:
 * - `upload.too_large`: more than `maxBytes` (10 MB);
 * - `upload.not_xlsx`: not a zip, no `xl/workbook.xml`, encrypted, or a broken archive;
 * - `upload.too_many_entries`: more than `maxEntries` zip entries (1,000);
 * - `upload.too_large_unpacked`: declared (`details.reason` `declared`) or actual (`inflated`, found
 *   while inflating and stopped at the limit) unpacked size over `maxUnpackedBytes` (50 MB), or a
 *   sheet with more than `maxCellsPerSheet` cell and row elements;
 * - `upload.too_many_rows`: a sheet with more than `maxRowsPerSheet` rows besides its header (5,000).
 * Costs one inflate of the workbook (bounded by the limits).
 */
export function checkUpload(buffer: Buffer | Uint8Array, overrides: Partial<UploadLimits> = {}): UploadSummary {
  const limits = { ...defaultUploadLimits, ...overrides };
  const buf = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buf.length > limits.maxBytes) {
    throw new UploadRejectedError(
      "upload.too_large",
      `The file is too large (${mb(buf.length)}; at most ${mb(limits.maxBytes)}).`,
      { bytes: buf.length, max: limits.maxBytes },
    );
  }
  const entries = readCentralDirectory(buf, limits);
  if (entries.some((e) => e.flags & 0x1)) throw notXlsx("encrypted zip entries");

  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUnpackedBytes) throw declaredTooLarge(declared, limits);

  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw notXlsx("no workbook inside");

  let spent = 0;
  const xml = new Map<string, string>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const out = inflateEntry(buf, entry, limits.maxUnpackedBytes - spent, limits, declared);
    spent += out.length;
    if (
      entry.name === "xl/workbook.xml" ||
      entry.name === "xl/_rels/workbook.xml.rels" ||
      /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)
    ) {
      xml.set(entry.name, out.toString("utf8"));
    }
  }

  const sheetNames = sheetNamesByPart(xml.get("xl/workbook.xml") ?? "", xml.get("xl/_rels/workbook.xml.rels") ?? null);
  const sheets: UploadSummary["sheets"] = [];
  const order = [...sheetNames.keys()];
  const parts = [...xml.keys()]
    .filter((k) => k.startsWith("xl/worksheets/"))
    .sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib);
    });
  for (const part of parts) {
    const name = sheetNames.get(part) ?? part.replace(/^xl\/worksheets\//, "");
    const { rows, cells, elements } = countContent(xml.get(part) ?? "");
    if (rows > limits.maxRowsPerSheet + 1) {
      throw new UploadRejectedError(
        "upload.too_many_rows",
        `The sheet "${name}" has too many rows (${thousands(rows - 1)} besides the header; at most ${thousands(limits.maxRowsPerSheet)}). Split it into several sheets or files.`,
        { sheet: name, rows: rows - 1, max: limits.maxRowsPerSheet },
      );
    }
    if (elements > limits.maxCellsPerSheet) {
      throw new UploadRejectedError(
        "upload.too_large_unpacked",
        `The sheet "${name}" holds too many cells (${thousands(elements)}, filled or formatted; at most ${thousands(limits.maxCellsPerSheet)}). Remove unused rows and columns and try again.`,
        { sheet: name, cells: elements, max: limits.maxCellsPerSheet },
      );
    }
    sheets.push({ name, rows, cells });
  }
  return { bytes: buf.length, entries: entries.length, unpackedBytes: spent, sheets };
}
