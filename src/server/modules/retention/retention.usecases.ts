import { todayInOslo } from "../../../domain/dates.ts";
import {
  isPastRetention,
  readNotificationCutoff,
  retentionCutoff,
  sentEmailCutoff,
} from "../../../domain/retention.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { type AuditContext, writeAudit } from "../audit/audit.public.ts";
import { createRetentionRepository } from "./retention.repository.ts";

/** The job's queue name; also the request id of its audit rows (which name no actor). */
export const retentionJobName = "personal-data-retention";

export interface RetentionResult {
  /** Persons anonymised. */
  persons: number;
  /** Placement rows anonymised (with their comments and change history). */
  rows: number;
  /** Removed rows whose change history was deleted. */
  removedRows: number;
  sentEmails: number;
  readNotifications: number;
}

/**
 * SPEC §4: a student's personal data goes a set time after their last placement ends (the trust's
 * `retention_months`), with the change history of their rows; sent e-mail and read notifications
 * go after fixed ages (`src/domain/retention.ts`).
 */
export function createRetentionUsecases({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  return {
    /**
     * For every trust, in one transaction per trust: anonymises the placement rows and persons whose
     * last placement ended before the trust's cut-off (rows: names → "Slettet"/"", every other
     * personal field emptied, comments and change history deleted; persons: names neutral, national
     * ID, birth date and contact details removed — both keep their ids, so rows stay linked and the
     * overviews' counts stay right), deletes the change history of removed rows whose period ended
     * before the cut-off, and writes one audit row per person and row (field names only; no actor,
     * request id `personal-data-retention`). What is anonymised already is not found again, so a
     * second run changes nothing. Then deletes sent e-mail and read notifications past their age.
     */
    async runRetention(now: Date = clock.now()): Promise<RetentionResult> {
      const today = todayInOslo(now);
      const result: RetentionResult = { persons: 0, rows: 0, removedRows: 0, sentEmails: 0, readNotifications: 0 };

      for (const trust of await createRetentionRepository({ db }).trusts()) {
        const cutoff = retentionCutoff(today, trust.retentionMonths);
        const counts = await db.transaction(async (tx) => {
          const repo = createRetentionRepository({ db: tx });
          const ctx: AuditContext = { actorId: null, trustId: trust.id, requestId: retentionJobName };

          // Lock the sheets first, as row saves do, then read the rows again under the locks.
          const candidates = await repo.dueRows(trust.id, cutoff);
          const locked = new Set(candidates.map((r) => r.sheetId));
          await repo.lockSheets([...locked]);
          const rows = (await repo.dueRows(trust.id, cutoff)).filter(
            (r) => locked.has(r.sheetId) && isPastRetention(r.lastEnd, cutoff),
          );
          const rowIds = rows.map((r) => r.id);
          await repo.anonymiseRows(rowIds, now);
          await repo.deleteCommentsAndChanges(rowIds);
          for (const r of rows) {
            await writeAudit(tx, ctx, {
              entity: "placement_row",
              entityId: r.id,
              action: "anonymise",
              fields: r.fields,
              institutionId: r.institutionId,
            });
          }

          const people = (await repo.duePersons(trust.id, cutoff)).filter((p) => isPastRetention(p.lastEnd, cutoff));
          await repo.anonymisePersons(
            people.map((p) => p.id),
            now,
          );
          for (const p of people) {
            await writeAudit(tx, ctx, { entity: "person", entityId: p.id, action: "anonymise", fields: p.fields });
          }

          const removed = await repo.removedRowsWithHistory(trust.id, cutoff);
          await repo.deleteCommentsAndChanges(removed.map((r) => r.rowId));
          for (const r of removed) {
            await writeAudit(tx, ctx, {
              entity: "placement_row",
              entityId: r.rowId,
              action: "delete_changes",
              fields: ["row_changes"],
              institutionId: r.institutionId,
            });
          }
          return { persons: people.length, rows: rows.length, removedRows: removed.length };
        });
        result.persons += counts.persons;
        result.rows += counts.rows;
        result.removedRows += counts.removedRows;
      }

      const repo = createRetentionRepository({ db });
      result.sentEmails = await repo.deleteSentEmail(sentEmailCutoff(today));
      result.readNotifications = await repo.deleteReadNotifications(readNotificationCutoff(today));
      return result;
    },
  };
}
export type RetentionUsecases = ReturnType<typeof createRetentionUsecases>;
