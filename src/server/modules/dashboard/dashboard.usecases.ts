import type { Dashboard, DashboardItemKey } from "../../../contracts/dashboard.ts";
import { type Actor, may, requirePolicy } from "../../shared/actor.ts";
import type { CatalogUsecases } from "../catalog/catalog.public.ts";
import type { InstitutionsUsecases } from "../institutions/institutions.public.ts";
import type { OverviewsUsecases } from "../overviews/overviews.public.ts";
import type { UsersUsecases } from "../users/users.public.ts";

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
      requirePolicy(actor, "dashboard.read");
      const items: Dashboard["items"] = [];
      const add = (key: DashboardItemKey, count: number, link: string) => {
        if (!items.some((i) => i.key === key)) items.push({ key, count, link });
      };
      if (may(actor, "overviews.read")) {
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
      if (may(actor, "users.manage")) add("users", (await deps.users.list(actor)).length, "/admin/brukere");
      if (may(actor, "agreements.manage")) {
        add(
          "agreements",
          (await deps.institutions.listAgreements(actor)).length,
          "/admin/institusjoner?sort=agreement",
        );
      }
      if (may(actor, "catalog.manage")) {
        add("professions", (await deps.catalog.listProfessions(actor)).length, "/admin/studieprogram?fane=yrker");
        add("programmes", (await deps.catalog.listProgrammes(actor)).length, "/admin/studieprogram");
        add("placementSites", (await deps.catalog.listPlacementSites(actor)).length, "/admin/praksissteder");
      }
      if (may(actor, "agreements.contact")) {
        const agreements = await deps.institutions.listAgreements(actor);
        const mine = agreements.filter(
          (a) => a.mainContact?.id === actor.userId || a.deputyContact?.id === actor.userId,
        );
        add("contactFor", mine.length, "/institusjoner?kontakt=meg");
        add("agreements", agreements.length, "/institusjoner");
      }
      if (may(actor, "start.institutions")) {
        add("institutions", (await deps.institutions.listVisible(actor)).length, "/institusjoner");
      }
      if (may(actor, "start.programmes")) {
        add("programmes", (await deps.catalog.listProgrammes(actor)).length, "/studieprogram");
      }
      return { items };
    },
  };
}
export type DashboardUsecases = ReturnType<typeof createDashboardUsecases>;
