import { inflateRawSync } from "node:zlib";
import { inflatedTooLarge, notXlsx, thousands, type UploadLimits, UploadRejectedError } from "./upload-rules.ts";

/**
 * The zip container of an xlsx workbook, read without new packages: the central directory (with
 * ZIP64 support) and each entry inflated with node:zlib under a hard output cap.
 */

export interface ZipEntry {
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
export function readCentralDirectory(buf: Buffer, limits: UploadLimits): ZipEntry[] {
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

/**
 * Inflates one entry, producing at most `budget` bytes (what is left of the unpacked limit): an entry
 * that would give more is stopped there and refused with {@link inflatedTooLarge}. An entry whose real
 * size within the budget differs from the declared one is a broken file.
 */
export function inflateEntry(
  buf: Buffer,
  entry: ZipEntry,
  budget: number,
  limits: UploadLimits,
  declared: number,
): Buffer {
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
