import { eq } from "drizzle-orm";
import type { OrderLineState } from "../../src/domain/order-lines.ts";
import { orderLines, orders } from "../../src/server/modules/orders/orders.table.ts";
import { syncRowOrderStates } from "../../src/server/modules/orders/row-order-states.ts";
import { overviews, placementRows, sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import type { Db } from "../../src/server/shared/database.ts";

/**
 * A small typed builder of orders and their lines for the readiness, status report and start-page
 * tests, until the orders' and the queue's own builders (test/helpers/order-builders.ts) are on
 * main: an order of some rows of one sheet, one line per row for one system, every line in `state`
 * with who and when of each step it passed; the rows' Bestilt cells are synced as the use-cases do.
 */
let number = 1000;

export interface LineSpec {
  rowId: string;
  state: OrderLineState;
  username?: string;
  delivery?: "app" | "provider";
  rejectReason?: string;
  fouMessage?: string;
}

export async function orderRows(
  db: Db,
  values: {
    trustId: string;
    systemId: string;
    role: string;
    profileVersionId: string;
    userId: string;
    reference?: string | null;
    at?: Date;
    lines: LineSpec[];
  },
) {
  const at = values.at ?? new Date("2026-11-20T10:00:00Z");
  const [first] = await db
    .select({ sheet: sheets, row: placementRows })
    .from(placementRows)
    .innerJoin(sheets, eq(sheets.id, placementRows.sheetId))
    .where(eq(placementRows.id, values.lines[0]?.rowId as string));
  if (!first) throw new Error("No such row");
  const [overview] = await db.select().from(overviews).where(eq(overviews.id, first.sheet.overviewId));
  const sent = values.lines.some((l) => l.state !== "draft" && l.state !== "cancelled");
  const [order] = await db
    .insert(orders)
    .values({
      trustId: values.trustId,
      institutionId: overview?.institutionId as string,
      overviewId: first.sheet.overviewId,
      sheetId: first.sheet.id,
      sheetName: first.sheet.name,
      number: number++,
      state: sent ? "ordered" : values.lines[0]?.state === "cancelled" ? "cancelled" : "draft",
      reference: sent ? (values.reference ?? `SP-${number}`) : null,
      createdBy: values.userId,
      orderedBy: sent ? values.userId : null,
      orderedAt: sent ? at : null,
    })
    .returning();
  const rows = await db.select().from(placementRows).where(eq(placementRows.sheetId, first.sheet.id));
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const passed = (state: OrderLineState, step: OrderLineState) =>
    state === step ||
    (step === "ordered" && ["approved", "implemented", "rejected"].includes(state)) ||
    (step === "approved" && state === "implemented");
  const inserted = await db
    .insert(orderLines)
    .values(
      values.lines.map((l) => {
        const row = rowOf.get(l.rowId);
        if (!row?.personId) throw new Error("A line's row needs a person");
        return {
          trustId: values.trustId,
          orderId: order?.id as string,
          institutionId: overview?.institutionId as string,
          sheetId: first.sheet.id,
          rowId: l.rowId,
          personId: row.personId,
          systemId: values.systemId,
          role: values.role,
          profileVersionId: values.profileVersionId,
          validFrom: row.startDate ?? first.sheet.startDate,
          validTo: row.endDate ?? first.sheet.endDate,
          state: l.state,
          orderedBy: passed(l.state, "ordered") ? values.userId : null,
          orderedAt: passed(l.state, "ordered") ? at : null,
          approvedBy: passed(l.state, "approved") ? values.userId : null,
          approvedAt: passed(l.state, "approved") ? new Date(at.getTime() + 86_400_000) : null,
          implementedBy: l.state === "implemented" ? values.userId : null,
          implementedAt: l.state === "implemented" ? new Date(at.getTime() + 2 * 86_400_000) : null,
          rejectedBy: l.state === "rejected" ? values.userId : null,
          rejectedAt: l.state === "rejected" ? new Date(at.getTime() + 86_400_000) : null,
          rejectReason: l.rejectReason ?? null,
          fouMessage: l.fouMessage ?? null,
          cancelledAt: l.state === "cancelled" ? at : null,
          username: l.username ?? null,
          usernameDelivery: l.delivery ?? null,
        };
      }),
    )
    .returning();
  await syncRowOrderStates(
    db,
    values.lines.map((l) => l.rowId),
  );
  return { order: order as typeof orders.$inferSelect, lines: inserted };
}
