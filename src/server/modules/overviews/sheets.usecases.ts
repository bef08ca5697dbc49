import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { createSheetBody, Sheet } from "../../../contracts/overviews.ts";
import { addDays, daysBetween, isIsoDate, todayInOslo } from "../../../domain/dates.ts";
import { deadlineOf, deadlineState, reminderDue } from "../../../domain/deadlines.ts";
import { sheetName } from "../../../domain/naming-standard.ts";
import { rowLabel } from "../../../domain/placement-row/changes.ts";
import { isError } from "../../../domain/placement-row/problems.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { placementSitesOf } from "../catalog/catalog.public.ts";
import { deadlineDaysOf } from "../trusts/trusts.public.ts";
import { activeCoordinatorsOf, userNamesOf } from "../users/users.public.ts";
import { createChangeLog, otherSideOf, sheetAdded } from "./change-log.ts";
import type { OverviewsDeps } from "./overviews.deps.ts";
import { sheetDto } from "./overviews.dtos.ts";
import {
  alreadySubmitted,
  copyKindMismatch,
  sheetHasProblems,
  sheetNameTaken,
  sheetNotFound,
} from "./overviews.errors.ts";
import { createOverviewsRepository } from "./overviews.repository.ts";
import { createCodec } from "./row-codec.ts";
import { createRowsRepository } from "./rows.repository.ts";
import { withOverview, withSheet } from "./sheet-context.ts";
import { contextOf, loadRows, refreshErrorCounts, sheetProblems } from "./sheet-rows.ts";

/** A document's sheets: a new (or copied) sheet, submission, and the deadline reminders. */
export function createSheetsUsecases(deps: OverviewsDeps) {
  const { db, clock } = deps;
  const codec = createCodec(deps.crypto);
  const changeLog = createChangeLog(deps);

  return {
    /**
     * A new sheet (period) named by the naming standard. With `copyFromSheetId` the source sheet's
     * rows are copied with their dates moved by the distance between the two periods' starts (a
     * placement in week 2 of period 1 lands in week 2 of period 2); dates that then fall outside the
     * new period are flagged. Order states and comments are not copied, nor are anonymised rows.
     */
    async createSheet(actor: Actor, overviewId: string, body: z.infer<typeof createSheetBody>): Promise<Sheet> {
      return db.transaction(async (tx) => {
        const { scope, overview, settings } = await withOverview(tx, actor, overviewId, "overviews.write");
        const repo = createOverviewsRepository({ db: tx });
        const name = sheetName(
          { label: body.label, n: body.number, international: body.kind === "international" },
          settings.naming,
        );
        const source = body.copyFromSheetId ? await repo.findSheet(scope, body.copyFromSheetId) : undefined;
        if (body.copyFromSheetId && (!source || source.overviewId !== overview.id)) throw sheetNotFound();
        if (source && source.kind !== body.kind) throw copyKindMismatch();
        if (await repo.sheetByName(overview.id, name)) throw sheetNameTaken(name);
        const documentSubmitted = await repo.hasSubmittedSheet(overview.id);
        const sheet = await repo.createSheet({
          overviewId: overview.id,
          kind: body.kind,
          name,
          startDate: body.startDate,
          endDate: body.endDate,
          position: await repo.nextSheetPosition(overview.id),
          createdAt: clock.now(),
          updatedAt: clock.now(),
        });
        if (!sheet) throw sheetNameTaken(name);
        await writeAudit(tx, auditContext(actor), {
          entity: "sheet",
          entityId: sheet.id,
          action: source ? "copy" : "create",
          fields: ["name", "kind", "start_date", "end_date"],
          institutionId: overview.institutionId,
        });
        let rowCount = 0;
        if (source) {
          const sites = await placementSitesOf(tx, scope.trustId);
          const shift = daysBetween(source.startDate, body.startDate);
          const moved = (d: string) => (isIsoDate(d) ? addDays(d, shift) : d);
          // Anonymised rows name nobody and have nothing to carry into a new period.
          const rows = (await loadRows(tx, codec, source.id, sites)).filter((r) => !r.data.anonymised);
          const inserted = await createRowsRepository({ db: tx }).insertRows(
            rows.map((r, i) => {
              const id = randomUUID();
              return {
                id,
                ...codec.toColumns(
                  id,
                  { ...r.data, startDate: moved(r.data.startDate), endDate: moved(r.data.endDate) },
                  settings.testMode,
                ),
                sheetId: sheet.id,
                personId: r.rec.personId,
                position: i + 1,
              };
            }),
          );
          rowCount = inserted.length;
          const copied = await loadRows(tx, codec, sheet.id, sites);
          await refreshErrorCounts(tx, copied, contextOf(sheet, settings, sites));
        }
        if (documentSubmitted) await changeLog.record(tx, actor, overview, [sheetAdded(sheet)]);
        await repo.touchOverview(overview.id, clock.now());
        const counts = await repo.sheetCounts([sheet.id]);
        return sheetDto(sheet, {
          deadlineDays: settings.deadlineDays,
          now: clock.now(),
          submittedByName: null,
          counts: counts.get(sheet.id) ?? { rows: rowCount, problems: 0, registered: 0, ordered: 0 },
        });
      });
    },

    /**
     * Submits a sheet for its period. Refused while a row has an error (409 `sheets.has_problems`
     * listing them); accepted after the deadline and marked late. The other side is told.
     */
    async submit(actor: Actor, sheetId: string): Promise<{ sheet: Sheet; late: boolean }> {
      return db.transaction(async (tx) => {
        const { sheet, overview, settings, sites, ctx } = await withSheet(tx, actor, sheetId, {
          lock: true,
          policy: "overviews.submit",
        });
        if (sheet.submittedAt) throw alreadySubmitted();
        const repo = createOverviewsRepository({ db: tx });
        const rows = await loadRows(tx, codec, sheet.id, sites);
        const problems = await sheetProblems(
          rows.map((r) => r.data),
          ctx,
        );
        const failing = rows
          .map((r, i) => ({ r, errors: (problems[i] ?? []).filter(isError) }))
          .filter((x) => x.errors.length > 0);
        if (failing.length > 0) {
          throw sheetHasProblems(
            failing.map(({ r, errors }) => ({
              rowId: r.rec.id,
              label: rowLabel(r.data),
              codes: [...new Set(errors.map((e) => e.code))],
            })),
          );
        }
        const now = clock.now();
        const state = deadlineState({
          today: todayInOslo(now),
          periodStart: sheet.startDate,
          deadlineDays: settings.deadlineDays,
          submittedOn: todayInOslo(now),
        });
        const late = state === "submitted_late";
        const submitted = await repo.submitSheet(sheet.id, { at: now, by: actor.userId, late });
        if (!submitted) throw alreadySubmitted();
        await writeAudit(tx, auditContext(actor), {
          entity: "sheet",
          entityId: sheet.id,
          action: "submit",
          fields: late ? ["submitted_at", "submitted_late"] : ["submitted_at"],
          institutionId: overview.institutionId,
        });
        await deps.notifier.notify(tx, {
          trustId: overview.trustId,
          userIds: await otherSideOf(tx, actor, overview),
          kind: "overview.submitted",
          link: `/oversikter/${overview.id}?ark=${sheet.id}`,
          message: { key: "overview.submitted", params: { document: overview.name, sheet: sheet.name, late } },
        });
        await refreshErrorCounts(tx, rows, ctx);
        const counts = await repo.sheetCounts([sheet.id]);
        return {
          sheet: sheetDto(submitted, {
            deadlineDays: settings.deadlineDays,
            now,
            submittedByName: (await userNamesOf(tx, [actor.userId])).get(actor.userId) ?? "",
            counts: counts.get(sheet.id),
          }),
          late,
        };
      });
    },

    /**
     * The daily reminder: coordinators of the institution hear about each sheet not submitted whose
     * deadline is 7 days away or less (once per sheet: `reminder_sent_at`, claimed in the same
     * transaction as the notifications, so two instances never both send it).
     */
    async runDeadlineReminders(now: Date = clock.now()): Promise<{ reminded: number }> {
      const today = todayInOslo(now);
      const unreminded = await createOverviewsRepository({ db }).unremindedSheets();
      const deadlines = await deadlineDaysOf(db, [...new Set(unreminded.map((c) => c.trustId))]);
      const candidates = unreminded
        .map((c) => ({ ...c, deadlineDays: deadlines.get(c.trustId) ?? 28 }))
        .filter((c) => reminderDue(today, c.sheet.startDate, c.deadlineDays));
      let reminded = 0;
      for (const c of candidates) {
        await db.transaction(async (tx) => {
          if (!(await createOverviewsRepository({ db: tx }).claimReminder(c.sheet.id, now))) return;
          await deps.notifier.notify(tx, {
            trustId: c.trustId,
            userIds: await activeCoordinatorsOf(tx, c.trustId, c.institutionId),
            kind: "overview.deadline_reminder",
            link: `/oversikter/${c.sheet.overviewId}?ark=${c.sheet.id}`,
            message: {
              key: "overview.deadline_reminder",
              params: {
                document: c.overviewName,
                sheet: c.sheet.name,
                deadline: deadlineOf(c.sheet.startDate, c.deadlineDays),
              },
            },
          });
          reminded++;
        });
      }
      return { reminded };
    },
  };
}
