import { parseDate } from "../../../../domain/dates.ts";

/** One line of a Kommentar cell: a signed comment as our export writes it, or plain text someone typed. */
export type CommentLine =
  | { signed: true; body: string; author: string; date: string }
  | { signed: false; body: string };

const signedPattern = /^(.*\S)\s+—\s+(.+?)\s+(\d{2}\.\d{2}\.\d{4})$/;

/**
 * Splits a Kommentar cell into lines and recognises the signed ones our export writes
 * (`<body> — <name> <dd.mm.yyyy>`; date as `YYYY-MM-DD`), so a re-import adds only the new,
 * unsigned lines as comments.
 */
export function parseCommentCell(text: string | null): CommentLine[] {
  if (!text) return [];
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = signedPattern.exec(line);
      const date = m ? parseDate(m[3] as string) : null;
      return m && date
        ? { signed: true as const, body: m[1] as string, author: m[2] as string, date }
        : { signed: false as const, body: line };
    });
}
