import { and, asc, desc, eq, gt, ilike, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { containsPattern } from "../../shared/like-pattern.ts";
import { programmeNameOf } from "../catalog/catalog.public.ts";
import { institutionShortNameOf } from "../institutions/institutions.public.ts";
import type { Scope } from "./access-scope.ts";
import { overviews, placementRows, sheets, studentGroups } from "./overviews.table.ts";
import { inScope } from "./scope-sql.ts";

/** What the overview list asks for: its filters, its order and its page. */
export type OverviewListFilter = {
  institutionId?: string;
  q?: string;
  show?: "due" | "problems";
  sort: "name" | "institution" | "deadline" | "problems";
  dir: "asc" | "desc";
  limit: number;
  offset: number;
  /** Sheets not submitted that start on or before this day are due soon or late (`deadlineState`). */
  dueBy: string;
};

/** The earliest start of the document's sheets not yet submitted (its next deadline, less the trust's days). */
const nextOpenStart = sql`(select min(${sheets.startDate}) from ${sheets}
  where ${sheets.overviewId} = ${overviews.id} and ${sheets.submittedAt} is null)`;
/** The document's rows with at least one error, over all its sheets. */
const problemRowsOf = sql`(select count(*) from ${placementRows} join ${sheets} on ${sheets.id} = ${placementRows.sheetId}
  where ${sheets.overviewId} = ${overviews.id} and ${placementRows.errorCount} > 0)`;

/** The list's order, ties broken by name and id so that pages neither repeat nor skip a document. */
export function listOrder(sort: OverviewListFilter["sort"], dir: "asc" | "desc"): SQL[] {
  const order = dir === "desc" ? desc : asc;
  const ties = [asc(overviews.name), asc(overviews.id)];
  switch (sort) {
    case "institution":
      return [order(institutionShortNameOf(overviews.institutionId)), ...ties];
    case "deadline":
      // Documents without an open sheet come after those with one, and first when reversed.
      return [dir === "desc" ? sql`${nextOpenStart} desc nulls first` : sql`${nextOpenStart} asc nulls last`, ...ties];
    case "problems":
      return [order(problemRowsOf), ...ties];
    default:
      return [order(overviews.name), asc(overviews.id)];
  }
}

/** The documents in scope that the list's filters and search let through (over `overviews` joined to `student_groups`). */
export function listWhere(scope: Scope, filter: OverviewListFilter): SQL | undefined {
  const pattern = filter.q ? containsPattern(filter.q) : undefined;
  return and(
    inScope(scope),
    filter.institutionId ? eq(overviews.institutionId, filter.institutionId) : undefined,
    pattern
      ? or(
          ilike(overviews.name, pattern),
          ilike(institutionShortNameOf(overviews.institutionId), pattern),
          ilike(programmeNameOf(studentGroups.programmeId), pattern),
          ilike(sql`${studentGroups.cohort}::text`, pattern),
        )
      : undefined,
    filter.show === "due"
      ? sql`exists (select 1 from ${sheets} where ${and(
          eq(sheets.overviewId, overviews.id),
          isNull(sheets.submittedAt),
          lte(sheets.startDate, filter.dueBy),
        )})`
      : undefined,
    filter.show === "problems"
      ? sql`exists (select 1 from ${placementRows} join ${sheets} on ${eq(sheets.id, placementRows.sheetId)}
          where ${and(eq(sheets.overviewId, overviews.id), gt(placementRows.errorCount, 0))})`
      : undefined,
  );
}
