import type { RowContext, Site } from "../../../domain/placement-row/context.ts";
import type { Actor } from "../../shared/actor.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { placementSitesOf } from "../catalog/catalog.public.ts";
import type { TrustSettings } from "../trusts/trusts.public.ts";
import { type OverviewsPolicy, type Scope, scopeOf } from "./access-scope.ts";
import { overviewNotFound, rowNotFound, sheetNotFound } from "./overviews.errors.ts";
import {
  createOverviewsRepository,
  type OverviewRecord,
  type PlacementRowRecord,
  type SheetRecord,
} from "./overviews.repository.ts";
import { createRowsRepository } from "./rows.repository.ts";
import { findOverviewInScope } from "./scoped-finds.repository.ts";
import { contextOf } from "./sheet-rows.ts";

/** A document in the caller's scope with the trust's settings. */
export interface OverviewContext {
  scope: Scope;
  overview: OverviewRecord;
  settings: TrustSettings;
}

/** A sheet in the caller's scope: its document, the trust's settings and sites, and the rows' checks. */
export interface SheetContext extends OverviewContext {
  sheet: SheetRecord;
  sites: Site[];
  ctx: RowContext;
}

export interface RowInSheet extends SheetContext {
  row: PlacementRowRecord;
}

/** The document `overviewId` as the caller may see it, with its trust's settings (404 `overviews.not_found` otherwise). */
export async function withOverview(
  tx: DbOrTx,
  actor: Actor,
  overviewId: string,
  policy: OverviewsPolicy = "overviews.read",
): Promise<OverviewContext> {
  const scope = scopeOf(actor, policy);
  const found = await findOverviewInScope(tx, scope, overviewId);
  if (!found) throw overviewNotFound();
  return { scope, ...found };
}

async function sheetContextOf(
  tx: DbOrTx,
  scope: Scope,
  sheet: SheetRecord,
  notFound: () => Error,
  known?: { overview: OverviewRecord; settings: TrustSettings },
): Promise<SheetContext> {
  const found = known ?? (await findOverviewInScope(tx, scope, sheet.overviewId));
  if (!found) throw notFound();
  const { overview, settings } = found;
  const sites = await placementSitesOf(tx, scope.trustId);
  return { scope, overview, settings, sheet, sites, ctx: contextOf(sheet, settings, sites) };
}

/**
 * The sheet `sheetId` as the caller may see it (404 `sheets.not_found` otherwise), with the name of
 * whoever submitted it (null before submission); with `lock`, its
 * rows' writes are serialised for the transaction (a save also updates other rows' error counts).
 */
export async function withSheet(
  tx: DbOrTx,
  actor: Actor,
  sheetId: string,
  opts: { lock?: boolean; policy?: OverviewsPolicy } = {},
): Promise<SheetContext & { submittedByName: string | null }> {
  const scope = scopeOf(actor, opts.policy);
  const repo = createOverviewsRepository({ db: tx });
  const found = await repo.findSheetWithOverview(scope, sheetId);
  if (!found) throw sheetNotFound();
  if (opts.lock) await repo.lockSheet(found.sheet.id);
  const c = await sheetContextOf(tx, scope, found.sheet, sheetNotFound, found);
  return { ...c, submittedByName: found.submittedByName };
}

/**
 * The row `rowId` as the caller may see it, with its sheet's context (404 `rows.not_found`
 * otherwise); with `lock`, the sheet first and then the row, as every save of the sheet does.
 */
export async function withRow(
  tx: DbOrTx,
  actor: Actor,
  rowId: string,
  opts: { lock?: boolean; policy?: OverviewsPolicy } = {},
): Promise<RowInSheet> {
  const scope = scopeOf(actor, opts.policy);
  const rows = createRowsRepository({ db: tx });
  let found = await rows.findRow(scope, rowId);
  if (found && opts.lock) {
    await createOverviewsRepository({ db: tx }).lockSheet(found.sheet.id);
    found = await rows.findRow(scope, rowId, { forUpdate: true });
  }
  if (!found) throw rowNotFound();
  return { ...(await sheetContextOf(tx, scope, found.sheet, rowNotFound)), row: found.row };
}
