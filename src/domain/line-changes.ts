import { accessFields, type OrderLineState } from "./order-lines.ts";

export type AccessField = (typeof accessFields)[number];

/** One change of an ordered row's access field, from → to (dates ISO, the site and programme by name). */
export interface LineChange {
  field: AccessField;
  from: string | null;
  to: string | null;
}

/**
 * A line's changes after a new change of its row: per field the first `from` (what was ordered) and
 * the latest `to`; a field changed back to what was ordered is no change any more. In the fields' order.
 */
export function mergeLineChanges(existing: readonly LineChange[], incoming: readonly LineChange[]): LineChange[] {
  const byField = new Map<AccessField, LineChange>();
  for (const c of existing) byField.set(c.field, { ...c });
  for (const c of incoming) {
    const had = byField.get(c.field);
    byField.set(c.field, { field: c.field, from: had ? had.from : c.from, to: c.to });
  }
  return [...byField.values()]
    .filter((c) => (c.from ?? "") !== (c.to ?? ""))
    .sort((a, b) => accessFields.indexOf(a.field) - accessFields.indexOf(b.field));
}

/**
 * The state a changed line had before its row changed, from what the line keeps of its steps: when
 * a row's change is undone before it is ordered, the line goes back there.
 */
export function stateBeforeChange(line: {
  implementedAt: Date | string | null;
  approvedAt: Date | string | null;
  extendedAt: Date | string | null;
  extensionDoneAt: Date | string | null;
}): OrderLineState {
  if (line.extendedAt && !line.extensionDoneAt) return "extended";
  if (line.implementedAt) return "implemented";
  if (line.approvedAt) return "approved";
  return "ordered";
}

/** Whether a change of these fields changes the row's access profile (FOU orders the row's systems anew). */
export const changesProfile = (changes: readonly { field: string | null }[]) =>
  changes.some((c) => c.field === "studyProgramme");

type Language = "nb" | "nn" | "en";

/** The access fields' names in change texts, per language. */
export const accessFieldNames: Record<Language, Record<AccessField, string>> = {
  nb: { startDate: "Startdato", endDate: "Sluttdato", placementSiteId: "Praksissted", studyProgramme: "Studieprogram" },
  nn: { startDate: "Startdato", endDate: "Sluttdato", placementSiteId: "Praksisstad", studyProgramme: "Studieprogram" },
  en: {
    startDate: "Start date",
    endDate: "End date",
    placementSiteId: "Placement site",
    studyProgramme: "Study programme",
  },
};

const shown = (field: AccessField, v: string | null) =>
  v === null || v === "" ? "–" : field === "startDate" || field === "endDate" ? v.split("-").reverse().join(".") : v;

/** One change as people read it: "Sluttdato 31.01.2027 → 14.02.2027" (dates dd.mm.yyyy). */
export const changeText = (c: LineChange, language: Language = "nb") =>
  `${accessFieldNames[language][c.field]} ${shown(c.field, c.from)} → ${shown(c.field, c.to)}`;

/** A line's changes in one text, separated by semicolons. */
export const changesText = (changes: readonly LineChange[], language: Language = "nb") =>
  changes.map((c) => changeText(c, language)).join("; ");
