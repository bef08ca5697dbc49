import { and, eq, sql } from "drizzle-orm";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { userNameOf } from "../users/users.public.ts";
import type { Scope } from "./access-scope.ts";
import { type OverviewRecord, overviewColumns } from "./overview-columns.ts";
import { overviews, sheets, studentGroups } from "./overviews.table.ts";
import { inScopeBound, scopeBinding } from "./scope-sql.ts";

/**
 * A document or a sheet by its id within a scope: read on every request that opens one, so built
 * once (`shared/built-once.ts`), with the scope as bind parameters. Both find by primary key, so
 * the plan PostgreSQL keeps for them is the same for every trust and institution.
 */
const overviewInScope = builtOnce((db) =>
  db
    .select(overviewColumns)
    .from(overviews)
    .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
    .where(and(eq(overviews.id, sql.placeholder("id")), inScopeBound))
    .prepare("overviews_overview_in_scope"),
);

const sheetInScope = builtOnce((db) =>
  db
    .select({ sheet: sheets, overview: overviewColumns, submittedByName: userNameOf(sheets.submittedBy) })
    .from(sheets)
    .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
    .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
    .where(and(eq(sheets.id, sql.placeholder("id")), inScopeBound))
    .prepare("overviews_sheet_in_scope"),
);

export async function findOverviewInScope(db: DbOrTx, scope: Scope, id: string): Promise<OverviewRecord | undefined> {
  const [row] = await overviewInScope(db).execute({ id, ...scopeBinding(scope) });
  return row;
}

export async function findSheetInScope(db: DbOrTx, scope: Scope, id: string) {
  const [row] = await sheetInScope(db).execute({ id, ...scopeBinding(scope) });
  return row;
}
