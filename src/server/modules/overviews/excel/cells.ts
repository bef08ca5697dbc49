import type { CellValue } from "exceljs";

/**
 * Cell helpers shared by the reader and the writer: plain values out of exceljs's cell shapes, and
 * the neutralisation of formula-like text (CSV/formula injection) that export applies and import
 * undoes.
 */

/** A cell value reduced to something plain: rich text, hyperlinks and formula results unwrapped. */
export type PlainCellValue = string | number | boolean | Date | null;

/**
 * Rich text → its text, hyperlink → its text (else the address without `mailto:`), formula → its
 * result, error → `#N/A`… NUL characters are dropped from text: no one types them, a crafted file
 * can carry them (`_x0000_`, which exceljs decodes) and PostgreSQL text cannot hold them.
 */
export function plainValue(value: CellValue | unknown): PlainCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.replaceAll("\u0000", "");
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return plainValue(
      (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join(""),
    );
  }
  if ("hyperlink" in v) {
    const text = plainValue(v.text);
    if (text !== null && text !== "") return text;
    return typeof v.hyperlink === "string" ? v.hyperlink.replace(/^mailto:/i, "").replace(/\?.*$/, "") : null;
  }
  if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
  if (typeof v.error === "string") return v.error;
  if ("text" in v) return plainValue(v.text);
  return null;
}

/** Characters that make a spreadsheet treat text as a formula (OWASP "CSV injection"). */
const TRIGGERS = "=+-@\t\r";

/** Harmless though it starts with + or -: a number or phone number (digits, spaces, one decimal mark). */
const numberLike = /^[+-]?\d[\d ]*(?:[.,]\d+)?$/;

/**
 * Neutralises text for export: a value that starts with `=`, `+`, `-`, `@`, tab or CR — after any
 * apostrophes — gets one leading apostrophe (`'`), so no spreadsheet or CSV conversion evaluates it
 * and a reader sees at once that it is text. Numbers and phone numbers (`+47 912 34 567`, `-5`) are
 * left alone: they cannot call functions or refer to cells. {@link unneutralise} undoes exactly this.
 */
export function neutralise(text: string): string {
  let i = 0;
  while (text[i] === "'") i++;
  const first = text[i];
  if (first === undefined || !TRIGGERS.includes(first)) return text;
  if (i === 0 && numberLike.test(text)) return text;
  return `'${text}`;
}

/** Undoes {@link neutralise}: one leading apostrophe before apostrophes and a formula trigger is dropped. */
export function unneutralise(text: string): string {
  let i = 0;
  while (text[i] === "'") i++;
  const first = text[i];
  if (i === 0 || first === undefined || !TRIGGERS.includes(first)) return text;
  return text.slice(1);
}
