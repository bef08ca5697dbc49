import { inflateRawSync } from "node:zlib";
import { AppError } from "../../../shared/errors.ts";

/**
 * Upload limits for overview workbooks (SPEC §3.6, ARCHITECTURE "Uploaded workbooks"), checked
 * BEFORE exceljs sees the file: the size of the upload, that it is a zip with an xlsx workbook in it,
 * the number of zip entries, their total unpacked size (declared in the central directory AND
 * verified by inflating each entry with a hard output cap, what is left of the limit, so an entry
 * that lies about its size is stopped at the limit and refused), and the number of rows with content
 * in each worksheet. In the app this runs in the parse pool's worker threads with the parse.
 *
 * No new packages: the zip central directory is read here (with ZIP64 support) and entries are
 * inflated with node:zlib. Pure: no database, no HTTP; the errors carry stable codes and an HTTP
 * status for the error handler.
 */

export interface UploadLimits {
  /** Bytes of the uploaded file. Default 10 MB. */
  maxBytes: number;
  /** Entries in the zip. Default 1,000 (a real workbook has a few dozen). */
  maxEntries: number;
  /** Total unpacked bytes of all entries. Default 50 MB. */
  maxUnpackedBytes: number;
  /**
   * Student rows a sheet may hold. A sheet may have this many rows with content plus one (the
   * header row); title rows above the header count as rows. Default 5,000.
   */
  maxRowsPerSheet: number;
  /**
   * Cell and row elements (with a value or only a style) in one sheet, so a sheet within the row
   * limit cannot still hold millions of cells for exceljs to build. Default 250,000.
   */
  maxCellsPerSheet: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxEntries: 1000,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxRowsPerSheet: 5000,
  maxCellsPerSheet: 250_000,
};

export type UploadErrorCode =
  | "upload.too_large"
  | "upload.not_xlsx"
  | "upload.too_many_entries"
  | "upload.too_large_unpacked"
  | "upload.too_many_rows";

/** A refused upload. `code` is stable (the web translates it); `message` is the English fallback. */
export class UploadRejectedError extends AppError {
  constructor(
    override readonly code: UploadErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, code === "upload.not_xlsx" ? 400 : 413, message, details);
    this.name = "UploadRejectedError";
  }
}

/** What the check learned about the workbook, for logging or the report. */
export interface UploadSummary {
  bytes: number;
  entries: number;
  unpackedBytes: number;
  /** Worksheets in workbook order (names from xl/workbook.xml), with their rows and cells that have content. */
  sheets: { name: string; rows: number; cells: number }[];
}

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;
/** A size as people read it: bytes and kB for small ones (a lying zip declares 1 KB), GB for huge ones. */
const sizeText = (n: number) =>
  n < 1024
    ? `${n} bytes`
    : n < MB
      ? `${Math.round(n / 1024)} kB`
      : n < 1024 * MB
        ? mb(n)
        : `${Math.round((n / (1024 * MB)) * 10) / 10} GB`;
const thousands = (n: number) => n.toLocaleString("en-GB");

const notXlsx = (why: string) =>
  new UploadRejectedError(
    "upload.not_xlsx",
    `The file is not an Excel workbook (.xlsx)${why ? ` (${why})` : ""}. Old .xls files and password-protected workbooks cannot be read: save it as an .xlsx workbook without a password and try again.`,
  );

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function readBigAsNumber(buf: Buffer, offset: number): number {
  const v = buf.readBigUInt64LE(offset);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** Reads the central directory: names, methods and declared sizes, without inflating anything. */
function readCentralDirectory(buf: Buffer, limits: UploadLimits): ZipEntry[] {
  if (buf.length < 22) throw notXlsx("too short");
  const sig = buf.readUInt32LE(0);
  if (sig === 0xe011cfd0) throw notXlsx("an old .xls file or an encrypted workbook");
  if (sig !== SIG_LOCAL && sig !== SIG_EOCD) throw notXlsx("not a zip archive");

  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx("no zip directory");

  let total = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) throw notXlsx("broken ZIP64 directory");
    const z64 = readBigAsNumber(buf, locator + 8);
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== SIG_ZIP64_EOCD) throw notXlsx("broken ZIP64 directory");
    total = readBigAsNumber(buf, z64 + 32);
    cdSize = readBigAsNumber(buf, z64 + 40);
    cdOffset = readBigAsNumber(buf, z64 + 48);
  }
  if (total > limits.maxEntries) {
    throw new UploadRejectedError(
      "upload.too_many_entries",
      `The workbook holds too many parts (${thousands(total)}; at most ${thousands(limits.maxEntries)}). Save it again as a plain .xlsx workbook, or split it.`,
      { entries: total, max: limits.maxEntries },
    );
  }
  if (cdOffset + cdSize > buf.length) throw notXlsx("broken zip directory");

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  while (p + 46 <= cdOffset + cdSize && buf.readUInt32LE(p) === SIG_CENTRAL) {
    if (entries.length >= limits.maxEntries) {
      throw new UploadRejectedError(
        "upload.too_many_entries",
        `The workbook holds too many parts (more than ${thousands(limits.maxEntries)}). Save it again as a plain .xlsx workbook, or split it.`,
        { entries: entries.length + 1, max: limits.maxEntries },
      );
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    // ZIP64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    if (uncompressedSize === MAX32 || compressedSize === MAX32 || localHeaderOffset === MAX32) {
      let e = p + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === MAX32 && q + 8 <= e + 4 + size) {
            uncompressedSize = readBigAsNumber(buf, q);
            q += 8;
          }
          if (compressedSize === MAX32 && q + 8 <= e + 4 + size) {
            compressedSize = readBigAsNumber(buf, q);
            q += 8;
          }
          if (localHeaderOffset === MAX32 && q + 8 <= e + 4 + size) localHeaderOffset = readBigAsNumber(buf, q);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length === 0) throw notXlsx("empty zip archive");
  return entries;
}

const unpackAdvice = "Remove unused sheets, pictures or formatting and try again.";

/** The zip directory declares more than the limit: refused before anything is inflated. */
const declaredTooLarge = (declared: number, limits: UploadLimits) =>
  new UploadRejectedError(
    "upload.too_large_unpacked",
    `The workbook is too large when unpacked (${sizeText(declared)} by its zip directory; at most ${mb(limits.maxUnpackedBytes)}). ${unpackAdvice}`,
    { reason: "declared", declaredBytes: declared, max: limits.maxUnpackedBytes },
  );

/**
 * The entries hold more than they declare and inflating them reached the limit, where it stopped: a
 * zip bomb (or a broken file). What was found is "more than the limit", and the file's claim is told.
 */
const inflatedTooLarge = (declared: number, limits: UploadLimits) =>
  new UploadRejectedError(
    "upload.too_large_unpacked",
    `The workbook is too large when unpacked (more than ${mb(limits.maxUnpackedBytes)}, the most allowed, although its zip directory declares ${sizeText(declared)}). ${unpackAdvice}`,
    { reason: "inflated", declaredBytes: declared, max: limits.maxUnpackedBytes },
  );

/**
 * Inflates one entry, producing at most `budget` bytes (what is left of the unpacked limit): an entry
 * that would give more is stopped there and refused with {@link inflatedTooLarge}. An entry whose real
 * size within the budget differs from the declared one is a broken file.
 */
function inflateEntry(buf: Buffer, entry: ZipEntry, budget: number, limits: UploadLimits, declared: number): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== SIG_LOCAL) throw notXlsx("broken zip entry");
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw notXlsx("broken zip entry");
  const data = buf.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw notXlsx("broken zip entry");
    return data;
  }
  if (entry.method !== 8) throw notXlsx("unsupported zip compression");
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw inflatedTooLarge(declared, limits);
    throw notXlsx("broken zip entry");
  }
  if (out.length > budget) throw inflatedTooLarge(declared, limits);
  if (out.length !== entry.uncompressedSize) throw notXlsx("zip entry size mismatch");
  return out;
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : null;
};

/** Sheet names by worksheet part path ("xl/worksheets/sheet1.xml"), from xl/workbook.xml and its rels. */
function sheetNamesByPart(workbookXml: string, relsXml: string | null): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of (relsXml ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (!id || !target) continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null;
    const part = rid ? targets.get(rid) : undefined;
    if (name && part) names.set(part, name);
  }
  return names;
}

/**
 * Rows and cells that carry a value (`<v>` or inline `<is>`) in a worksheet's XML, and all row and
 * cell elements (styled empty ones too), without a full parse.
 */
export function countContent(sheetXml: string): { rows: number; cells: number; elements: number } {
  let rows = 0;
  let cells = 0;
  let elements = 0;
  const elementPattern = /<(?:\w+:)?(?:c|row)[\s>/]/g;
  while (elementPattern.exec(sheetXml)) elements++;
  const rowPattern = /<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  for (let m = rowPattern.exec(sheetXml); m; m = rowPattern.exec(sheetXml)) {
    const body = m[1];
    if (!body) continue;
    const valued = body.match(/<(?:\w+:)?(?:v|is)>/g)?.length ?? 0;
    if (valued > 0) {
      rows++;
      cells += valued;
    }
  }
  return { rows, cells, elements };
}

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
