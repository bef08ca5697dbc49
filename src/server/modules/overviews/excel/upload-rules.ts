import { AppError } from "../../../shared/errors.ts";

/**
 * What an uploaded workbook may be (SPEC §3.6, ARCHITECTURE "Uploaded workbooks"), and the refusals
 * with their stable codes and the English fallback messages. Checked by `checkUpload` (limits.ts).
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

/** The codes an {@link UploadRejectedError} may carry. */
export const uploadErrorCodes = [
  "upload.too_large",
  "upload.not_xlsx",
  "upload.not_readable",
  "upload.too_many_entries",
  "upload.too_large_unpacked",
  "upload.too_many_rows",
] as const;
export type UploadErrorCode = (typeof uploadErrorCodes)[number];

/** A refused upload. `code` is stable (the web translates it); `message` is the English fallback. */
export class UploadRejectedError extends AppError {
  constructor(
    override readonly code: UploadErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, code === "upload.not_xlsx" || code === "upload.not_readable" ? 400 : 413, message, details);
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
export const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;
/** A size as people read it: bytes and kB for small ones (a lying zip declares 1 KB), GB for huge ones. */
const sizeText = (n: number) =>
  n < 1024
    ? `${n} bytes`
    : n < MB
      ? `${Math.round(n / 1024)} kB`
      : n < 1024 * MB
        ? mb(n)
        : `${Math.round((n / (1024 * MB)) * 10) / 10} GB`;
export const thousands = (n: number) => n.toLocaleString("en-GB");

export const notXlsx = (why: string) =>
  new UploadRejectedError(
    "upload.not_xlsx",
    `The file is not an Excel workbook (.xlsx)${why ? ` (${why})` : ""}. Old .xls files and password-protected workbooks cannot be read: save it as an .xlsx workbook without a password and try again.`,
  );

const unpackAdvice = "Remove unused sheets, pictures or formatting and try again.";

/** The zip directory declares more than the limit: refused before anything is inflated. */
export const declaredTooLarge = (declared: number, limits: UploadLimits) =>
  new UploadRejectedError(
    "upload.too_large_unpacked",
    `The workbook is too large when unpacked (${sizeText(declared)} by its zip directory; at most ${mb(limits.maxUnpackedBytes)}). ${unpackAdvice}`,
    { reason: "declared", declaredBytes: declared, max: limits.maxUnpackedBytes },
  );

/**
 * The entries hold more than they declare and inflating them reached the limit, where it stopped: a
 * zip bomb (or a broken file). What was found is "more than the limit", and the file's claim is told.
 */
export const inflatedTooLarge = (declared: number, limits: UploadLimits) =>
  new UploadRejectedError(
    "upload.too_large_unpacked",
    `The workbook is too large when unpacked (more than ${mb(limits.maxUnpackedBytes)}, the most allowed, although its zip directory declares ${sizeText(declared)}). ${unpackAdvice}`,
    { reason: "inflated", declaredBytes: declared, max: limits.maxUnpackedBytes },
  );
