import type { Overview } from "../../../contracts/overviews.ts";
import { fileName, type NamingStandard } from "../../../domain/naming-standard.ts";
import type { DbOrTx } from "../../shared/database.ts";
import type { OverviewRecord } from "./overview-columns.ts";
import { sheetDto } from "./overviews.dtos.ts";
import { createOverviewsRepository, type SheetRecord } from "./overviews.repository.ts";

type Settings = { deadlineDays: number; naming: NamingStandard };
/** A sheet as the documents' statements read it: with its submitter's name and counts. */
export interface SheetWithCounts {
  sheet: SheetRecord;
  submittedByName: string | null;
  counts: { rows: number; problems: number; registered: number; ordered: number } | null;
}

/** A document as the API shows it, from its record and its sheets (in their order). */
export function overviewDto(rec: OverviewRecord, sheets: SheetWithCounts[], settings: Settings, now: Date): Overview {
  const naming = { institution: rec.institutionShortName, programme: rec.programmeName, cohort: rec.cohort };
  return {
    id: rec.id,
    name: rec.name,
    fileName: fileName(naming, settings.naming),
    group: {
      id: rec.groupId,
      institutionId: rec.institutionId,
      institutionShortName: rec.institutionShortName,
      programmeId: rec.programmeId,
      programmeName: rec.programmeName,
      cohort: rec.cohort,
    },
    sheets: sheets.map((s) =>
      sheetDto(s.sheet, {
        deadlineDays: settings.deadlineDays,
        now,
        submittedByName: s.submittedByName,
        counts: s.counts ?? undefined,
      }),
    ),
    createdAt: rec.createdAt.toISOString(),
    updatedAt: rec.updatedAt.toISOString(),
  };
}

/** Documents as the API shows them, with their sheets and the sheets' counts (one read for any number). */
export async function overviewDtos(
  tx: DbOrTx,
  recs: OverviewRecord[],
  settings: Settings,
  now: Date,
): Promise<Overview[]> {
  const sheetsOf = new Map<string, SheetWithCounts[]>(recs.map((r) => [r.id, []]));
  for (const s of await createOverviewsRepository({ db: tx }).sheetsWithCounts(recs.map((r) => r.id))) {
    sheetsOf.get(s.sheet.overviewId)?.push(s);
  }
  return recs.map((rec) => overviewDto(rec, sheetsOf.get(rec.id) ?? [], settings, now));
}
