import type { SheetKind } from "../sheet-kind.ts";

/**
 * The one registry of a placement row's fields (SPEC §3.6), in the template's order. Every list of
 * the row's fields is derived from it: the contract's row and row input (`src/contracts/overviews.ts`),
 * the in-memory row (`RowData`), the template's columns (`overview-template.ts`), the database codec,
 * the Excel reader and writer, paste, and the fields compared for changes.
 *
 * A field's `form` says how it is typed, held, stored and shown:
 * - `text`, `email`, `mobile`: a string (e-mail lower-cased and mobile in E.164 when valid, else as typed);
 * - `username`: an identifier kept as typed (trimmed), a national ID in it masked and flagged;
 * - `date`: `YYYY-MM-DD` when valid, else as typed (the database keeps that text in `invalid_values`);
 *   answered as a date or null; a real Excel date in a workbook;
 * - `nationalId`: 11 digits when valid, else as typed; encrypted in the database; answered only
 *   masked (`<key>Masked`, `010190 *****`); text in a workbook, masked unless the export may show it;
 * - `site`: a placement site of the trust. Typed, pasted and read from a workbook as a name (`nameKey`,
 *   matched to the trust's list), picked in the grid as an id (`key`); held and answered as both, stored
 *   as the id, or as the name typed when it is not in the list. Its problems and changes are `key`'s.
 */
export type FieldForm = "text" | "username" | "date" | "nationalId" | "email" | "mobile" | "site";

/** How a field's column looks on the template of one sheet kind. */
interface SheetColumn {
  /** Headers people use besides the field's own two (short forms, older names). */
  aliases: readonly string[];
  /** Column width in the workbook, in characters. */
  width: number;
}

interface FieldSpec {
  key: string;
  /** The template's column key (`ColumnKey`), where it differs from `key`. */
  column?: string;
  form: FieldForm;
  /** The most characters accepted as input (the name's, for a site). */
  maxLength: number;
  /** The column's header in Norwegian (the Norwegian template) and English (the international one). */
  headers: { nb: string; en: string };
  /** The field's name in change texts where the header will not do: nynorsk, and a shorter English one. */
  names: { nn: string; en?: string };
  /** The sheet kinds whose template has the column. */
  sheets: Partial<Record<SheetKind, SheetColumn>>;
  /** `site` only: the input and data key of the site's name. */
  nameKey?: string;
}

const both = (aliases: readonly string[], width: number, international: readonly string[] = aliases) => ({
  norwegian: { aliases, width },
  international: { aliases: international, width },
});

const rowFieldSpecs = [
  {
    key: "lastName",
    form: "text",
    maxLength: 100,
    headers: { nb: "Etternavn", en: "Surname" },
    names: { nn: "Etternamn" },
    sheets: both(["Last name"], 18),
  },
  {
    key: "firstName",
    form: "text",
    maxLength: 100,
    headers: { nb: "Fornavn", en: "First name" },
    names: { nn: "Førenamn" },
    sheets: both(["Given name"], 18),
  },
  {
    key: "nationalId",
    form: "nationalId",
    maxLength: 20,
    headers: { nb: "Fødselsnummer", en: "National ID" },
    names: { nn: "Fødselsnummer" },
    sheets: { norwegian: { aliases: ["Fødselsnr", "Fnr", "Personnummer", "D-nummer"], width: 16 } },
  },
  {
    key: "birthDate",
    form: "date",
    maxLength: 20,
    headers: { nb: "Fødselsdato", en: "Date of birth" },
    names: { nn: "Fødselsdato" },
    sheets: { international: { aliases: ["Birth date", "DOB"], width: 14 } },
  },
  {
    key: "nationality",
    form: "text",
    maxLength: 100,
    headers: { nb: "Nasjonalitet", en: "Nationality" },
    names: { nn: "Nasjonalitet" },
    sheets: { international: { aliases: ["Statsborgerskap"], width: 16 } },
  },
  {
    key: "email",
    form: "email",
    maxLength: 254,
    headers: { nb: "E-post", en: "E-mail" },
    names: { nn: "E-post" },
    sheets: {
      norwegian: { aliases: ["Epost", "Email", "E-postadresse"], width: 28 },
      international: { aliases: ["Email"], width: 28 },
    },
  },
  {
    key: "mobile",
    form: "mobile",
    maxLength: 30,
    headers: { nb: "Mobil", en: "Mobile" },
    names: { nn: "Mobil" },
    sheets: {
      norwegian: { aliases: ["Mobilnummer", "Telefon"], width: 14 },
      international: { aliases: ["Phone"], width: 16 },
    },
  },
  {
    key: "homeInstitution",
    form: "text",
    maxLength: 200,
    headers: { nb: "Hjemmeinstitusjon", en: "Home institution" },
    names: { nn: "Heimeinstitusjon" },
    sheets: { international: { aliases: ["Home university"], width: 24 } },
  },
  {
    key: "studyProgramme",
    form: "text",
    maxLength: 120,
    headers: { nb: "Studieprogram", en: "Study programme" },
    names: { nn: "Studieprogram" },
    sheets: both(["Program"], 18, []),
  },
  {
    key: "placementSiteId",
    column: "placementSite",
    nameKey: "placementSiteName",
    form: "site",
    maxLength: 200,
    headers: { nb: "Praksissted", en: "Placement site" },
    names: { nn: "Praksisstad" },
    sheets: both(["Avdeling", "Post"], 28, []),
  },
  {
    key: "startDate",
    form: "date",
    maxLength: 20,
    headers: { nb: "Startdato", en: "Start date" },
    names: { nn: "Startdato" },
    sheets: both(["Fra", "Fra dato"], 12, []),
  },
  {
    key: "endDate",
    form: "date",
    maxLength: 20,
    headers: { nb: "Sluttdato", en: "End date" },
    names: { nn: "Sluttdato" },
    sheets: both(["Til", "Til dato"], 12, []),
  },
  {
    key: "dNumber",
    form: "nationalId",
    maxLength: 20,
    headers: { nb: "D-nummer", en: "D-number (if any)" },
    names: { nn: "D-nummer", en: "D-number" },
    sheets: { international: { aliases: ["D-number", "Fødselsnummer"], width: 16 } },
  },
  {
    key: "previousUsername",
    form: "username",
    maxLength: 60,
    headers: { nb: "Tidligere brukernavn", en: "Previous username" },
    names: { nn: "Tidlegare brukarnamn" },
    sheets: { norwegian: { aliases: ["Brukernavn"], width: 18 } },
  },
] as const satisfies readonly FieldSpec[];

type Spec = (typeof rowFieldSpecs)[number];
type SiteSpec = Extract<Spec, { form: "site" }>;

/** The row's fields, as the API names them (the site by its id). */
export type RowField = Spec["key"];
/** The fields of one form. */
export type FieldOfForm<F extends FieldForm> = Extract<Spec, { form: F }>["key"];
/** The site's field (`placementSiteId`) and the key of its name (`placementSiteName`). */
export type SiteField = SiteSpec["key"];
export type SiteNameKey = SiteSpec["nameKey"];
/** The template's column of each field (the site's is `placementSite`). */
export type FieldColumnKey = Exclude<Spec, { column: string }>["key"] | Extract<Spec, { column: string }>["column"];
/** The fields held as one string (all but the site). */
export type StringField = Exclude<RowField, SiteField>;

export const rowFields = rowFieldSpecs.map((s) => s.key) as [RowField, ...RowField[]];

/** The fields compared for changes, in the template's order. */
export const trackedFields: readonly RowField[] = rowFields;

const siteSpec = rowFieldSpecs.find((s) => s.form === "site") as SiteSpec;

/** The key a cell of a workbook or a paste is typed into: a field's own, the site's name for the site. */
export type CellKey = StringField | SiteNameKey;

/**
 * A field's registry entry with what the other parts ask of it: its template column and the key
 * of its cells as typed (`cellKey`).
 */
export interface FieldInfo {
  key: RowField;
  column: FieldColumnKey;
  cellKey: CellKey;
  form: FieldForm;
  maxLength: number;
  headers: { nb: string; en: string };
  /** The field's name in change texts and notifications, in bokmål, nynorsk and English. */
  names: { nb: string; nn: string; en: string };
  sheets: Partial<Record<SheetKind, SheetColumn>>;
}

export const fieldInfos: readonly FieldInfo[] = rowFieldSpecs.map((s: FieldSpec) => ({
  key: s.key as RowField,
  column: (s.column ?? s.key) as FieldColumnKey,
  cellKey: (s.nameKey ?? s.key) as CellKey,
  form: s.form,
  maxLength: s.maxLength,
  headers: s.headers,
  names: { nb: s.headers.nb, nn: s.names.nn, en: s.names.en ?? s.headers.en },
  sheets: s.sheets,
}));

const byKey = new Map<string, FieldInfo>(fieldInfos.flatMap((f) => [[f.key, f] as const, [f.cellKey, f] as const]));
const byColumn = new Map<string, FieldInfo>(fieldInfos.map((f) => [f.column, f]));

/** A field's entry, by its key or its cells' key (`placementSiteName` is the site's). */
export const fieldInfo = (field: RowField | CellKey): FieldInfo => byKey.get(field) as FieldInfo;
/** The field a template column holds; undefined for the state, comment and row-ID columns. */
export const fieldOfColumn = (column: string): FieldInfo | undefined => byColumn.get(column);

/**
 * A row in plain form, in memory only: what the coordinator typed, normalized where the value is
 * valid (national IDs as 11 digits, e-mail lower-cased, mobile in E.164, dates as YYYY-MM-DD) and
 * kept as typed where it is not. Problems are computed from it; the database holds it with the
 * national ID and D-number encrypted. The site is held as its id (null when the name typed is not
 * in the trust's list) and its name (from the list when the id is set, else as typed).
 */
export type RowData = Record<StringField | SiteNameKey, string> &
  Record<SiteField, string | null> & {
    /**
     * Whether the retention job emptied the row's personal data (`anonymised_at`): such a row has no
     * problems, is never a duplicate and is read-only. Not a field anyone types.
     */
    anonymised: boolean;
    /**
     * The end date before FOU first extended the placement (`end_date_before_extension`); absent or
     * null: never extended. An extended row may end past its sheet's period. Not a field anyone types.
     */
    extendedFrom?: string | null;
  };

/** What a person types or pastes into a row; every field optional, strings as typed, the site by id or name. */
export type RowInput = Partial<Record<StringField | SiteNameKey, string>> & Partial<Record<SiteField, string | null>>;

/** A row's values as the template's cells hold them: strings keyed by `cellKey`, the site by name. */
export type CellValues = Partial<Record<CellKey, string>>;

export const emptyRow: RowData = {
  ...(Object.fromEntries(fieldInfos.map((f) => [f.cellKey, ""])) as Record<CellKey, string>),
  [siteSpec.key]: null,
  anonymised: false,
} as RowData;

/** The row's values as the template's cells show them: dates `YYYY-MM-DD` or as typed, the site by name. */
export const cellValuesOf = (d: RowData): CellValues =>
  Object.fromEntries(fieldInfos.map((f) => [f.cellKey, d[f.cellKey]])) as CellValues;
