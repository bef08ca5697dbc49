import type { z } from "zod";
import type {
  approveLinesBody,
  implementLinesBody,
  OrderLine,
  orderLinesQuery,
  rejectLinesBody,
} from "../../../contracts/orders.ts";
import { itProviderRole } from "../../../contracts/policies.ts";
import { addDays } from "../../../domain/dates.ts";
import { type OrderLineAction, type OrderLineState, statesFor } from "../../../domain/order-lines.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import { setPersonUsernames } from "../persons/persons.public.ts";
import { activeCoordinatorsOf, itProviderTrustsOf } from "../users/users.public.ts";
import { lineNotFound, lineNotRejected, lineStateChanged, usernameConflict } from "./order-lines.errors.ts";
import { createOrderLinesRepository, type LineRow, type LineScope } from "./order-lines.repository.ts";
import { decidedTexts } from "./order-lines.texts.ts";
import { syncRowOrderStates } from "./row-order-states.ts";
import { createUsernameMailsRepository } from "./username-mails.repository.ts";
import { createUsernamesRepository } from "./usernames.repository.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const userRef = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

/** A line as the API shows it: the username recorded (verified) or, else, the one the student typed. */
export function lineOut(r: LineRow): OrderLine {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    reference: r.reference,
    trust: { id: r.trustId, name: r.trustName },
    institution: { id: r.institutionId, shortName: r.institutionShortName },
    sheetId: r.sheetId,
    sheetName: r.sheetName,
    rowId: r.rowId,
    personId: r.personId,
    lastName: r.lastName,
    firstName: r.firstName,
    email: r.email ?? "",
    placementSite: r.placementSite,
    system: { id: r.systemId, name: r.systemName },
    role: r.role,
    profileVersionId: r.profileVersionId,
    profileVersion: r.profileVersion,
    exceptionId: r.exceptionId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    state: r.state as OrderLineState,
    acceptedWarnings: r.acceptedWarnings,
    username: r.knownUsername ?? (r.typedUsername || null),
    usernameVerified: r.knownUsername !== null,
    usernameDelivery: r.usernameDelivery as OrderLine["usernameDelivery"],
    rejectReason: r.rejectReason,
    fouMessage: r.fouMessage,
    orderedAt: iso(r.orderedAt),
    approvedAt: iso(r.approvedAt),
    approvedBy: userRef(r.approvedBy, r.approvedByName),
    implementedAt: iso(r.implementedAt),
    implementedBy: userRef(r.implementedBy, r.implementedByName),
    rejectedAt: iso(r.rejectedAt),
    rejectedBy: userRef(r.rejectedBy, r.rejectedByName),
    changeType: r.changeType as OrderLine["changeType"],
    replacesLineId: r.replacesLineId,
    changes: (r.changes ?? []) as OrderLine["changes"],
  };
}

/**
 * The order lines the caller reaches (ADR 0007): one who holds the policy as the IT provider at the
 * active trust reaches every trust where they hold that role, and only lines of orders that were
 * sent; FOU and admins reach the active trust's lines, all of them.
 */
export async function lineScope(db: DbOrTx, actor: Actor, policy: "orderLines.read" | "orderLines.decide") {
  const trustId = requirePolicy(actor, policy);
  if (!actor.roles.includes(itProviderRole)) return { trustIds: [trustId], orderedOnly: false } satisfies LineScope;
  const served = await itProviderTrustsOf(db, actor.userId);
  return { trustIds: [...new Set([trustId, ...served])], orderedOnly: true } satisfies LineScope;
}

type Locked = Awaited<ReturnType<ReturnType<typeof createOrderLinesRepository>["lockForMove"]>>[number];

/**
 * The IT provider's queue and its answers: approve, reject (with a reason) and implement (with each
 * person's username) many lines at once. Each request is all or nothing: a line the caller does not
 * reach is 404, a line someone already moved is 409 with its current state, and nothing changes.
 * Each move records who and when on the line, writes an `order_line` audit row per line and brings
 * the rows' Bestilt cells in line, in one transaction.
 */
export function createOrderLinesUsecases({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  const repo = createOrderLinesRepository({ db });

  /** Locks the lines and checks that each may take `action`; the transaction's repository and the lines. */
  async function lockFor(tx: DbOrTx, scope: LineScope, ids: string[], action: OrderLineAction) {
    const wanted = [...new Set(ids)];
    const r = createOrderLinesRepository({ db: tx });
    const lines = await r.lockForMove(scope, wanted);
    if (lines.length !== wanted.length) throw lineNotFound();
    const from = statesFor(action);
    const moved = lines.filter((l) => !from.includes(l.state as OrderLineState));
    if (moved.length > 0) throw lineStateChanged(moved.map((l) => ({ id: l.id, state: l.state as OrderLineState })));
    return { r, lines };
  }

  async function afterMove(
    tx: DbOrTx,
    actor: Actor,
    lines: Locked[],
    action: "approve" | "reject" | "implement",
    fields: string[],
  ) {
    await syncRowOrderStates(tx, [...new Set(lines.map((l) => l.rowId))]);
    await writeAudits(
      tx,
      auditContext(actor),
      lines.map(
        (l): AuditEntry => ({
          entity: "order_line",
          entityId: l.id,
          action,
          fields,
          trustId: l.trustId,
          institutionId: l.institutionId,
        }),
      ),
    );
    if (action === "approve") return;
    // The coordinators of each sheet hear once per request, however many of its lines moved.
    const bySheet = new Map<string, Locked[]>();
    for (const l of lines) bySheet.set(l.sheetId, [...(bySheet.get(l.sheetId) ?? []), l]);
    for (const sheetLines of bySheet.values()) {
      const first = sheetLines[0] as Locked;
      const coordinators = await activeCoordinatorsOf(tx, first.trustId, first.institutionId);
      if (coordinators.length === 0) continue;
      await notifier.notify(tx, {
        trustId: first.trustId,
        userIds: coordinators,
        kind: `order_line.${action}`,
        link: `/oversikter/${first.overviewId}?ark=${first.sheetId}`,
        texts: decidedTexts[action]({
          sheet: first.sheetName,
          trust: first.trustName,
          students: new Set(sheetLines.map((l) => l.personId)).size,
        }),
      });
    }
  }

  return {
    async list(actor: Actor, query: z.infer<typeof orderLinesQuery>) {
      const scope = await lineScope(db, actor, "orderLines.read");
      // A trust outside the scope is an empty list, not an error that would say it exists.
      if (query.trustId && !scope.trustIds.includes(query.trustId)) return { items: [], total: 0 };
      const { items, total } = await repo.list(scope, query);
      return { items: items.map(lineOut), total };
    },

    async approve(actor: Actor, input: z.infer<typeof approveLinesBody>) {
      const scope = await lineScope(db, actor, "orderLines.decide");
      return db.transaction(async (tx) => {
        const { r, lines } = await lockFor(tx, scope, input.lineIds, "approve");
        await r.move(
          lines.map((l) => l.id),
          { state: "approved", by: actor.userId, at: clock.now() },
        );
        await afterMove(tx, actor, lines, "approve", ["state", "approved_at"]);
        return { updated: lines.length };
      });
    },

    async reject(actor: Actor, input: z.infer<typeof rejectLinesBody>) {
      const scope = await lineScope(db, actor, "orderLines.decide");
      return db.transaction(async (tx) => {
        const { r, lines } = await lockFor(tx, scope, input.lineIds, "reject");
        await r.move(
          lines.map((l) => l.id),
          { state: "rejected", by: actor.userId, at: clock.now(), reason: input.reason },
        );
        await afterMove(tx, actor, lines, "reject", ["state", "reject_reason"]);
        return { updated: lines.length };
      });
    },

    /**
     * Implements lines with each person's username (one per person and request: a person is their
     * national ID's keyed hash across the trusts, else the person). The username is recorded where
     * every trust's lines for the person show it; the line says who sends it: the app, by e-mail held
     * until the trust's days before the start, when the trust says so and the person's address is
     * confirmed (one e-mail per person and placement row), else the IT provider.
     */
    async implement(actor: Actor, input: z.infer<typeof implementLinesBody>) {
      const scope = await lineScope(db, actor, "orderLines.decide");
      const usernameOf = new Map<string, string>();
      for (const l of input.lines) {
        const given = usernameOf.get(l.id);
        if (given !== undefined && given !== l.username) throw usernameConflict("", [given, l.username]);
        usernameOf.set(l.id, l.username);
      }
      return db.transaction(async (tx) => {
        const { r, lines } = await lockFor(tx, scope, [...usernameOf.keys()], "implement");
        const byPerson = new Map<string, { username: string; line: Locked }>();
        for (const line of lines) {
          const key = line.nationalIdHash ?? `person:${line.personId}`;
          const username = usernameOf.get(line.id) as string;
          const seen = byPerson.get(key);
          if (seen && seen.username !== username)
            throw usernameConflict(`${line.firstName} ${line.lastName}`, [seen.username, username]);
          byPerson.set(key, { username, line });
        }
        const settings = new Map(
          (await r.trustSettings([...new Set(lines.map((l) => l.trustId))])).map((t) => [t.id, t]),
        );
        const now = clock.now();
        const delivered = lines.map((l) => ({
          line: l,
          username: usernameOf.get(l.id) as string,
          delivery: (settings.get(l.trustId)?.appSendsUsernames && l.emailConfirmed ? "app" : "provider") as
            | "app"
            | "provider",
        }));
        await r.implement(
          delivered.map((d) => ({ id: d.line.id, username: d.username, delivery: d.delivery })),
          actor.userId,
          now,
        );
        const people = [...byPerson.values()];
        await createUsernamesRepository({ db: tx }).record(
          people.flatMap(({ username, line }) =>
            line.nationalIdHash ? [{ nationalIdHash: line.nationalIdHash, username }] : [],
          ),
          actor.userId,
          now,
        );
        await setPersonUsernames(
          tx,
          people.flatMap(({ username, line }) => (line.nationalIdHash ? [] : [{ personId: line.personId, username }])),
          now,
        );
        // One e-mail per person and placement row: the row's earliest line gives the start.
        const mails = new Map<string, { trustId: string; rowId: string; personId: string; startsOn: string }>();
        for (const d of delivered) {
          if (d.delivery !== "app") continue;
          const seen = mails.get(d.line.rowId);
          if (!seen || d.line.validFrom < seen.startsOn)
            mails.set(d.line.rowId, {
              trustId: d.line.trustId,
              rowId: d.line.rowId,
              personId: d.line.personId,
              startsOn: d.line.validFrom,
            });
        }
        await createUsernameMailsRepository({ db: tx }).hold(
          [...mails.values()].map((m) => ({
            trustId: m.trustId,
            rowId: m.rowId,
            personId: m.personId,
            dueOn: addDays(m.startsOn, -(settings.get(m.trustId)?.usernameDaysBefore ?? 7)),
          })),
        );
        await afterMove(tx, actor, lines, "implement", ["state", "username", "username_delivery"]);
        return { updated: lines.length };
      });
    },

    /** FOU's message for the coordinators on a rejected line of the active trust (null clears it). */
    async setFouMessage(actor: Actor, id: string, input: { fouMessage: string | null }) {
      const trustId = requirePolicy(actor, "orders.create");
      const scope: LineScope = { trustIds: [trustId], orderedOnly: false };
      return db.transaction(async (tx) => {
        const r = createOrderLinesRepository({ db: tx });
        const line = await r.lockOne(trustId, id);
        if (!line) throw lineNotFound();
        if (line.state !== "rejected") throw lineNotRejected(line.state as OrderLineState);
        await r.setFouMessage(id, input.fouMessage, clock.now());
        await writeAudits(tx, auditContext(actor), [
          {
            entity: "order_line",
            entityId: id,
            action: "update",
            fields: ["fou_message"],
            institutionId: line.institutionId,
          },
        ]);
        return lineOut((await r.findShown(scope, id)) as LineRow);
      });
    },
  };
}
export type OrderLinesUsecases = ReturnType<typeof createOrderLinesUsecases>;
