import type { z } from "zod";
import type {
  Change,
  createOverviewBody,
  Overview,
  OverviewList,
  overviewListQuery,
} from "../../../contracts/overviews.ts";
import { searchLimit, type searchResultSchema } from "../../../contracts/search.ts";
import { addDays, todayInOslo } from "../../../domain/dates.ts";
import { dueSoonDays } from "../../../domain/deadlines.ts";
import { documentName } from "../../../domain/naming-standard.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { programmeOf } from "../catalog/catalog.public.ts";
import { hasAgreement, institutionNamesOf } from "../institutions/institutions.public.ts";
import { trustSettingsOf } from "../trusts/trusts.public.ts";
import { scopeOf } from "./access-scope.ts";
import { overviewDto, overviewDtos } from "./overview-dtos.ts";
import type { OverviewsDeps } from "./overviews.deps.ts";
import { changeDto } from "./overviews.dtos.ts";
import { institutionRequired, overviewExists, overviewNotFound, programmeNotFound } from "./overviews.errors.ts";
import { createOverviewsRepository, type OverviewRecord } from "./overviews.repository.ts";
import { createRowsRepository } from "./rows.repository.ts";
import { findDocumentInScope } from "./scoped-finds.repository.ts";
import { withOverview } from "./sheet-context.ts";
import { createSheetsUsecases } from "./sheets.usecases.ts";

/**
 * The last period start of a sheet that is due soon or late on `now`'s day when not submitted:
 * its deadline (start less `deadlineDays`) at most `dueSoonDays` away (see `deadlineState`).
 */
const dueByOf = (now: Date, deadlineDays: number) => addDays(todayInOslo(now), dueSoonDays + deadlineDays);

/** Documents (one per student group), their sheets, submission, the change list and search. */
export function createOverviewsUsecases(deps: OverviewsDeps) {
  const { db, clock } = deps;

  return {
    /** A page of the documents in scope with their sheets and counts, and how many match in all. */
    async list(actor: Actor, query: z.infer<typeof overviewListQuery>): Promise<OverviewList> {
      const scope = scopeOf(actor);
      const settings = await trustSettingsOf(db, scope.trustId);
      const now = clock.now();
      const page = await createOverviewsRepository({ db }).listPage(scope, {
        ...query,
        dueBy: dueByOf(now, settings.deadlineDays),
      });
      return { items: await overviewDtos(db, page.items, settings, now), total: page.total };
    },

    /** The start page's numbers of what `list` gives: documents, sheets due soon or late, rows with errors. */
    async counts(actor: Actor) {
      const scope = scopeOf(actor);
      const { deadlineDays } = await trustSettingsOf(db, scope.trustId);
      return createOverviewsRepository({ db }).counts(scope, dueByOf(clock.now(), deadlineDays));
    },

    /** One document with its sheets and their counts: one statement besides the session's. */
    async get(actor: Actor, id: string): Promise<Overview> {
      const found = await findDocumentInScope(db, scopeOf(actor), id);
      if (!found) throw overviewNotFound();
      return overviewDto(found.overview, found.sheets, found.settings, clock.now());
    },

    /** The document of a new student group, named by the naming standard; a second for the group → 409. */
    async create(actor: Actor, body: z.infer<typeof createOverviewBody>): Promise<Overview> {
      const scope = scopeOf(actor, "overviews.write");
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
        // A programme of an institution the trust has an agreement with.
        const programme = await programmeOf(tx, {
          trustId: scope.trustId,
          institutionId: instId,
          programmeId: body.programmeId,
        });
        const institution = programme ? (await institutionNamesOf(tx, [instId])).get(instId) : undefined;
        if (!programme || !institution || !(await hasAgreement(tx, scope.trustId, instId))) throw programmeNotFound();
        const key = { trustId: scope.trustId, institutionId: instId, programmeId: programme.id, cohort: body.cohort };
        const group = (await repo.createGroup(key)) ?? (await repo.findGroup(key));
        if (!group) throw programmeNotFound();
        const existing = await repo.overviewOfGroup(group.id);
        if (existing) throw overviewExists(existing.id);
        const settings = await trustSettingsOf(tx, scope.trustId);
        const name = documentName(
          { institution: institution.shortName, programme: programme.name, cohort: body.cohort },
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
        const rec = (await repo.findOverview(scope, created.id)) as OverviewRecord;
        return (await overviewDtos(tx, [rec], settings, clock.now()))[0] as Overview;
      });
    },

    ...createSheetsUsecases(deps),

    async changes(actor: Actor, overviewId: string): Promise<{ changes: Change[] }> {
      const { overview } = await withOverview(db, actor, overviewId);
      const rows = await createRowsRepository({ db }).changesOfOverview(overview.id);
      return { changes: rows.map(changeDto) };
    },

    async search(actor: Actor, q: string): Promise<z.infer<typeof searchResultSchema>> {
      const scope = scopeOf(actor);
      const found = await createRowsRepository({ db }).search(scope, q, searchLimit + 1);
      return { results: found.slice(0, searchLimit), more: found.length > searchLimit };
    },
  };
}
export type OverviewsUsecases = ReturnType<typeof createOverviewsUsecases>;
