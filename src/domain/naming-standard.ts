/**
 * The trust's naming standard for documents, sheets and files (seed "Navnestandard"). The defaults
 * follow the procedure; a trust may change the patterns. Placeholders: {institution}, {programme},
 * {cohort}, {n}, {label}.
 */
export interface NamingStandard {
  document: string;
  sheet: string;
  internationalSheet: string;
  file: string;
}

export const defaultNamingStandard: NamingStandard = {
  document: "{institution} {programme} kull {cohort}",
  sheet: "{label} {n}",
  internationalSheet: "Internasjonale – {label} {n}",
  file: "Praksisoversikt {institution} {programme} kull {cohort}.xlsx",
};

/** A trust's naming standard from its settings columns. */
export const namingStandardOf = (t: {
  namingDocument: string;
  namingSheet: string;
  namingInternationalSheet: string;
  namingFile: string;
}): NamingStandard => ({
  document: t.namingDocument,
  sheet: t.namingSheet,
  internationalSheet: t.namingInternationalSheet,
  file: t.namingFile,
});

/** Period labels people use: "Periode 1", "Semester 5". */
export const periodLabels = ["Periode", "Semester"] as const;
export type PeriodLabel = (typeof periodLabels)[number];

const fill = (pattern: string, values: Record<string, string | number>) =>
  pattern.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole)).trim();

export interface GroupNaming {
  institution: string;
  programme: string;
  cohort: number;
}

export const documentName = (g: GroupNaming, s: NamingStandard = defaultNamingStandard) => fill(s.document, { ...g });

export const fileName = (g: GroupNaming, s: NamingStandard = defaultNamingStandard) =>
  fill(s.file, { ...g }).replace(/[\\/:*?"<>|]/g, "-");

export function sheetName(
  p: { label: PeriodLabel; n: number; international: boolean },
  s: NamingStandard = defaultNamingStandard,
): string {
  return fill(p.international ? s.internationalSheet : s.sheet, { label: p.label, n: p.n });
}

/** The next period's name when a sheet is copied: "Periode 2" → "Periode 3". */
export function nextSheetName(name: string): string | null {
  const match = /^(.*?)(\d+)\s*$/.exec(name);
  if (!match) return null;
  return `${match[1]}${Number(match[2]) + 1}`;
}
