import { and, asc, eq, sql } from "drizzle-orm";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { settingsFrom, type TrustSettings, trustSettingsColumns } from "../trusts/trusts.public.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { userNameOf } from "../users/users.public.ts";
import type { Scope } from "./access-scope.ts";
import { type OverviewRecord, overviewColumns } from "./overview-columns.ts";
import { overviews, sheets, studentGroups } from "./overviews.table.ts";
import { inScopeBound, scopeBinding } from "./scope-sql.ts";
import { countsOfEachSheet } from "./sheet-counts-sql.ts";

/*
 * A document or a sheet by its id within a scope, with the trust's settings: read on every request
 * that opens one, so built once (`shared/built-once.ts`), with the scope as bind parameters. Each
 * finds by primary key, so the plan PostgreSQL keeps is the same for every trust and institution.
 */

const overviewInScope = builtOnce((db) =>
  db
    .select({ overview: overviewColumns, settings: trustSettingsColumns })
    .from(overviews)
    .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
    .innerJoin(trusts, eq(trusts.id, overviews.trustId))
    .where(and(eq(overviews.id, sql.placeholder("id")), inScopeBound))
    .prepare("overviews_overview_in_scope"),
);

const sheetInScope = builtOnce((db) =>
  db
    .select({
      sheet: sheets,
      overview: overviewColumns,
      settings: trustSettingsColumns,
      submittedByName: userNameOf(sheets.submittedBy),
    })
    .from(sheets)
    .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
    .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
    .innerJoin(trusts, eq(trusts.id, overviews.trustId))
    .where(and(eq(sheets.id, sql.placeholder("id")), inScopeBound))
    .prepare("overviews_sheet_in_scope"),
);

/** The document, its settings and each of its sheets with their counts: one row per sheet (one with no sheet when it has none). */
const documentWithSheets = builtOnce((db) => {
  const counts = countsOfEachSheet(db);
  return db
    .select({
      overview: overviewColumns,
      settings: trustSettingsColumns,
      sheet: sheets,
      submittedByName: userNameOf(sheets.submittedBy),
      counts: { rows: counts.rows, problems: counts.problems, registered: counts.registered, ordered: counts.ordered },
    })
    .from(overviews)
    .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
    .innerJoin(trusts, eq(trusts.id, overviews.trustId))
    .leftJoin(sheets, eq(sheets.overviewId, overviews.id))
    .leftJoinLateral(counts, sql`true`)
    .where(and(eq(overviews.id, sql.placeholder("id")), inScopeBound))
    .orderBy(asc(sheets.position), asc(sheets.createdAt))
    .prepare("overviews_document_with_sheets");
});

export async function findOverviewInScope(
  db: DbOrTx,
  scope: Scope,
  id: string,
): Promise<{ overview: OverviewRecord; settings: TrustSettings } | undefined> {
  const [row] = await overviewInScope(db).execute({ id, ...scopeBinding(scope) });
  return row && { overview: row.overview, settings: settingsFrom(row.settings) };
}

export async function findSheetInScope(db: DbOrTx, scope: Scope, id: string) {
  const [row] = await sheetInScope(db).execute({ id, ...scopeBinding(scope) });
  return row && { ...row, settings: settingsFrom(row.settings) };
}

/** The document in scope with its settings and sheets (with counts and submitters), or undefined. */
export async function findDocumentInScope(db: DbOrTx, scope: Scope, id: string) {
  const rows = await documentWithSheets(db).execute({ id, ...scopeBinding(scope) });
  const [first] = rows;
  if (!first) return undefined;
  return {
    overview: first.overview,
    settings: settingsFrom(first.settings),
    sheets: rows.flatMap((r) =>
      r.sheet ? [{ sheet: r.sheet, submittedByName: r.submittedByName, counts: r.counts }] : [],
    ),
  };
}
