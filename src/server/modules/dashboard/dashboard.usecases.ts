import type { Dashboard, DashboardItemKey } from "../../../contracts/dashboard.ts";
import { type Actor, hasRole, requireRole } from "../../shared/actor.ts";
import type { CatalogUsecases } from "../catalog/catalog.usecases.ts";
import type { InstitutionsUsecases } from "../institutions/institutions.usecases.ts";
import type { OverviewsUsecases } from "../overviews/overviews.usecases.ts";
import type { UsersUsecases } from "../users/users.usecases.ts";

/**
 * The start page's numbers: what exists for the caller's roles, each with the page that lists what
 * it counts (filtered where the count is part of a list).
 */
export function createDashboardUsecases(deps: {
  users: UsersUsecases;
  institutions: InstitutionsUsecases;
  catalog: CatalogUsecases;
  overviews: OverviewsUsecases;
}) {
  return {
    async get(actor: Actor): Promise<Dashboard> {
      requireRole(actor, "admin", "student_admin", "coordinator", "it_provider", "ehealth");
      const items: Dashboard["items"] = [];
      const add = (key: DashboardItemKey, count: number, link: string) => {
        if (!items.some((i) => i.key === key)) items.push({ key, count, link });
      };
      if (hasRole(actor, "coordinator", "student_admin", "admin")) {
        const overviews = await deps.overviews.list(actor, {});
        const sheets = overviews.flatMap((o) => o.sheets);
        add("overviews", overviews.length, "/oversikter");
        add(
          "sheetsDue",
          sheets.filter((s) => s.deadlineState === "due_soon" || s.deadlineState === "late").length,
          "/oversikter?vis=frist",
        );
        add(
          "problemRows",
          sheets.reduce((sum, s) => sum + s.problemRowCount, 0),
          "/oversikter?vis=feil",
        );
      }
      if (hasRole(actor, "admin")) {
        add("users", (await deps.users.list(actor)).length, "/admin/brukere");
        add(
          "agreements",
          (await deps.institutions.listAgreements(actor)).length,
          "/admin/institusjoner?sort=agreement",
        );
        add("professions", (await deps.catalog.listProfessions(actor)).length, "/admin/studieprogram?fane=yrker");
        add("programmes", (await deps.catalog.listProgrammes(actor)).length, "/admin/studieprogram");
        add("placementSites", (await deps.catalog.listPlacementSites(actor)).length, "/admin/praksissteder");
      }
      if (hasRole(actor, "student_admin")) {
        const agreements = await deps.institutions.listAgreements(actor);
        const mine = agreements.filter(
          (a) => a.mainContact?.id === actor.userId || a.deputyContact?.id === actor.userId,
        );
        add("contactFor", mine.length, "/institusjoner?kontakt=meg");
        add("agreements", agreements.length, "/institusjoner");
      }
      if (hasRole(actor, "coordinator", "it_provider", "ehealth")) {
        add("institutions", (await deps.institutions.listVisible(actor)).length, "/institusjoner");
      }
      if (hasRole(actor, "coordinator")) {
        add("programmes", (await deps.catalog.listProgrammes(actor)).length, "/studieprogram");
      }
      return { items };
    },
  };
}
export type DashboardUsecases = ReturnType<typeof createDashboardUsecases>;
