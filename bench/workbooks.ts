import { addDays, todayInOslo } from "../src/domain/dates.ts";
import { writeOverviewWorkbook } from "../src/server/modules/overviews/excel/write.ts";
import * as names from "./names.ts";
import { nationalIds } from "./synthetic.ts";

/**
 * Workbooks to import, written by the app's own template writer: one sheet "Periode 1" of new
 * students (synthetic national IDs born 2035–2039, which the generated region does not hold), so
 * every import that saves does the same work: match, create the persons, add the rows.
 */
export const importSheet = "Periode 1";

export function importPeriod(now = new Date()) {
  const startDate = addDays(todayInOslo(now), 60);
  return { [importSheet]: { startDate, endDate: addDays(startDate, 55) } };
}

export function importWorkbooks() {
  const nextId = nationalIds(2035);
  let student = 0;
  return async (rows: number): Promise<Buffer> => {
    const period = importPeriod()[importSheet];
    const students = Array.from({ length: rows }, (_, k) => {
      const { nationalId, birthDate } = nextId();
      const n = student++;
      const firstName = names.firstNames[n % names.firstNames.length] as string;
      const lastName = names.lastNames[(n * 7 + k) % names.lastNames.length] as string;
      return {
        id: "",
        values: {
          lastName,
          firstName,
          nationalId,
          birthDate,
          nationality: "Norge",
          email: `import.${n}@student.bench.test`,
          mobile: `+479${String(1_000_000 + (n % 8_000_000)).padStart(7, "0")}`,
          homeInstitution: "Lovisenberg diakonale høgskole",
          studyProgramme: "Sykepleie",
          placementSiteName: `${names.departments[n % names.departments.length]}, post 1`,
          startDate: period.startDate,
          endDate: addDays(period.startDate, 27),
        },
        registrationState: "not_registered" as const,
        orderState: "not_ordered" as const,
      };
    });
    return writeOverviewWorkbook({
      sheets: [{ name: importSheet, kind: "norwegian", rows: students }],
      includeNationalIds: true,
    });
  };
}
