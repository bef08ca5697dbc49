import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../../../test/helpers/national-ids.ts";
import { cellValuesOf, emptyRow, fieldInfos, type RowData } from "../../../../domain/placement-row/fields.ts";
import { sheetKinds } from "../../../../domain/sheet-kind.ts";
import { parseOverviewWorkbook } from "./parse.ts";
import { writeOverviewWorkbook } from "./write.ts";

/** A value of each form that the workbook must carry unchanged. */
const student: RowData = {
  ...emptyRow,
  lastName: "Nordmann-Smith",
  firstName: "Kari Anne",
  nationalId: testNationalId({ year: 1995, month: 5, day: 7, individual: 100 }),
  birthDate: "1995-05-07",
  nationality: "Svensk",
  email: "kari@stud.hvl.no",
  mobile: "+4791234567",
  homeInstitution: "Lunds universitet",
  studyProgramme: "Sykepleie",
  placementSiteId: null,
  placementSiteName: "Akuttmottaket",
  startDate: "2027-03-01",
  endDate: "2027-04-30",
  dNumber: testNationalId({ year: 1995, month: 5, day: 7, individual: 100, kind: "dnr" }),
  previousUsername: "kno012",
};

describe("export → import", () => {
  for (const kind of sheetKinds) {
    it(`gives back every field of a ${kind} sheet's template as exported`, async () => {
      const values = cellValuesOf(student);
      const buffer = await writeOverviewWorkbook({
        sheets: [
          {
            name: "Periode 1",
            kind,
            rows: [{ id: crypto.randomUUID(), values, registrationState: "not_registered", orderState: "not_ordered" }],
          },
        ],
        includeNationalIds: true,
      });
      const [sheet] = (await parseOverviewWorkbook(buffer)).sheets;
      const fields = fieldInfos.filter((f) => f.sheets[kind]);
      expect(fields.length).toBeGreaterThan(0);
      expect(sheet?.kind).toBe(kind);
      expect(sheet?.rows[0]?.values).toEqual(Object.fromEntries(fields.map((f) => [f.cellKey, values[f.cellKey]])));
      expect(sheet?.rows[0]?.problems).toEqual([]);
    });
  }
});
