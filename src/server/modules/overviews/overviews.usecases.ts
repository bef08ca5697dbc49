import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  Change,
  createOverviewBody,
  createSheetBody,
  Overview,
  overviewListQuery,
  Sheet,
  searchResultSchema,
} from "../../../contracts/overviews.ts";
import { addDays, daysBetween, isIsoDate, todayInOslo } from "../../../domain/dates.ts";
import { deadlineOf, deadlineState, reminderDue } from "../../../domain/deadlines.ts";
import { documentName, fileName, type NamingStandard, sheetName } from "../../../domain/naming-standard.ts";
import { rowLabel } from "../../../domain/placement-row/changes.ts";
import { isError } from "../../../domain/placement-row/problems.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { writeAudit } from "../audit/audit.public.ts";
import {
  actsAsInstitution,
  changeDto,
  contextOf,
  loadRows,
  type OverviewsDeps,
  recordChanges,
  refreshErrorCounts,
  scopeOf,
  sheetDto,
  sheetProblems,
} from "./overviews.core.ts";
import {
  alreadySubmitted,
  copyKindMismatch,
  institutionRequired,
  overviewExists,
  overviewNotFound,
  programmeNotFound,
  sheetHasProblems,
  sheetNameTaken,
  sheetNotFound,
} from "./overviews.errors.ts";
import { createOverviewsRepository, type OverviewRecord, type Scope } from "./overviews.repository.ts";
import { createCodec } from "./row-codec.ts";

/** Documents (one per student group), their sheets, submission, the change list and search. */
export function createOverviewsUsecases(deps: OverviewsDeps) {
  const { db, clock } = deps;
  const codec = createCodec(deps.crypto);

  type Naming = { deadlineDays: number; naming: NamingStandard };

  async function overviewDto(tx: DbOrTx, rec: OverviewRecord, settings: Naming): Promise<Overview> {
    return (await overviewDtos(tx, [rec], settings))[0] as Overview;
  }

  async function overviewDtos(tx: DbOrTx, recs: OverviewRecord[], settings: Naming): Promise<Overview[]> {
    const { deadlineDays } = settings;
    const repo = createOverviewsRepository({ db: tx });
    const sheetRows = await repo.sheetsOf(recs.map((r) => r.id));
    const counts = await repo.sheetCounts(sheetRows.map((s) => s.sheet.id));
    const now = clock.now();
    return recs.map((rec) => {
      const naming = { institution: rec.institutionShortName, programme: rec.programmeName, cohort: rec.cohort };
      return {
        id: rec.id,
        name: rec.name,
        fileName: fileName(naming, settings.naming),
        group: {
          id: rec.groupId,
          institutionId: rec.institutionId,
          institutionShortName: rec.institutionShortName,
          programmeId: rec.programmeId,
          programmeName: rec.programmeName,
          cohort: rec.cohort,
        },
        sheets: sheetRows
          .filter((s) => s.sheet.overviewId === rec.id)
          .map((s) =>
            sheetDto(s.sheet, {
              deadlineDays,
              now,
              submittedByName: s.submittedByName,
              counts: counts.get(s.sheet.id),
            }),
          ),
        createdAt: rec.createdAt.toISOString(),
        updatedAt: rec.updatedAt.toISOString(),
      };
    });
  }

  async function findOverview(tx: DbOrTx, scope: Scope, id: string) {
    const rec = await createOverviewsRepository({ db: tx }).findOverview(scope, id);
    if (!rec) throw overviewNotFound();
    return rec;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof overviewListQuery>): Promise<Overview[]> {
      const scope = scopeOf(actor);
      const repo = createOverviewsRepository({ db });
      const settings = await repo.trustSettings(scope.trustId);
      const recs = await repo.listOverviews(scope, query);
      return overviewDtos(db, recs, settings);
    },

    async get(actor: Actor, id: string): Promise<Overview> {
      const scope = scopeOf(actor);
      const rec = await findOverview(db, scope, id);
      const settings = await createOverviewsRepository({ db }).trustSettings(scope.trustId);
      return overviewDto(db, rec, settings);
    },

    /** The document of a new student group, named by the naming standard; a second for the group → 409. */
    async create(actor: Actor, body: z.infer<typeof createOverviewBody>): Promise<Overview> {
      const scope = scopeOf(actor);
      let institutionId = body.institutionId;
      if (scope.institutionIds) {
        if (!institutionId) {
          if (scope.institutionIds.length !== 1) throw institutionRequired();
          institutionId = scope.institutionIds[0] as string;
        }
        if (!scope.institutionIds.includes(institutionId)) throw programmeNotFound();
      }
      if (!institutionId) throw institutionRequired();
      const instId = institutionId;
      return db.transaction(async (tx) => {
        const repo = createOverviewsRepository({ db: tx });
        const programme = await repo.programme(scope.trustId, instId, body.programmeId);
        if (!programme) throw programmeNotFound();
        const key = { trustId: scope.trustId, institutionId: instId, programmeId: programme.id, cohort: body.cohort };
        const group = (await repo.createGroup(key)) ?? (await repo.findGroup(key));
        if (!group) throw programmeNotFound();
        const existing = await repo.overviewOfGroup(group.id);
        if (existing) throw overviewExists(existing.id);
        const settings = await repo.trustSettings(scope.trustId);
        const name = documentName(
          { institution: programme.institutionShortName, programme: programme.name, cohort: body.cohort },
          settings.naming,
        );
        const created = await repo.createOverview({
          trustId: scope.trustId,
          institutionId: instId,
          groupId: group.id,
          name,
          createdBy: actor.userId || null,
          createdAt: clock.now(),
          updatedAt: clock.now(),
        });
        if (!created) throw overviewExists((await repo.overviewOfGroup(group.id))?.id ?? "");
        await writeAudit(tx, auditContext(actor), {
          entity: "overview",
          entityId: created.id,
          action: "create",
          fields: ["name", "group"],
          institutionId: instId,
        });
        return overviewDto(tx, (await repo.findOverview(scope, created.id)) as OverviewRecord, settings);
      });
    },

    /**
     * A new sheet (period) named by the naming standard. With `copyFromSheetId` the source sheet's
     * rows are copied with their dates moved by the distance between the two periods' starts (a
     * placement in week 2 of period 1 lands in week 2 of period 2); dates that then fall outside the
     * new period are flagged. Order states and comments are not copied, nor are anonymised rows.
     */
    async createSheet(actor: Actor, overviewId: string, body: z.infer<typeof createSheetBody>): Promise<Sheet> {
      const scope = scopeOf(actor);
      return db.transaction(async (tx) => {
        const repo = createOverviewsRepository({ db: tx });
        const overview = await findOverview(tx, scope, overviewId);
        const settings = await repo.trustSettings(scope.trustId);
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
          const sites = await repo.sites(scope.trustId);
          const shift = daysBetween(source.startDate, body.startDate);
          const moved = (d: string) => (isIsoDate(d) ? addDays(d, shift) : d);
          // Anonymised rows name nobody and have nothing to carry into a new period.
          const rows = (await loadRows(tx, codec, source.id, sites)).filter((r) => !r.data.anonymised);
          const inserted = await repo.insertRows(
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
        if (documentSubmitted) {
          await recordChanges(tx, deps, actor, overview, [
            {
              sheetId: sheet.id,
              sheetName: sheet.name,
              rowId: null,
              rowLabel: null,
              personName: null,
              kind: "sheet_added",
              field: null,
              from: null,
              to: sheet.name,
            },
          ]);
        }
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
     * listing them); accepted after the deadline and marked late. FOU contacts are told.
     */
    async submit(actor: Actor, sheetId: string): Promise<{ sheet: Sheet; late: boolean }> {
      const scope = scopeOf(actor);
      return db.transaction(async (tx) => {
        const repo = createOverviewsRepository({ db: tx });
        const sheet = await repo.findSheet(scope, sheetId);
        if (!sheet) throw sheetNotFound();
        const overview = await findOverview(tx, scope, sheet.overviewId);
        if (sheet.submittedAt) throw alreadySubmitted();
        await repo.lockSheet(sheet.id);
        const settings = await repo.trustSettings(scope.trustId);
        const sites = await repo.sites(scope.trustId);
        const rows = await loadRows(tx, codec, sheet.id, sites);
        const problems = sheetProblems(
          rows.map((r) => r.data),
          contextOf(sheet, settings, sites),
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
        const recipients = (
          actsAsInstitution(actor)
            ? await repo.fouContactsOf(overview.trustId, overview.institutionId)
            : await repo.coordinatorsOf(overview.trustId, overview.institutionId)
        ).filter((id) => id !== actor.userId);
        await deps.notifier.notify(tx, {
          trustId: overview.trustId,
          userIds: recipients,
          kind: "overview.submitted",
          link: `/oversikter/${overview.id}?ark=${sheet.id}`,
          message: { key: "overview.submitted", params: { document: overview.name, sheet: sheet.name, late } },
        });
        await refreshErrorCounts(tx, rows, contextOf(sheet, settings, sites));
        const counts = await repo.sheetCounts([sheet.id]);
        return {
          sheet: sheetDto(submitted, {
            deadlineDays: settings.deadlineDays,
            now,
            submittedByName: await repo.userName(actor.userId),
            counts: counts.get(sheet.id),
          }),
          late,
        };
      });
    },

    async changes(actor: Actor, overviewId: string): Promise<{ changes: Change[] }> {
      const scope = scopeOf(actor);
      const overview = await findOverview(db, scope, overviewId);
      const rows = await createOverviewsRepository({ db }).changesOfOverview(overview.id);
      return { changes: rows.map(changeDto) };
    },

    async search(actor: Actor, q: string): Promise<z.infer<typeof searchResultSchema>> {
      const scope = scopeOf(actor);
      return { results: await createOverviewsRepository({ db }).search(scope, q) };
    },

    /**
     * The daily reminder: coordinators of the institution hear about each sheet not submitted whose
     * deadline is 7 days away or less (once per sheet: `reminder_sent_at`, claimed in the same
     * transaction as the notifications, so two instances never both send it).
     */
    async runDeadlineReminders(now: Date = clock.now()): Promise<{ reminded: number }> {
      const today = todayInOslo(now);
      const candidates = (await createOverviewsRepository({ db }).unremindedSheets()).filter((c) =>
        reminderDue(today, c.sheet.startDate, c.deadlineDays),
      );
      let reminded = 0;
      for (const c of candidates) {
        await db.transaction(async (tx) => {
          const repo = createOverviewsRepository({ db: tx });
          if (!(await repo.claimReminder(c.sheet.id, now))) return;
          const coordinators = await repo.coordinatorsOf(c.trustId, c.institutionId);
          await deps.notifier.notify(tx, {
            trustId: c.trustId,
            userIds: coordinators,
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
export type OverviewsUsecases = ReturnType<typeof createOverviewsUsecases>;
