import type { z } from "zod";
import type { DeactivationItem, deactivationsQuery, markDeactivatedBody } from "../../../contracts/deactivations.ts";
import { itProviderRole } from "../../../contracts/policies.ts";
import type { DeactivationReason, OrderLineState } from "../../../domain/order-lines.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import { itProviderTrustsOf } from "../users/users.public.ts";
import { alreadyDeactivated } from "./deactivations.errors.ts";
import { fileColumns, writeDeactivationFile } from "./deactivations.file.ts";
import { createDeactivationsRepository, type DeactivationRow } from "./deactivations.repository.ts";
import { lineNotFound, lineStateChanged } from "./order-lines.errors.ts";
import { syncRowOrderStates } from "./row-order-states.ts";

type Query = z.infer<typeof deactivationsQuery>;

const contentTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** The most lines one download holds (the list's filters narrow it). */
const maxFileLines = 50_000;

/**
 * The trusts whose deactivation list the caller reaches (ADR 0007): the IT provider every trust
 * where it holds the role; FOU and admins their active trust. Whether the withdrawal's note shows.
 */
export async function deactivationScope(
  db: DbOrTx,
  actor: Actor,
  policy: "deactivations.read" | "deactivations.mark" | "start.deactivations",
) {
  const trustId = requirePolicy(actor, policy);
  const showsNote = actor.roles.includes("admin") || actor.roles.includes("student_admin");
  if (!actor.roles.includes(itProviderRole)) return { trustIds: [trustId], showsNote };
  const served = await itProviderTrustsOf(db, actor.userId);
  return { trustIds: [...new Set([trustId, ...served])], showsNote };
}

function itemOf(r: DeactivationRow, showsNote: boolean): DeactivationItem {
  return {
    lineId: r.id,
    trust: { id: r.trustId, name: r.trustName },
    institution: { id: r.institutionId, shortName: r.institutionShortName },
    lastName: r.lastName,
    firstName: r.firstName,
    username: r.username ?? null,
    system: { id: r.systemId, name: r.systemName },
    role: r.role,
    sheetName: r.sheetName,
    reference: r.reference,
    reason: (r.reason ?? "ended") as DeactivationReason,
    note: showsNote ? r.note : null,
    deactivateFrom: r.deactivateFrom ?? r.validTo,
    validTo: r.validTo,
    state: r.state as DeactivationItem["state"],
    deactivatedAt: r.deactivatedAt?.toISOString() ?? null,
    deactivatedBy: r.deactivatedBy ? { id: r.deactivatedBy, name: r.deactivatedByName ?? "" } : null,
  };
}

/**
 * The deactivation list (SPEC §3.2 step 6): read by the IT provider across the trusts it serves and
 * by FOU and admins at their trust, as a page or a download (audited per line, no national ID);
 * marked deactivated by the IT provider, many lines at once and all or nothing: a line the caller
 * does not reach is 404, a line already deactivated 409 `deactivations.already_deactivated`, any
 * other not on the list 409 with its state. The rows' Bestilt cells follow, in one transaction.
 */
export function createDeactivationsUsecases({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(actor: Actor, query: Query) {
      const scope = await deactivationScope(db, actor, "deactivations.read");
      if (query.trustId && !scope.trustIds.includes(query.trustId)) return { items: [], total: 0 };
      const { items, total } = await createDeactivationsRepository({ db }).list(scope.trustIds, query);
      return { items: items.map((r) => itemOf(r, scope.showsNote)), total };
    },

    /** The start page's count: the lines to deactivate of the trusts one serves (the list's default filter). */
    async count(actor: Actor): Promise<number> {
      const scope = await deactivationScope(db, actor, "start.deactivations");
      return createDeactivationsRepository({ db }).countOpen(scope.trustIds);
    },

    async export(actor: Actor, query: Query & { format: "xlsx" | "csv" }) {
      const scope = await deactivationScope(db, actor, "deactivations.read");
      const wanted = query.trustId && !scope.trustIds.includes(query.trustId) ? [] : scope.trustIds;
      return db.transaction(async (tx) => {
        const { items } =
          wanted.length === 0
            ? { items: [] }
            : await createDeactivationsRepository({ db: tx }).list(wanted, {
                ...query,
                limit: maxFileLines,
                offset: 0,
              });
        await writeAudits(
          tx,
          auditContext(actor),
          items.map(
            (r): AuditEntry => ({
              entity: "order_line",
              entityId: r.id,
              action: "export",
              fields: fileColumns,
              trustId: r.trustId,
              institutionId: r.institutionId,
            }),
          ),
        );
        return {
          fileName: `Deaktivering.${query.format}`,
          contentType: contentTypes[query.format],
          buffer: await writeDeactivationFile(
            query.format,
            items.map((r) => itemOf(r, false)),
          ),
        };
      });
    },

    async mark(actor: Actor, input: z.infer<typeof markDeactivatedBody>) {
      const scope = await deactivationScope(db, actor, "deactivations.mark");
      const wanted = [...new Set(input.lineIds)];
      return db.transaction(async (tx) => {
        const repo = createDeactivationsRepository({ db: tx });
        const lines = await repo.lockForMark(scope.trustIds, wanted);
        if (lines.length !== wanted.length) throw lineNotFound();
        const off = lines.filter((l) => l.state !== "to_deactivate");
        const done = off.filter((l) => l.state === "deactivated");
        if (done.length > 0) throw alreadyDeactivated(done.map((l) => ({ id: l.id, state: l.state })));
        if (off.length > 0) throw lineStateChanged(off.map((l) => ({ id: l.id, state: l.state as OrderLineState })));
        await repo.markDeactivated(wanted, actor.userId, clock.now());
        await syncRowOrderStates(tx, [...new Set(lines.map((l) => l.rowId))]);
        await writeAudits(
          tx,
          auditContext(actor),
          lines.map(
            (l): AuditEntry => ({
              entity: "order_line",
              entityId: l.id,
              action: "deactivate",
              fields: ["state", "deactivated_at"],
              trustId: l.trustId,
              institutionId: l.institutionId,
            }),
          ),
        );
        return { updated: lines.length };
      });
    },
  };
}
export type DeactivationsUsecases = ReturnType<typeof createDeactivationsUsecases>;
