import { defaultUploadLimits, mb, thousands, type UploadLimits, UploadRejectedError } from "./upload-rules.ts";

/**
 * A CSV file (RFC 4180, as Excel and Webcruiter write it) into rows of text cells. The separator is
 * the one the first line uses most of `;` (Excel in Norwegian), `,` and tab; a byte order mark is
 * dropped; text that is not UTF-8 is read as Windows-1252 (Excel's "CSV" in Western Europe). Quoted
 * cells may hold separators, line breaks and doubled quotes. Refused with an
 * {@link UploadRejectedError}: more than `maxBytes`, more rows than `maxRowsPerSheet` besides the
 * header, more cells than `maxCellsPerSheet`, or binary content (`upload.not_readable`).
 */
export function readCsv(buffer: Buffer, overrides: Partial<UploadLimits> = {}): string[][] {
  const limits = { ...defaultUploadLimits, ...overrides };
  if (buffer.length > limits.maxBytes) {
    throw new UploadRejectedError(
      "upload.too_large",
      `The file is too large (${mb(buffer.length)}; at most ${mb(limits.maxBytes)}).`,
      { bytes: buffer.length, max: limits.maxBytes },
    );
  }
  const text = decode(buffer);
  if (text.includes("\u0000")) throw notReadable();
  const separator = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let cells = 0;
  const endCell = () => {
    row.push(cell);
    cell = "";
    if (++cells > limits.maxCellsPerSheet) {
      throw new UploadRejectedError(
        "upload.too_large_unpacked",
        `The file holds too many cells (more than ${thousands(limits.maxCellsPerSheet)}).`,
        { cells, max: limits.maxCellsPerSheet },
      );
    }
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRowsPerSheet + 1) {
      throw new UploadRejectedError(
        "upload.too_many_rows",
        `The file has too many rows (more than ${thousands(limits.maxRowsPerSheet)} besides the header). Split it into several files.`,
        { rows: rows.length - 1, max: limits.maxRowsPerSheet },
      );
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === separator) endCell();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}

export const notReadable = () =>
  new UploadRejectedError(
    "upload.not_readable",
    "The file could not be read as an Excel workbook (.xlsx) or a CSV file. Save it as one of them and try again.",
  );

function decode(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder("windows-1252").decode(buffer);
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** The separator the first line uses most of, outside quotes; `;` when it has none. */
function separatorOf(text: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ";";
  for (const [c, n] of counts) if (n > (counts.get(best) ?? 0)) best = c;
  return best;
}
