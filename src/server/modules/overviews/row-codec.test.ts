import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../../test/helpers/national-ids.ts";
import { emptyRow, fieldInfos, type RowData } from "../../../domain/placement-row/fields.ts";
import { createDataCrypto } from "../../shared/crypto.ts";
import type { PlacementRowRecord } from "./overviews.repository.ts";
import { createCodec, rowPlaces } from "./row-codec.ts";

const crypto = createDataCrypto(randomBytes(32));
const codec = createCodec(crypto);
const sites = [{ id: randomUUID(), name: "Akuttmottaket" }];
const nationalId = testNationalId({ year: 1995, month: 5, day: 7, individual: 100 });

const stored = (id: string, d: RowData) =>
  ({ id, anonymisedAt: null, ...codec.toColumns(id, d, false) }) as unknown as PlacementRowRecord;

describe("the row codec", () => {
  it("stores every field of the registry and reads it back", () => {
    const d: RowData = {
      ...emptyRow,
      lastName: "Nordmann",
      firstName: "Kari",
      nationalId,
      birthDate: "1995-05-07",
      nationality: "Norsk",
      email: "kari@stud.hvl.no",
      mobile: "+4791234567",
      homeInstitution: "HVL",
      studyProgramme: "Sykepleie",
      placementSiteId: sites[0]?.id ?? null,
      placementSiteName: "Akuttmottaket",
      startDate: "2027-03-01",
      endDate: "2027-04-30",
      dNumber: testNationalId({ year: 1995, month: 5, day: 7, individual: 100, kind: "dnr" }),
      previousUsername: "kno012",
    };
    for (const f of fieldInfos) expect(d[f.cellKey], f.key).not.toBe(emptyRow[f.cellKey]);
    const id = randomUUID();
    expect(codec.toData(stored(id, d), sites)).toEqual(d);
  });

  it("keeps national IDs only encrypted for their row, invalid dates as typed, an unknown site by name", () => {
    const d: RowData = {
      ...emptyRow,
      nationalId,
      startDate: "31.02.2027",
      placementSiteId: null,
      placementSiteName: "Ukjent post",
    };
    const id = randomUUID();
    const columns = codec.toColumns(id, d, false);
    expect(JSON.stringify(columns)).not.toContain(nationalId);
    expect(crypto.decrypt(columns.nationalIdEnc as string, rowPlaces(id).nationalId)).toBe(nationalId);
    expect(columns.nationalIdHash).toBe(crypto.hash(nationalId));
    expect(columns).toMatchObject({ startDate: null, invalidValues: { startDate: "31.02.2027" }, dNumberEnc: null });
    expect(columns).toMatchObject({ placementSiteId: null, placementSiteName: "Ukjent post" });
    expect(codec.toData(stored(id, d), sites)).toEqual(d);
  });
});
