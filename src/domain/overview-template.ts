/**
 * The columns of the overview templates (seed "Mal for skjema"; SPEC §3.6), one student a row.
 * Import accepts either language's headers in any order; export writes the sheet's own language.
 */
export type SheetKind = "norwegian" | "international";

export type ColumnKey =
  | "lastName"
  | "firstName"
  | "nationalId"
  | "birthDate"
  | "nationality"
  | "email"
  | "mobile"
  | "homeInstitution"
  | "studyProgramme"
  | "placementSite"
  | "startDate"
  | "endDate"
  | "dNumber"
  | "previousUsername"
  | "registered"
  | "ordered"
  | "learningPortalUser"
  | "comment"
  | "rowId";

export interface Column {
  key: ColumnKey;
  /** The header the template writes. */
  header: string;
  /** Other headers people use for it (the other language, short forms). */
  aliases: string[];
  /** State columns: written on export, ignored on import (the app knows those states). */
  state?: boolean;
  width: number;
}

const col = (key: ColumnKey, header: string, width: number, aliases: string[] = [], state = false): Column => ({
  key,
  header,
  aliases,
  width,
  ...(state ? { state } : {}),
});

/** The hidden column that lets a re-import know each row. */
export const rowIdHeader = "Rad-ID";

export const templateColumns: Record<SheetKind, Column[]> = {
  norwegian: [
    col("lastName", "Etternavn", 18, ["Surname", "Last name"]),
    col("firstName", "Fornavn", 18, ["First name", "Given name"]),
    col("nationalId", "Fødselsnummer", 16, ["Fødselsnr", "Fnr", "Personnummer", "National ID", "D-nummer"]),
    col("email", "E-post", 28, ["E-mail", "Epost", "Email", "E-postadresse"]),
    col("mobile", "Mobil", 14, ["Mobile", "Mobilnummer", "Telefon"]),
    col("studyProgramme", "Studieprogram", 18, ["Study programme", "Program"]),
    col("placementSite", "Praksissted", 28, ["Placement site", "Avdeling", "Post"]),
    col("startDate", "Startdato", 12, ["Start date", "Fra", "Fra dato"]),
    col("endDate", "Sluttdato", 12, ["End date", "Til", "Til dato"]),
    col("previousUsername", "Tidligere brukernavn", 18, ["Previous username", "Brukernavn"]),
    col("registered", "Registrert", 16, ["Registered"], true),
    col("ordered", "Bestilt", 14, ["Ordered"], true),
    col("comment", "Kommentar", 30, ["Comment", "Merknad"]),
  ],
  international: [
    col("lastName", "Surname", 18, ["Etternavn", "Last name"]),
    col("firstName", "First name", 18, ["Fornavn", "Given name"]),
    col("birthDate", "Date of birth", 14, ["Fødselsdato", "Birth date", "DOB"]),
    col("nationality", "Nationality", 16, ["Nasjonalitet", "Statsborgerskap"]),
    col("email", "E-mail", 28, ["E-post", "Email"]),
    col("mobile", "Mobile", 16, ["Mobil", "Phone"]),
    col("homeInstitution", "Home institution", 24, ["Hjemmeinstitusjon", "Home university"]),
    col("studyProgramme", "Study programme", 18, ["Studieprogram"]),
    col("placementSite", "Placement site", 28, ["Praksissted"]),
    col("startDate", "Start date", 12, ["Startdato"]),
    col("endDate", "End date", 12, ["Sluttdato"]),
    col("dNumber", "D-number (if any)", 16, ["D-number", "D-nummer", "Fødselsnummer"]),
    col("registered", "Registered", 16, ["Registrert"], true),
    col("ordered", "Ordered", 14, ["Bestilt"], true),
    col("learningPortalUser", "Learning portal user", 18, ["Læringsportalen", "Læringsportal-bruker"], true),
    col("comment", "Comment", 30, ["Kommentar"]),
  ],
};

/** Lower-case, single spaces, no punctuation at the ends: how headers are compared. */
export const normalizeHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s:*.-]+|[\s:*.-]+$/g, "")
    .trim();

/** The column a header names in a sheet of `kind`, by its header or an alias; the row-ID column too. */
export function columnForHeader(kind: SheetKind, header: string): ColumnKey | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  if (h === normalizeHeader(rowIdHeader) || h === "row id") return "rowId";
  for (const c of templateColumns[kind]) {
    if (normalizeHeader(c.header) === h || c.aliases.some((a) => normalizeHeader(a) === h)) return c.key;
  }
  return null;
}
