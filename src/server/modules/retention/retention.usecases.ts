import { todayInOslo } from "../../../domain/dates.ts";
import {
  isPastRetention,
  readNotificationCutoff,
  retentionCutoff,
  sentEmailCutoff,
} from "../../../domain/retention.ts";
import { type Clock, systemClock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { type AuditContext, type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import { deleteReadNotifications } from "../notifications/notifications.public.ts";
import { deleteSentEmail } from "../outbox/outbox.public.ts";
import { createRowRetentionRepository } from "../overviews/overviews.public.ts";
import { anonymisePersons, personsHoldingData } from "../persons/persons.public.ts";
import { deleteExpiredIdporten, deleteUnmatchedRegistrations } from "../registrations/registrations.public.ts";
import { retentionOfTrusts } from "../trusts/trusts.public.ts";

/** The job's queue name; also the request id of its audit rows (which name no actor). */
export const retentionJobName = "personal-data-retention";

export interface RetentionResult {
  /** Persons anonymised. */
  persons: number;
  /** Placement rows anonymised (with their comments and change history). */
  rows: number;
  /** Removed rows whose change history was deleted. */
  removedRows: number;
  /** Registrations that never matched a placement row, deleted after the trust's `unmatched_registration_days`. */
  registrations: number;
  sentEmails: number;
  readNotifications: number;
}

/**
 * SPEC §4: a student's personal data goes a set time after their last placement ends (the trust's
 * `retention_months`), with the change history of their rows; registrations that never matched a
 * row go the trust's `unmatched_registration_days` after their campaign's deadline; sent e-mail and
 * read notifications go after fixed ages (`src/domain/retention.ts`), expired ID-porten sign-ins at once.
 */
export function createRetentionUsecases({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  return {
    /**
     * For every trust, in one transaction per trust: anonymises the placement rows and persons whose
     * last placement ended before the trust's cut-off (rows: names → "Slettet"/"", every other
     * personal field emptied, comments and change history deleted; persons: names neutral, national
     * ID, birth date and contact details removed — both keep their ids, so rows stay linked and the
     * overviews' counts stay right), deletes the change history of removed rows whose period ended
     * before the cut-off, deletes the unmatched registrations past their time, and writes one audit
     * row per person, row and registration (field names only; no actor,
     * request id `personal-data-retention`). What is anonymised already is not found again, so a
     * second run changes nothing. Then deletes sent e-mail and read notifications past their age.
     */
    async runRetention(now: Date = clock.now()): Promise<RetentionResult> {
      const today = todayInOslo(now);
      const result: RetentionResult = {
        persons: 0,
        rows: 0,
        removedRows: 0,
        registrations: 0,
        sentEmails: 0,
        readNotifications: 0,
      };

      for (const trust of await retentionOfTrusts(db)) {
        const cutoff = retentionCutoff(today, trust.retentionMonths);
        const counts = await db.transaction(async (tx) => {
          const repo = createRowRetentionRepository({ db: tx });
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
          await writeAudits(
            tx,
            ctx,
            rows.map(
              (r): AuditEntry => ({
                entity: "placement_row",
                entityId: r.id,
                action: "anonymise",
                fields: r.fields,
                institutionId: r.institutionId,
              }),
            ),
          );

          // Persons: when their last placement ended comes from the rows, what they hold from the persons module.
          const ended = (await repo.lastPlacementsEndedBefore(trust.id, cutoff)).filter((p) =>
            isPastRetention(p.lastEnd, cutoff),
          );
          const people = await personsHoldingData(
            tx,
            trust.id,
            ended.map((p) => p.personId),
          );
          await anonymisePersons(
            tx,
            people.map((p) => p.id),
            now,
          );
          await writeAudits(
            tx,
            ctx,
            people.map(
              (p): AuditEntry => ({ entity: "person", entityId: p.id, action: "anonymise", fields: p.fields }),
            ),
          );

          const removed = await repo.removedRowsWithHistory(trust.id, cutoff);
          await repo.deleteCommentsAndChanges(removed.map((r) => r.rowId));
          await writeAudits(
            tx,
            ctx,
            removed.map(
              (r): AuditEntry => ({
                entity: "placement_row",
                entityId: r.rowId,
                action: "delete_changes",
                fields: ["row_changes"],
                institutionId: r.institutionId,
              }),
            ),
          );
          const unmatched = await deleteUnmatchedRegistrations(tx, {
            trustId: trust.id,
            today,
            days: trust.unmatchedRegistrationDays,
          });
          await writeAudits(
            tx,
            ctx,
            unmatched.map(
              (r): AuditEntry => ({
                entity: "registration",
                entityId: r.id,
                action: "delete",
                institutionId: r.institutionId,
              }),
            ),
          );
          return {
            persons: people.length,
            rows: rows.length,
            removedRows: removed.length,
            registrations: unmatched.length,
          };
        });
        result.persons += counts.persons;
        result.rows += counts.rows;
        result.removedRows += counts.removedRows;
        result.registrations += counts.registrations;
      }

      result.sentEmails = await deleteSentEmail(db, sentEmailCutoff(today));
      result.readNotifications = await deleteReadNotifications(db, readNotificationCutoff(today));
      await deleteExpiredIdporten(db, now);
      return result;
    },
  };
}
export type RetentionUsecases = ReturnType<typeof createRetentionUsecases>;
