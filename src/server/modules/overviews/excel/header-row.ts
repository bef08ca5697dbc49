import type ExcelJS from "exceljs";
import {
  type ColumnKey,
  columnForHeader,
  normalizeHeader,
  templateColumns,
} from "../../../../domain/overview-template.ts";
import { fieldInfos } from "../../../../domain/placement-row/fields.ts";
import { type SheetKind, sheetKinds } from "../../../../domain/sheet-kind.ts";
import { textOf } from "./read-cells.ts";

/** How far down the header row may be. */
const HEADER_SEARCH_ROWS = 10;
/** How many template columns a row must name to be the header row. */
const MIN_HEADERS = 3;

export interface HeaderCandidate {
  rowNumber: number;
  texts: Map<number, string>;
  score: number;
}

function headerCandidates(ws: ExcelJS.Worksheet): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  const last = Math.min(HEADER_SEARCH_ROWS, ws.rowCount);
  for (let r = 1; r <= last; r++) {
    const texts = new Map<number, string>();
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const t = textOf(cell.value);
      if (t) texts.set(col, t);
    });
    let score = 0;
    for (const kind of sheetKinds) {
      const keys = new Set<ColumnKey>();
      for (const t of texts.values()) {
        const key = columnForHeader(kind, t);
        if (key) keys.add(key);
      }
      score = Math.max(score, keys.size);
    }
    out.push({ rowNumber: r, texts, score });
  }
  return out;
}

/**
 * The columns only the international template has, the D-number aside (date of birth, nationality,
 * home institution): a D-number column is no sign, the Norwegian template reads one as its national ID.
 */
const internationalOnlyColumns = fieldInfos
  .filter((f) => f.sheets.international && !f.sheets.norwegian && f.form !== "nationalId")
  .map((f) => f.column);

const primaryHeaders = (kind: SheetKind) => new Set(templateColumns[kind].map((c) => normalizeHeader(c.header)));

/**
 * International when the sheet's name says so ("Internasjonale – Periode 1", "International …"),
 * when its headers are more the English template's own headers than the Norwegian ones, or when it
 * has international-only columns (date of birth, nationality, home institution) and no national ID.
 */
export function detectSheetKind(sheetName: string, headers: string[]): SheetKind {
  if (/^\s*internasjonal/i.test(sheetName) || /international/i.test(sheetName)) return "international";
  const normalized = headers.map(normalizeHeader);
  const english = primaryHeaders("international");
  const norwegian = primaryHeaders("norwegian");
  const en = normalized.filter((h) => english.has(h)).length;
  const no = normalized.filter((h) => norwegian.has(h)).length;
  if (en > no) return "international";
  const intlKeys = new Set(headers.map((h) => columnForHeader("international", h)));
  const internationalOnly = internationalOnlyColumns.some((c) => intlKeys.has(c));
  // A fødselsnummer column makes it Norwegian; a D-number column does not (international students may have one).
  const nationalId = headers.some(
    (h) => columnForHeader("norwegian", h) === "nationalId" && !/^d-?num/.test(normalizeHeader(h)),
  );
  if (internationalOnly && !nationalId) return "international";
  return "norwegian";
}

/** The row within the first ten that names the most template columns, if it names at least three. */
export function findHeaderRow(ws: ExcelJS.Worksheet): HeaderCandidate | null {
  let best: HeaderCandidate | undefined;
  for (const c of headerCandidates(ws)) if (!best || c.score > best.score) best = c;
  return best && best.score >= MIN_HEADERS ? best : null;
}
