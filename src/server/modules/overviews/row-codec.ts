import { isIsoDate } from "../../../domain/dates.ts";
import { validateNationalId } from "../../../domain/national-id.ts";
import type { RowData, Site } from "../../../domain/placement-row.ts";
import type { CipherPlace, DataCrypto } from "../../shared/crypto.ts";
import type { PlacementRowRecord, RowInsert } from "./overviews.repository.ts";

/** Where a row's national ID and D-number are stored: each ciphertext decrypts only there. */
export const rowPlaces = (id: string): { nationalId: CipherPlace; dNumber: CipherPlace } => ({
  nationalId: { table: "placement_rows", column: "national_id_enc", id },
  dNumber: { table: "placement_rows", column: "d_number_enc", id },
});

export function createCodec(crypto: DataCrypto) {
  return {
    /** A stored row in plain form (decrypts the national ID and D-number, in memory only). */
    toData(rec: PlacementRowRecord, sites: Site[]): RowData {
      const place = rowPlaces(rec.id);
      const raw = rec.invalidValues ?? {};
      const site = rec.placementSiteId ? sites.find((s) => s.id === rec.placementSiteId) : undefined;
      return {
        lastName: rec.lastName,
        firstName: rec.firstName,
        nationalId: rec.nationalIdEnc ? crypto.decrypt(rec.nationalIdEnc, place.nationalId) : "",
        birthDate: rec.birthDate ?? raw.birthDate ?? "",
        nationality: rec.nationality,
        email: rec.email,
        mobile: rec.mobile,
        homeInstitution: rec.homeInstitution,
        studyProgramme: rec.studyProgramme,
        placementSiteId: rec.placementSiteId,
        placementSiteName: site?.name ?? rec.placementSiteName,
        startDate: rec.startDate ?? raw.startDate ?? "",
        endDate: rec.endDate ?? raw.endDate ?? "",
        dNumber: rec.dNumberEnc ? crypto.decrypt(rec.dNumberEnc, place.dNumber) : "",
        previousUsername: rec.previousUsername,
        anonymised: rec.anonymisedAt !== null,
      };
    },
    /**
     * The columns that store `d` in row `rowId`: national IDs encrypted for that row (hashed when
     * valid), invalid dates as raw text. `anonymised_at` is not among them: only the retention job
     * sets it. A new row needs its id first (`randomUUID()`).
     */
    toColumns(rowId: string, d: RowData, testMode: boolean): Partial<RowInsert> {
      const place = rowPlaces(rowId);
      const iso = (s: string) => (isIsoDate(s) ? s : null);
      const invalidValues: Record<string, string> = {};
      for (const f of ["birthDate", "startDate", "endDate"] as const) {
        if (d[f] && !iso(d[f])) invalidValues[f] = d[f];
      }
      const id = d.nationalId ? validateNationalId(d.nationalId, { testMode }) : null;
      return {
        lastName: d.lastName,
        firstName: d.firstName,
        nationalIdEnc: d.nationalId ? crypto.encrypt(d.nationalId, place.nationalId) : null,
        nationalIdHash: id?.ok ? crypto.hash(id.value) : null,
        nationalIdProblem: id && !id.ok ? id.code : null,
        birthDate: iso(d.birthDate),
        nationality: d.nationality,
        email: d.email,
        mobile: d.mobile,
        homeInstitution: d.homeInstitution,
        studyProgramme: d.studyProgramme,
        placementSiteId: d.placementSiteId,
        placementSiteName: d.placementSiteId ? "" : d.placementSiteName,
        startDate: iso(d.startDate),
        endDate: iso(d.endDate),
        dNumberEnc: d.dNumber ? crypto.encrypt(d.dNumber, place.dNumber) : null,
        previousUsername: d.previousUsername,
        invalidValues,
      };
    },
  };
}
export type Codec = ReturnType<typeof createCodec>;
