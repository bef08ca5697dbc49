import type { z } from "zod";
import type {
  AuditEvent,
  AuditRecord,
  auditExportQuery,
  auditFilterQuery,
  auditQuery,
} from "../../../contracts/audit.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { csvBom, csvLine, osloDateTime, osloDay } from "./audit.csv.ts";
import { badCursor } from "./audit.errors.ts";
import { languageOf, listAudit } from "./audit.repository.ts";
import { auditTexts } from "./audit.texts.ts";
import { nameRecords } from "./records.repository.ts";
import { columnName, writeAudit } from "./trail.repository.ts";

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) throw badCursor();
  return { at: date, id };
}

type Filter = z.infer<typeof auditFilterQuery>;

/** Rows read per query while a CSV export is written. */
const exportBatch = 500;

/** The audit trail as the trust's admins read it: filter by who, what, when and which record. */
export function createAuditUsecases({ db, clock }: { db: Db; clock: Clock }) {
  /** One page of the trust's events after `before`, each with its record named. */
  async function page(trustId: string, f: Filter, limit: number, before?: { at: Date; id: string }) {
    const rows = await listAudit(db, { trustId, ...f, before, limit: limit + 1 });
    const shown = rows.slice(0, limit);
    const recordOf = await nameRecords(db, trustId, shown);
    const events: AuditEvent[] = shown.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? "", email: r.actorEmail ?? "" } : null,
      institutionId: r.institutionId,
      entity: r.entity,
      entityId: r.entityId,
      record: recordOf(r),
      action: r.action,
      fields: r.fields,
      requestId: r.requestId,
    }));
    const last = shown.at(-1);
    return { events, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
  }

  return {
    async list(actor: Actor, q: z.infer<typeof auditQuery>) {
      const trustId = requirePolicy(actor, "audit.read");
      const { limit, before, ...filter } = q;
      const result = await page(trustId, filter, limit, before ? decodeCursor(before) : undefined);
      return { events: result.events, next: result.next ? encodeCursor(result.next.at, result.next.id) : null };
    },

    /**
     * The filtered log as CSV lines, newest first, in the person's language (`lang`, else their
     * own). The export is audited (`audit`/`export`, with the names of the filters used) before the
     * first line is written; the lines are read a batch at a time, so a long log is streamed.
     */
    async exportCsv(actor: Actor, q: z.infer<typeof auditExportQuery>) {
      const trustId = requirePolicy(actor, "audit.read");
      const { lang, ...filter } = q;
      const language = lang ?? (await languageOf(db, actor.userId, trustId));
      const used = (Object.keys(filter) as (keyof Filter)[]).filter((k) => filter[k] !== undefined).map(columnName);
      await writeAudit(db, auditContext(actor), { entity: "audit", entityId: trustId, action: "export", fields: used });
      const t = auditTexts(language);
      const recordName = (r: AuditRecord) =>
        r.state === "named" ? r.name : t.text(r.state === "gone" ? "audit.gone" : "audit.anonymised");
      const recordDetails = (r: AuditRecord) =>
        r.state === "gone"
          ? ""
          : [...(r.state === "named" && r.role ? [t.role(r.role)] : []), ...r.details].join(" · ");

      async function* lines() {
        yield csvBom;
        yield csvLine(
          ["at", "who", "csv.email", "action", "what", "record", "csv.details", "filter.record", "fields"].map((k) =>
            t.text(`audit.${k}`),
          ),
        );
        let before: { at: Date; id: string } | undefined;
        do {
          const result = await page(trustId, filter, exportBatch, before);
          for (const e of result.events) {
            yield csvLine([
              osloDateTime(new Date(e.at)),
              e.actor?.name ?? t.text("audit.system"),
              e.actor?.email ?? "",
              t.action(e.action),
              t.entity(e.entity),
              recordName(e.record),
              recordDetails(e.record),
              e.entityId,
              e.fields.map(t.field).join(", "),
            ]);
          }
          before = result.next ?? undefined;
        } while (before);
      }
      const fileName = `${t.text("audit.csv.fileName")} ${osloDay(clock.now())}.csv`;
      return { fileName, lines: lines() };
    },
  };
}
export type AuditUsecases = ReturnType<typeof createAuditUsecases>;
