/** The two kinds of sheet (SPEC §3.3): Norwegian students, and international students with the English template. */
export const sheetKinds = ["norwegian", "international"] as const;
export type SheetKind = (typeof sheetKinds)[number];
