import type { Overview } from "../../../contracts/overviews.ts";
import { fileName, type NamingStandard } from "../../../domain/naming-standard.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { sheetDto } from "./overviews.dtos.ts";
import { createOverviewsRepository, type OverviewRecord } from "./overviews.repository.ts";

/** Documents as the API shows them, with their sheets and the sheets' counts (one read for any number). */
export async function overviewDtos(
  tx: DbOrTx,
  recs: OverviewRecord[],
  settings: { deadlineDays: number; naming: NamingStandard },
  now: Date,
): Promise<Overview[]> {
  const repo = createOverviewsRepository({ db: tx });
  const sheetsOf = new Map<string, Overview["sheets"]>(recs.map((r) => [r.id, []]));
  for (const s of await repo.sheetsWithCounts(recs.map((r) => r.id))) {
    sheetsOf.get(s.sheet.overviewId)?.push(
      sheetDto(s.sheet, {
        deadlineDays: settings.deadlineDays,
        now,
        submittedByName: s.submittedByName,
        counts: s.counts ?? undefined,
      }),
    );
  }
  return recs.map((rec) => {
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
      sheets: sheetsOf.get(rec.id) ?? [],
      createdAt: rec.createdAt.toISOString(),
      updatedAt: rec.updatedAt.toISOString(),
    };
  });
}
