import type { z } from "zod";
import type {
  ExtendRowsResponse,
  ExtensionItem,
  ExtensionsQuery,
  extendRowsBody,
  markExtensionsBody,
} from "../../../contracts/extensions.ts";
import { itProviderRole } from "../../../contracts/policies.ts";
import type { OrderLineState } from "../../../domain/order-lines.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { norwegianDate, writeTableFile } from "../../shared/table-file.ts";
import { type AuditEntry, writeAudit, writeAudits } from "../audit/audit.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import { extendRows } from "../overviews/overviews.public.ts";
import { itProviderTrustsOf } from "../users/users.public.ts";
import {
  extensionLineNotFound,
  extensionNotExtended,
  extensionRefused,
  extensionRowsNotFound,
} from "./extensions.errors.ts";
import { createExtensionsRepository } from "./extensions.repository.ts";
import { accessFollowsRows } from "./row-events.ts";
import { syncRowOrderStates } from "./row-order-states.ts";

const contentTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** The extension list's file: the IT provider's people read Norwegian; a line ID, never a national ID. */
const fileHeaders = [
  "Praksistilgang-ID",
  "Endringstype",
  "Etternavn",
  "Fornavn",
  "E-post",
  "Brukernavn",
  "Helseforetak",
  "Utdanningsinstitusjon",
  "System",
  "Rolle",
  "Referanse",
  "Gyldig fra",
  "Gammel sluttdato",
  "Ny sluttdato",
];
const fileFields = [
  "line_id",
  "last_name",
  "first_name",
  "email",
  "username",
  "institution",
  "system",
  "role",
  "reference",
  "valid_from",
  "extended_from",
  "valid_to",
];
/** The change type's word in the file (the portal file's change-type column says the same). */
const extendedChangeType = "Forlenget";

type ListRow = Awaited<ReturnType<ReturnType<typeof createExtensionsRepository>["list"]>>["items"][number];

const itemOf = (r: ListRow): ExtensionItem => ({
  lineId: r.lineId,
  trust: { id: r.trustId, name: r.trustName },
  institution: { id: r.institutionId, shortName: r.institutionShortName },
  sheetName: r.sheetName,
  rowId: r.rowId,
  lastName: r.lastName,
  firstName: r.firstName,
  email: r.email ?? "",
  username: r.username || null,
  system: { id: r.systemId, name: r.systemName },
  role: r.role,
  reference: r.reference,
  validFrom: r.validFrom,
  extendedFrom: r.extendedFrom,
  validTo: r.validTo,
  state: r.state === "extended" ? "extended" : "done",
  extendedAt: r.extendedAt?.toISOString() ?? null,
  doneAt: r.doneAt?.toISOString() ?? null,
});

/**
 * The trusts whose extensions the caller reaches (ADR 0007): the IT provider every trust where it
 * holds the role; FOU and admins their active trust.
 */
async function extensionTrusts(db: DbOrTx, actor: Actor, policy: "extensions.read" | "extensions.mark") {
  const trustId = requirePolicy(actor, policy);
  if (!actor.roles.includes(itProviderRole)) return [trustId];
  return [...new Set([trustId, ...(await itProviderTrustsOf(db, actor.userId))])];
}

/**
 * Extending placements (SPEC §3.2 step 6): FOU's bulk extension of rows and their lines, the IT
 * provider's extension list and its marks. Each request is all or nothing in one transaction.
 */
export function createExtensionsUsecases({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  return {
    /**
     * FOU extends rows of one or many sheets of the trust to `endDate`: the rows (overviews'
     * `extendRows`: dates, change log, coordinators told once per recipient and document) and their
     * lines together — granted lines go on the IT provider's extension list, lines not yet carried
     * out take the new end — with the Bestilt cells and an audit row per line. A row of another
     * trust is 404; a refused row 400 or 409 naming each; a dry run reports and saves nothing.
     */
    async extend(
      actor: Actor,
      body: z.infer<typeof extendRowsBody>,
      opts: { dryRun?: boolean } = {},
    ): Promise<ExtendRowsResponse> {
      const trustId = requirePolicy(actor, "rows.extend");
      const dryRun = opts.dryRun === true;
      return db.transaction(async (tx) => {
        const report = await extendRows(
          tx,
          actor,
          { clock, notifier, rowsChanged: accessFollowsRows({ clock, notifier }) },
          { trustId, rowIds: body.rowIds, endDate: body.endDate, dryRun },
        );
        if (report.missing > 0) throw extensionRowsNotFound(report.missing);
        if (dryRun)
          return { dryRun, rows: report.rows.length - report.refused.length, lines: 0, refused: report.refused };
        if (report.refused.length > 0) throw extensionRefused(report.refused);
        const rowIds = report.rows.map((r) => r.rowId);
        const lines = await createExtensionsRepository({ db: tx }).extendLines(
          rowIds,
          body.endDate,
          actor.userId,
          clock.now(),
        );
        await syncRowOrderStates(tx, rowIds);
        await writeAudits(tx, auditContext(actor), [
          ...lines.extended.map(
            (l): AuditEntry => ({
              entity: "order_line",
              entityId: l.id,
              action: "extend",
              fields: ["state", "valid_to", "extended_from"],
              trustId: l.trust_id,
              institutionId: l.institution_id,
            }),
          ),
          ...lines.moved.map(
            (l): AuditEntry => ({
              entity: "order_line",
              entityId: l.id,
              action: "update",
              fields: ["valid_to"],
              trustId: l.trust_id,
              institutionId: l.institution_id,
            }),
          ),
        ]);
        return { dryRun, rows: rowIds.length, lines: lines.extended.length + lines.moved.length, refused: [] };
      });
    },

    /** The extension list of the trusts the caller reaches, filtered, searched, sorted and paged. */
    async list(actor: Actor, q: ExtensionsQuery) {
      const trustIds = await extensionTrusts(db, actor, "extensions.read");
      if (q.trustId && !trustIds.includes(q.trustId)) return { items: [], total: 0 };
      const { items, total } = await createExtensionsRepository({ db }).list(trustIds, q);
      return { items: items.map(itemOf), total };
    },

    /** How many extensions wait on the caller as the IT provider (the start page's count). */
    async waiting(actor: Actor) {
      const trustIds = await extensionTrusts(db, actor, "extensions.read");
      return createExtensionsRepository({ db }).waiting(trustIds);
    },

    /** The list (every line the filters pick) as a file for the IT provider's systems; audited. */
    async export(actor: Actor, q: ExtensionsQuery & { format: "xlsx" | "csv" }) {
      const trustIds = await extensionTrusts(db, actor, "extensions.read");
      const wanted = q.trustId && !trustIds.includes(q.trustId) ? [] : trustIds;
      return db.transaction(async (tx) => {
        const { items } =
          wanted.length > 0
            ? await createExtensionsRepository({ db: tx }).list(wanted, q, { all: true })
            : { items: [] };
        await writeAudit(tx, auditContext(actor), {
          entity: "trust",
          entityId: actor.trustId as string,
          action: "export",
          fields: fileFields,
        });
        const values = items.map((r) => [
          r.lineId,
          extendedChangeType,
          r.lastName,
          r.firstName,
          r.email ?? "",
          r.username ?? "",
          r.trustName,
          r.institutionShortName,
          r.systemName,
          r.role,
          r.reference ?? "",
          norwegianDate(r.validFrom),
          norwegianDate(r.extendedFrom),
          norwegianDate(r.validTo),
        ]);
        return {
          fileName: `Forlengelser.${q.format}`,
          contentType: contentTypes[q.format],
          buffer: await writeTableFile(q.format, "Forlengelser", fileHeaders, values),
        };
      });
    },

    /**
     * The IT provider marks extended lines done (back to `implemented`, who and when): all or none;
     * a line it does not reach is 404, a line not extended 409 with its state.
     */
    async mark(actor: Actor, body: z.infer<typeof markExtensionsBody>) {
      const trustIds = await extensionTrusts(db, actor, "extensions.mark");
      const ids = [...new Set(body.lineIds)];
      return db.transaction(async (tx) => {
        const r = createExtensionsRepository({ db: tx });
        const lines = await r.lock(trustIds, ids);
        if (lines.length !== ids.length) throw extensionLineNotFound();
        const not = lines.filter((l) => l.state !== "extended");
        if (not.length > 0)
          throw extensionNotExtended(not.map((l) => ({ id: l.id, state: l.state as OrderLineState })));
        await r.markDone(ids, actor.userId, clock.now());
        await syncRowOrderStates(tx, [...new Set(lines.map((l) => l.rowId))]);
        await writeAudits(
          tx,
          auditContext(actor),
          lines.map(
            (l): AuditEntry => ({
              entity: "order_line",
              entityId: l.id,
              action: "mark_extended",
              fields: ["state", "extension_done_at"],
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
export type ExtensionsUsecases = ReturnType<typeof createExtensionsUsecases>;
