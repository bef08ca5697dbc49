import { and, eq, sql } from "drizzle-orm";
import type { LineChange } from "../../../domain/line-changes.ts";
import { grantedStates } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { placementRows, sheets } from "../overviews/overviews.table.ts";
import { orderLines } from "./orders.table.ts";

const touched = [...grantedStates, "changed", "draft"];

/** The SQL of the line changes after an order (`line-changes.ts`): a constant number of statements for any number of rows. */
export function createLineChangesRepository({ db }: { db: DbOrTx }) {
  return {
    /** The lines of these rows a change acts on (granted, changed, draft), with the rows' dates as they are now. */
    linesOfRows(rowIds: string[]) {
      return db
        .select({
          id: orderLines.id,
          rowId: orderLines.rowId,
          sheetId: orderLines.sheetId,
          state: orderLines.state,
          changes: orderLines.changes,
          validFrom: orderLines.validFrom,
          validTo: orderLines.validTo,
          replacesLineId: orderLines.replacesLineId,
          approvedAt: orderLines.approvedAt,
          implementedAt: orderLines.implementedAt,
          extendedAt: orderLines.extendedAt,
          extensionDoneAt: orderLines.extensionDoneAt,
          rowStart: sql<string | null>`coalesce(${placementRows.startDate}, ${sheets.startDate})::text`,
          rowEnd: sql<string | null>`coalesce(${placementRows.endDate}, ${sheets.endDate})::text`,
        })
        .from(orderLines)
        .innerJoin(placementRows, eq(placementRows.id, orderLines.rowId))
        .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
        .where(
          and(
            anyOf(orderLines.rowId, rowIds, "uuid"),
            sql`${orderLines.state} in (${sql.join(
              touched.map((s) => sql`${s}`),
              sql`, `,
            )})`,
          ),
        );
    },

    /** Sets these lines' states and changes (`changed` with who and when; another state clears them): one statement. */
    async setChanged(lines: { id: string; state: string; changes: LineChange[] | null }[], by: string, at: Date) {
      if (lines.length === 0) return;
      const p = <T>(f: (l: (typeof lines)[number]) => T) => sql.param(lines.map(f));
      const when = at.toISOString();
      await db.execute(sql`
        update ${orderLines} set state = v.state, changes = nullif(v.changes, '')::jsonb,
          changed_by = case when v.state = 'changed' then ${by}::uuid else null end,
          changed_at = case when v.state = 'changed' then ${when}::timestamptz else null end,
          updated_at = ${when}::timestamptz
        from unnest(${p((l) => l.id)}::uuid[], ${p((l) => l.state)}::text[],
          ${p((l) => (l.changes ? JSON.stringify(l.changes) : ""))}::text[]) as v(id, state, changes)
        where ${orderLines.id} = v.id`);
    },

    /** Draft lines take the rows' new dates (and a change order's line its changed line's changes): one statement. */
    async updateDrafts(
      lines: { id: string; validFrom: string; validTo: string; changes: LineChange[] | null }[],
      at: Date,
    ) {
      if (lines.length === 0) return;
      const p = <T>(f: (l: (typeof lines)[number]) => T) => sql.param(lines.map(f));
      await db.execute(sql`
        update ${orderLines} set valid_from = v.valid_from, valid_to = v.valid_to,
          changes = coalesce(nullif(v.changes, '')::jsonb, ${orderLines.changes}),
          updated_at = ${at.toISOString()}::timestamptz
        from unnest(${p((l) => l.id)}::uuid[], ${p((l) => l.validFrom)}::date[], ${p((l) => l.validTo)}::date[],
          ${p((l) => (l.changes ? JSON.stringify(l.changes) : ""))}::text[]) as v(id, valid_from, valid_to, changes)
        where ${orderLines.id} = v.id`);
    },

    /** Cancels these draft lines (a programme change: FOU orders the row anew). */
    async cancelDrafts(ids: string[], by: string, at: Date) {
      if (ids.length === 0) return;
      await db
        .update(orderLines)
        .set({ state: "cancelled", cancelledBy: by, cancelledAt: at, updatedAt: at })
        .where(and(anyOf(orderLines.id, ids, "uuid"), eq(orderLines.state, "draft")));
    },
  };
}
