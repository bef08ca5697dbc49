import { and, asc, eq, sql } from "drizzle-orm";
import { formatDate, type IsoDate } from "../../../domain/dates.ts";
import {
  type ExtensionRefusal,
  endOutsidePeriod,
  extensionRefusal,
  lastExtensionDay,
} from "../../../domain/extension.ts";
import { emptyRow, type RowData } from "../../../domain/placement-row/fields.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import { trustSettingsOf } from "../trusts/trusts.public.ts";
import { type ChangeEntry, createChangeLog, type RowsChanged, rowChange } from "./change-log.ts";
import { overviews, placementRows, sheets } from "./overviews.table.ts";

/** A row as an extension sees it: its person's name, dates, sheet's period and document. */
export interface RowToExtend {
  rowId: string;
  sheetId: string;
  sheetName: string;
  /** Whether the sheet is submitted: only then is the extension a change, kept and told. */
  submitted: boolean;
  overviewId: string;
  overviewName: string;
  trustId: string;
  institutionId: string;
  lastName: string;
  firstName: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** The end before the first extension, or null. */
  endDateBeforeExtension: IsoDate | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  extensionMaxDays: number;
}

/** A row that may not be extended to the date, and why (`extension.<code>`). */
export interface RefusedRow {
  rowId: string;
  name: string;
  sheetName: string;
  code: ExtensionRefusal;
  /** For `too_late`: the last day the row may be extended to (and dd.mm.yyyy). */
  lastAllowed?: IsoDate;
  lastAllowedText?: string;
}

export interface RowExtensionReport {
  /** Row ids asked for that the trust does not have (404, nothing changed). */
  missing: number;
  refused: RefusedRow[];
  /** The rows extended (none in a dry run or when any is refused), with their end before. */
  rows: (RowToExtend & { previousEnd: IsoDate })[];
}

/**
 * Extends placements (SPEC §3.2 step 6): rows of one or many sheets of the trust `trustId` get the
 * end date `endDate`, all or none, in the caller's transaction and with as many statements for 500
 * rows as for 20 (one change-log record per document). The rows and their sheets are locked as the
 * grid's saves lock them. A row is refused when the date is before its start, not after its end,
 * past the sheet's period end + the trust's `extension_max_days`, or when it is anonymised or
 * withdrawn; then (and in a dry run) nothing is written. Each extended row keeps the end before its
 * first extension (`end_date_before_extension`), who and when, a version up, its error count (an
 * extended end is not outside the period), an audit row and a change (`row_extended`, from → to) that
 * tells the coordinators: one notification and one e-mail per recipient and document.
 */
export async function extendRows(
  tx: DbOrTx,
  actor: Actor,
  deps: { clock: Clock; notifier: Notifier; rowsChanged?: RowsChanged },
  q: { trustId: string; rowIds: string[]; endDate: IsoDate; dryRun: boolean },
): Promise<RowExtensionReport> {
  const ids = [...new Set(q.rowIds)];
  // The sheets first, as every save of a sheet locks it, then the rows.
  await tx
    .select({ id: sheets.id })
    .from(sheets)
    .where(
      sql`${sheets.id} in (select ${placementRows.sheetId} from ${placementRows} where ${anyOf(placementRows.id, ids, "uuid")})`,
    )
    .orderBy(asc(sheets.id))
    .for("update");
  const found = await tx
    .select({
      rowId: placementRows.id,
      sheetId: placementRows.sheetId,
      sheetName: sheets.name,
      submitted: sql<boolean>`${sheets.submittedAt} is not null`,
      overviewId: overviews.id,
      overviewName: overviews.name,
      trustId: overviews.trustId,
      institutionId: overviews.institutionId,
      lastName: placementRows.lastName,
      firstName: placementRows.firstName,
      startDate: placementRows.startDate,
      endDate: placementRows.endDate,
      endDateBeforeExtension: placementRows.endDateBeforeExtension,
      anonymisedAt: placementRows.anonymisedAt,
      withdrawnOn: placementRows.withdrawnOn,
      periodStart: sheets.startDate,
      periodEnd: sheets.endDate,
    })
    .from(placementRows)
    .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
    .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
    .where(and(eq(overviews.trustId, q.trustId), anyOf(placementRows.id, ids, "uuid")))
    .orderBy(asc(placementRows.id))
    .for("update", { of: placementRows });
  const { extensionMaxDays } = await trustSettingsOf(tx, q.trustId);
  const refused: RefusedRow[] = [];
  for (const r of found) {
    const code = extensionRefusal(
      {
        startDate: r.startDate,
        endDate: r.endDate,
        anonymised: r.anonymisedAt !== null,
        withdrawn: r.withdrawnOn !== null,
        periodEnd: r.periodEnd,
        extensionMaxDays,
      },
      q.endDate,
    );
    if (!code) continue;
    const last = lastExtensionDay(r.periodEnd, extensionMaxDays);
    refused.push({
      rowId: r.rowId,
      name: [r.firstName, r.lastName].filter(Boolean).join(" "),
      sheetName: r.sheetName,
      code,
      ...(code === "too_late" ? { lastAllowed: last, lastAllowedText: formatDate(last) } : {}),
    });
  }
  const rows = found.map(({ anonymisedAt: _a, withdrawnOn: _w, ...r }) => ({
    ...r,
    extensionMaxDays,
    previousEnd: r.endDate ?? "",
  }));
  const missing = ids.length - found.length;
  if (missing > 0 || refused.length > 0 || q.dryRun) return { missing, refused, rows: q.dryRun ? rows : [] };
  if (rows.length === 0) return { missing, refused, rows };

  const now = deps.clock.now();
  // The error count moves by the end date's outside-the-period error only (the start is unchanged).
  const delta = rows.map((r) => {
    const period = { start: r.periodStart, end: r.periodEnd };
    const before = endOutsidePeriod(r.previousEnd, period, {
      extended: r.endDateBeforeExtension !== null,
      maxDays: r.extensionMaxDays,
    });
    const after = endOutsidePeriod(q.endDate, period, { extended: true, maxDays: r.extensionMaxDays });
    return Number(after) - Number(before);
  });
  await tx.execute(sql`
    update ${placementRows} set
      end_date_before_extension = coalesce(end_date_before_extension, end_date),
      end_date = ${q.endDate}::date,
      extended_by = ${actor.userId}::uuid,
      extended_at = ${now.toISOString()}::timestamptz,
      updated_at = ${now.toISOString()}::timestamptz,
      version = version + 1,
      error_count = greatest(error_count + v.delta, 0)
    from unnest(${sql.param(rows.map((r) => r.rowId))}::uuid[], ${sql.param(delta)}::int[]) as v(id, delta)
    where ${placementRows.id} = v.id`);
  await writeAudits(
    tx,
    auditContext(actor),
    rows.map(
      (r): AuditEntry => ({
        entity: "placement_row",
        entityId: r.rowId,
        action: "extend",
        fields: ["end_date", "end_date_before_extension"],
        institutionId: r.institutionId,
        trustId: r.trustId,
      }),
    ),
  );
  const byDocument = new Map<string, { doc: RowToExtend; entries: ChangeEntry[] }>();
  // Changes are kept (and told) after submission, as the grid's edits are.
  for (const r of rows.filter((r) => r.submitted)) {
    const data: RowData = { ...emptyRow, lastName: r.lastName, firstName: r.firstName };
    const entry = rowChange({ id: r.sheetId, name: r.sheetName }, r.rowId, data, {
      kind: "row_extended",
      field: "endDate",
      from: r.previousEnd || null,
      to: q.endDate,
    });
    const seen = byDocument.get(r.overviewId) ?? { doc: r, entries: [] };
    seen.entries.push(entry);
    byDocument.set(r.overviewId, seen);
  }
  const changeLog = createChangeLog(deps);
  for (const { doc, entries } of byDocument.values()) {
    await changeLog.record(
      tx,
      actor,
      { id: doc.overviewId, trustId: doc.trustId, institutionId: doc.institutionId, name: doc.overviewName },
      entries,
    );
  }
  await tx.execute(
    sql`update ${overviews} set updated_at = ${now.toISOString()}::timestamptz where ${anyOf(overviews.id, [...new Set(rows.map((r) => r.overviewId))], "uuid")}`,
  );
  return { missing, refused, rows };
}
