import { isIsoDate } from "../../../domain/dates.ts";
import { validateNationalId } from "../../../domain/national-id.ts";
import type { Site } from "../../../domain/placement-row/context.ts";
import { emptyRow, type FieldOfForm, fieldInfos, type RowData } from "../../../domain/placement-row/fields.ts";
import type { CipherPlace, DataCrypto } from "../../shared/crypto.ts";
import type { PlacementRowRecord, RowInsert } from "./overviews.repository.ts";

type NationalIdField = FieldOfForm<"nationalId">;
/** The encrypted column of a national-ID field: `nationalId` → `nationalIdEnc` (`national_id_enc`). */
type EncColumn = `${NationalIdField}Enc`;

const nationalIdFields = fieldInfos.filter((f) => f.form === "nationalId").map((f) => f.key as NationalIdField);
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Where a row's national ID and D-number are stored: each ciphertext decrypts only there. */
export const rowPlaces = (id: string): Record<NationalIdField, CipherPlace> =>
  Object.fromEntries(
    nationalIdFields.map((key) => [key, { table: "placement_rows", column: `${snake(key)}_enc`, id }]),
  ) as Record<NationalIdField, CipherPlace>;

/**
 * The database form of a row, by each field's form (src/domain/placement-row/fields.ts): a text
 * field in its column of the same name; a national ID only encrypted (`<field>Enc`), the national
 * ID also as its keyed hash when valid and its fault otherwise; a date in its `date` column when
 * valid, else as typed in `invalid_values`; the site as its id, or as the name typed when it is not
 * in the trust's list.
 */
export function createCodec(crypto: DataCrypto) {
  return {
    /** A stored row in plain form (decrypts the national ID and D-number, in memory only). */
    toData(rec: PlacementRowRecord, sites: Site[]): RowData {
      const place = rowPlaces(rec.id);
      const raw = rec.invalidValues ?? {};
      const d: RowData = {
        ...emptyRow,
        anonymised: rec.anonymisedAt !== null,
        extendedFrom: rec.endDateBeforeExtension,
      };
      for (const f of fieldInfos) {
        switch (f.form) {
          case "nationalId": {
            const key = f.key as NationalIdField;
            const enc = rec[`${key}Enc` satisfies EncColumn];
            d[key] = enc ? crypto.decrypt(enc, place[key]) : "";
            break;
          }
          case "date": {
            const key = f.key as FieldOfForm<"date">;
            d[key] = rec[key] ?? raw[key] ?? "";
            break;
          }
          case "site": {
            const site = rec.placementSiteId ? sites.find((s) => s.id === rec.placementSiteId) : undefined;
            d.placementSiteId = rec.placementSiteId;
            d.placementSiteName = site?.name ?? rec.placementSiteName;
            break;
          }
          default: {
            const key = f.key as FieldOfForm<"text" | "username" | "email" | "mobile">;
            d[key] = rec[key];
          }
        }
      }
      return d;
    },
    /**
     * The columns that store `d` in row `rowId`: national IDs encrypted for that row (hashed when
     * valid), invalid dates as raw text. `anonymised_at` is not among them: only the retention job
     * sets it. A new row needs its id first (`randomUUID()`).
     */
    toColumns(rowId: string, d: RowData, testMode: boolean): Partial<RowInsert> {
      const place = rowPlaces(rowId);
      const columns: Partial<RowInsert> = {};
      const invalidValues: Record<string, string> = {};
      for (const f of fieldInfos) {
        switch (f.form) {
          case "nationalId": {
            const key = f.key as NationalIdField;
            columns[`${key}Enc` satisfies EncColumn] = d[key] ? crypto.encrypt(d[key], place[key]) : null;
            break;
          }
          case "date": {
            const key = f.key as FieldOfForm<"date">;
            columns[key] = isIsoDate(d[key]) ? d[key] : null;
            if (d[key] && !isIsoDate(d[key])) invalidValues[key] = d[key];
            break;
          }
          case "site":
            columns.placementSiteId = d.placementSiteId;
            columns.placementSiteName = d.placementSiteId ? "" : d.placementSiteName;
            break;
          default: {
            const key = f.key as FieldOfForm<"text" | "username" | "email" | "mobile">;
            columns[key] = d[key];
          }
        }
      }
      const id = d.nationalId ? validateNationalId(d.nationalId, { testMode }) : null;
      columns.nationalIdHash = id?.ok ? crypto.hash(id.value) : null;
      columns.nationalIdProblem = id && !id.ok ? id.code : null;
      return { ...columns, invalidValues };
    },
  };
}
export type Codec = ReturnType<typeof createCodec>;
