import type { z } from "zod";
import {
  type CreateOrderResponse,
  type createOrderBody,
  defaultPortalColumns,
  type markOrderedBody,
  type Order,
  type OrderSummary,
  type orderExportQuery,
  type ordersQuery,
  type PortalColumn,
} from "../../../contracts/orders.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import { changesText, type LineChange } from "../../../domain/line-changes.ts";
import { type ChangeType, statesFor } from "../../../domain/order-lines.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { norwegianDate } from "../../shared/table-file.ts";
import { columnName, writeAudit, writeAudits } from "../audit/audit.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import { nationalIdPlace } from "../persons/persons.public.ts";
import { findTrust } from "../trusts/trusts.public.ts";
import { activeCoordinatorsOf } from "../users/users.public.ts";
import { sendChangeOrder } from "./change-orders.ts";
import { createOrderCheckRepository } from "./order-check.repository.ts";
import { checkOrderRows } from "./order-check.ts";
import { lineDto, summaryDto, usernameOf } from "./order-dtos.ts";
import {
  nothingToOrder,
  orderNotDraft,
  orderNotFound,
  referenceTaken,
  rowsRefused,
  warningsNotAccepted,
} from "./orders.errors.ts";
import { createOrdersRepository } from "./orders.repository.ts";
import { changeTypeTexts, type PortalLine, writePortalFile } from "./portal-file.ts";
import { syncRowOrderStates } from "./row-order-states.ts";

export interface OrdersDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  notifier: Notifier;
}

const contentTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** What the coordinators are told when an order of their students is sent (no names, no national IDs). */
const orderedTexts = (p: { count: number; document: string; sheet: string }): Record<Language, string> => ({
  nb: `Tilgang er bestilt for ${p.count} ${p.count === 1 ? "student" : "studenter"} i ${p.document}, ${p.sheet}`,
  nn: `Tilgang er bestilt for ${p.count} ${p.count === 1 ? "student" : "studentar"} i ${p.document}, ${p.sheet}`,
  en: `Access has been ordered for ${p.count} ${p.count === 1 ? "student" : "students"} in ${p.document}, ${p.sheet}`,
});

/**
 * FOU's orders of access (SPEC §3.2 step 4): the check of a submitted sheet's rows (a dry run), the
 * order with one draft line per row and system, the ordering portal's file (audited: it holds
 * national IDs), marking it ordered with the portal's reference, and cancelling a draft.
 */
export function createOrdersUsecases({ db, crypto, clock, notifier }: OrdersDeps) {
  async function summaryOf(tx: DbOrTx, trustId: string, id: string) {
    const row = await createOrdersRepository({ db: tx }).summary(trustId, id);
    if (!row) throw orderNotFound();
    return summaryDto(row);
  }

  return {
    /**
     * The check of the rows (`dryRun`: nothing more), or the order: refused rows → 409 with the
     * report, warned rows without `acceptWarnings` → 409; else one draft line per row and system.
     */
    async create(
      actor: Actor,
      body: z.infer<typeof createOrderBody>,
      { dryRun = false }: { dryRun?: boolean } = {},
    ): Promise<CreateOrderResponse> {
      const trustId = requirePolicy(actor, "orders.create");
      if (dryRun) {
        const { checks, counts, lines } = await checkOrderRows(db, clock, trustId, body);
        return { dryRun: true, rows: checks, counts, lineCount: lines.length, order: null };
      }
      return db.transaction(async (tx) => {
        const r = createOrdersRepository({ db: tx });
        await r.lockNumbers(trustId);
        const { sheet, checks, counts, lines } = await checkOrderRows(tx, clock, trustId, body);
        if (counts.refused > 0) throw rowsRefused(checks);
        if (counts.warning > 0 && !body.acceptWarnings) throw warningsNotAccepted(checks);
        if (lines.length === 0) throw nothingToOrder();
        const now = clock.now();
        const order = await r.insertOrder({
          trustId,
          institutionId: sheet.institutionId,
          overviewId: sheet.overviewId,
          sheetId: sheet.sheetId,
          sheetName: sheet.sheetName,
          createdBy: actor.userId,
          createdAt: now,
        });
        await r.insertLines(lines.map((line) => ({ ...line, orderId: order.id, createdAt: now })));
        await writeAudit(tx, auditContext(actor), {
          entity: "order",
          entityId: order.id,
          action: "create",
          fields: ["sheet_id", "state"],
          institutionId: sheet.institutionId,
        });
        await syncRowOrderStates(
          tx,
          checks.map((c) => c.rowId),
        );
        return {
          dryRun: false,
          rows: checks,
          counts,
          lineCount: lines.length,
          order: await summaryOf(tx, trustId, order.id),
        };
      });
    },

    async list(actor: Actor, q: z.infer<typeof ordersQuery>) {
      const trustId = requirePolicy(actor, "orders.read");
      const { items, total } = await createOrdersRepository({ db }).list(
        { trustId, q: q.q, state: q.state, sheetId: q.sheetId, institutionId: q.institutionId },
        { sort: q.sort, dir: q.dir, limit: q.limit, offset: q.offset },
      );
      return { items: items.map(summaryDto), total };
    },

    async get(actor: Actor, id: string): Promise<Order> {
      const trustId = requirePolicy(actor, "orders.read");
      const summary = await summaryOf(db, trustId, id);
      const lines = await createOrdersRepository({ db }).lines(trustId, id);
      return { ...summary, lines: lines.map(lineDto) };
    },

    /** The ordering portal's file of the order (its lines not cancelled), in the trust's columns; audited. */
    async export(actor: Actor, id: string, q: z.infer<typeof orderExportQuery>) {
      const trustId = requirePolicy(actor, "orders.create");
      return db.transaction(async (tx) => {
        const r = createOrdersRepository({ db: tx });
        const order = await r.find(trustId, id);
        if (!order) throw orderNotFound();
        const columns = ((await findTrust(tx, trustId))?.portalColumns ?? defaultPortalColumns) as PortalColumn[];
        const lines = (await r.fileLines(trustId, id)).map(
          (l): PortalLine => ({
            lineId: l.lineId,
            changeType: changeTypeTexts[l.changeType as ChangeType] ?? l.changeType,
            changes: changesText((l.changes ?? []) as LineChange[]),
            lastName: l.lastName,
            firstName: l.firstName,
            nationalId:
              columns.includes("nationalId") && l.nationalIdEnc
                ? crypto.decrypt(l.nationalIdEnc, nationalIdPlace(l.personId))
                : "",
            birthDate: norwegianDate(l.birthDate),
            email: l.personEmail ?? l.rowEmail ?? "",
            mobile: l.personMobile ?? l.rowMobile ?? "",
            username: usernameOf(l).username ?? "",
            institution: l.institution,
            programme: l.studyProgramme?.trim() || (l.documentProgramme ?? ""),
            placementSite: l.placementSite,
            system: l.system,
            role: l.role,
            validFrom: norwegianDate(l.validFrom),
            validTo: norwegianDate(l.validTo),
            limits: l.limits,
          }),
        );
        await writeAudit(tx, auditContext(actor), {
          entity: "order",
          entityId: order.id,
          action: "export",
          fields: columns.map(columnName),
          institutionId: order.institutionId,
        });
        return {
          fileName: `Bestilling ${order.number}.${q.format}`,
          contentType: contentTypes[q.format],
          buffer: await writePortalFile(q.format, columns, lines),
        };
      });
    },

    /**
     * Marks a draft ordered with the portal's reference (unique in the trust): every line moves to
     * `ordered` and into the IT provider's queue, the Bestilt cells follow, the coordinators are told.
     */
    async markOrdered(actor: Actor, id: string, body: z.infer<typeof markOrderedBody>): Promise<OrderSummary> {
      const trustId = requirePolicy(actor, "orders.create");
      return db.transaction(async (tx) => {
        const r = createOrdersRepository({ db: tx });
        const order = await r.find(trustId, id, { lock: true });
        if (!order) throw orderNotFound();
        if (order.state !== "draft") throw orderNotDraft(order.state);
        if (await r.referenceTaken(trustId, body.reference, id)) throw referenceTaken();
        const now = clock.now();
        await r.updateOrder(id, {
          state: "ordered",
          reference: body.reference,
          orderedAt: now,
          orderedBy: actor.userId,
        });
        const moved = await r.moveLines(id, statesFor("mark_ordered"), {
          state: "ordered",
          orderedAt: now,
          orderedBy: actor.userId,
        });
        const ctx = auditContext(actor);
        await writeAudit(tx, ctx, {
          entity: "order",
          entityId: id,
          action: "mark_ordered",
          fields: ["state", "reference"],
          institutionId: order.institutionId,
        });
        await writeAudits(
          tx,
          ctx,
          moved.map((l) => ({
            entity: "order_line" as const,
            entityId: l.id,
            action: "mark_ordered",
            fields: ["state"],
            institutionId: order.institutionId,
          })),
        );
        const rowIds = [...new Set(moved.map((l) => l.rowId))];
        const changedRows = await sendChangeOrder(tx, actor, { orderId: id, institutionId: order.institutionId, now });
        await syncRowOrderStates(tx, [...new Set([...rowIds, ...changedRows])]);
        const sheet = await createOrderCheckRepository({ db: tx }).findSheet(trustId, order.sheetId);
        await notifier.notify(tx, {
          trustId,
          userIds: await activeCoordinatorsOf(tx, trustId, order.institutionId),
          kind: "order.ordered",
          link: `/oversikter/${order.overviewId}?ark=${order.sheetId}`,
          texts: orderedTexts({
            count: rowIds.length,
            document: sheet?.overviewName ?? "",
            sheet: sheet?.sheetName ?? order.sheetName,
          }),
        });
        return summaryOf(tx, trustId, id);
      });
    },

    /** Cancels a draft (not deleted): its lines are cancelled and the rows may be ordered again. */
    async cancel(actor: Actor, id: string): Promise<OrderSummary> {
      const trustId = requirePolicy(actor, "orders.create");
      return db.transaction(async (tx) => {
        const r = createOrdersRepository({ db: tx });
        const order = await r.find(trustId, id, { lock: true });
        if (!order) throw orderNotFound();
        if (order.state !== "draft") throw orderNotDraft(order.state);
        const now = clock.now();
        await r.updateOrder(id, { state: "cancelled", cancelledAt: now, cancelledBy: actor.userId });
        const moved = await r.moveLines(id, statesFor("cancel"), {
          state: "cancelled",
          cancelledAt: now,
          cancelledBy: actor.userId,
        });
        const ctx = auditContext(actor);
        await writeAudit(tx, ctx, {
          entity: "order",
          entityId: id,
          action: "cancel",
          fields: ["state"],
          institutionId: order.institutionId,
        });
        await writeAudits(
          tx,
          ctx,
          moved.map((l) => ({
            entity: "order_line" as const,
            entityId: l.id,
            action: "cancel",
            fields: ["state"],
            institutionId: order.institutionId,
          })),
        );
        await syncRowOrderStates(tx, [...new Set(moved.map((l) => l.rowId))]);
        return summaryOf(tx, trustId, id);
      });
    },
  };
}
export type OrdersUsecases = ReturnType<typeof createOrdersUsecases>;
