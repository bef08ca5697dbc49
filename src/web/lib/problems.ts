import type { TFunction } from "i18next";
import type { ProblemDetails } from "../../contracts/overviews.ts";
import { formatDate, parseDate } from "../../domain/dates.ts";

/** Problem codes with their own text under overviews.problems.<code with . as _>. */
const knownProblems = new Set([
  "name.empty",
  "placement_site.empty",
  "import.row_id_invalid",
  "rows.unknown_placement_site",
  "rows.duplicate_student",
  "rows.invalid",
  "rows.anonymised",
  "national_id.empty",
  "national_id.not_digits",
  "national_id.wrong_length",
  "national_id.checksum",
  "national_id.invalid_date",
  "national_id.test_number_not_allowed",
  "national_id.leading_zero_restored",
  "email.empty",
  "email.invalid",
  "email.national_id",
  "previous_username.national_id",
  "free_text.national_id_masked",
  "mobile.empty",
  "mobile.invalid",
  "date.empty",
  "date.invalid",
  "date.outside_period",
  "date.end_before_start",
  "save.failed",
]);

/** Characters found where they do not belong, as people read them: «-», «x», mellomrom. */
const characterList = (t: TFunction, characters: string) =>
  [...characters].map((c) => (/\s/.test(c) ? t("overviews.problems.space") : `«${c}»`)).join(", ");

/**
 * The translated text of a problem code, from the grid's checks, the server, the import report or
 * the registration form's rules (`registration.*`).
 * With `details` (what the check found) the text says it: `overviews.problems.<code>_<reason>`
 * filled in with the details, the plain text where a reason has none of its own.
 */
export function problemText(t: TFunction, rawCode: string, suggestions?: string[], details?: ProblemDetails): string {
  // The registration form's own codes (a required field, national ID or birth date) have their texts there.
  if (rawCode.startsWith("registration.")) return t(`registration.problems.${rawCode.slice("registration.".length)}`);
  // A D-number has the same rules as a fødselsnummer; the server reports it as d_number.*.
  const code = rawCode.startsWith("d_number.") ? rawCode.replace("d_number.", "national_id.") : rawCode;
  const key = `overviews.problems.${code.replaceAll(".", "_")}`;
  if (knownProblems.has(code) && details) {
    return t(key, {
      context: details.reason,
      ...(details.reason === "digits" ? { count: details.digits } : {}),
      dateDigits: details.dateDigits,
      name: details.name,
      characters: details.characters ? characterList(t, details.characters) : undefined,
      start: details.start ? formatDate(details.start) : undefined,
      end: details.end ? formatDate(details.end) : undefined,
    });
  }
  if (knownProblems.has(code)) return t(key);
  if (suggestions && suggestions.length > 0) return t("overviews.problems.rows_unknown_placement_site");
  return t("overviews.problems.unknown", { code });
}

/** Notice codes of the import report (ignored columns, header row found …). */
const knownNotices = new Set([
  "import.column_ignored",
  "import.state_column_ignored",
  "import.column_duplicate",
  "import.column_missing",
  "import.title_rows_skipped",
  "import.national_ids_masked",
]);

export function noticeText(t: TFunction, code: string, column: string | null): string {
  if (knownNotices.has(code))
    return t(`overviews.import.notices.${code.replaceAll(".", "_")}`, { column: column ?? "" });
  return column
    ? t("overviews.import.notices.other_column", { code, column })
    : t("overviews.import.notices.other", { code });
}

/**
 * A date typed as dd.mm.yyyy (read by `parseDate` whatever the browser's language): its ISO form,
 * or what is wrong with it for its field — `empty` (the field's own text) when nothing was typed.
 */
export function typedDate(
  t: TFunction,
  typed: string,
  empty = problemText(t, "date.empty"),
): { date: string; error: null } | { date: null; error: string } {
  if (!typed.trim()) return { date: null, error: empty };
  const date = parseDate(typed);
  return date ? { date, error: null } : { date: null, error: problemText(t, "date.invalid") };
}
