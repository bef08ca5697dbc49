import type { Dashboard, DashboardItemKey } from "../../../contracts/dashboard.ts";
import { type Actor, may, requirePolicy } from "../../shared/actor.ts";
import type { CatalogUsecases } from "../catalog/catalog.public.ts";
import type { InstitutionsUsecases } from "../institutions/institutions.public.ts";
import type { LearningPortalUsecases } from "../learning-portal/learning-portal.public.ts";
import type { ExtensionsUsecases, ReadinessUsecases } from "../orders/orders.public.ts";
import type { OverviewsUsecases } from "../overviews/overviews.public.ts";
import type { RegistrationCounts } from "../registrations/registrations.public.ts";
import type { UsersUsecases } from "../users/users.public.ts";

/**
 * The start page's numbers: what exists for the caller's roles, each with the page that lists what
 * it counts (filtered where the count is part of a list). Each number is a count query of the module
 * that owns the list, scoped as the list is: the page costs the same however much the trust holds.
 */
/** How many days before the start a student not ready is counted (the readiness list's `notReadyDays`). */
const notReadyDays = 14;

export function createDashboardUsecases(deps: {
  users: UsersUsecases;
  institutions: InstitutionsUsecases;
  catalog: CatalogUsecases;
  overviews: OverviewsUsecases;
  registrations: RegistrationCounts;
  readiness: ReadinessUsecases;
  /** The deactivation list's count (the orders module's, scoped as the list is). */
  deactivations: { count(actor: Actor): Promise<number> };
  learningPortal: LearningPortalUsecases;
  /** The IT provider's extension list (its count on the start page). */
  extensions?: Pick<ExtensionsUsecases, "waiting">;
}) {
  return {
    async get(actor: Actor): Promise<Dashboard> {
      requirePolicy(actor, "dashboard.read");
      const items: Dashboard["items"] = [];
      // Asked for by up to three roles' items; one statement however many ask.
      let readiness: ReturnType<ReadinessUsecases["startCounts"]> | undefined;
      const readinessCounts = () => {
        readiness ??= deps.readiness.startCounts(actor, notReadyDays);
        return readiness;
      };
      const add = (key: DashboardItemKey, count: number, link: string) => {
        if (!items.some((i) => i.key === key)) items.push({ key, count, link });
      };
      if (may(actor, "overviews.read")) {
        const counts = await deps.overviews.counts(actor);
        add("overviews", counts.overviews, "/oversikter");
        add("sheetsDue", counts.sheetsDue, "/oversikter?vis=frist");
        add("problemRows", counts.problemRows, "/oversikter?vis=feil");
      }
      if (may(actor, "users.manage")) add("users", await deps.users.count(actor), "/admin/brukere");
      const catalog =
        may(actor, "catalog.manage") || may(actor, "start.programmes") ? await deps.catalog.counts(actor) : null;
      const agreements =
        may(actor, "agreements.manage") || may(actor, "agreements.contact")
          ? await deps.institutions.countAgreements(actor)
          : null;
      if (may(actor, "agreements.manage") && agreements) {
        add("agreements", agreements.all, "/admin/institusjoner?sort=agreement");
      }
      if (may(actor, "catalog.manage") && catalog) {
        add("professions", catalog.professions, "/admin/studieprogram?fane=yrker");
        add("programmes", catalog.programmes, "/admin/studieprogram");
        add("placementSites", catalog.placementSites, "/admin/praksissteder");
      }
      if (may(actor, "agreements.contact") && agreements) {
        add("contactFor", agreements.mine, "/institusjoner?kontakt=meg");
        add("agreements", agreements.all, "/institusjoner");
      }
      if (may(actor, "start.institutions")) {
        add("institutions", await deps.institutions.countVisible(actor), "/institusjoner");
      }
      if (may(actor, "start.programmes") && catalog) add("programmes", catalog.programmes, "/studieprogram");
      if (may(actor, "registrations.match")) {
        add(
          "registrationsUnmatched",
          await deps.registrations.unmatched(actor),
          "/registrering/kampanjer?tilstand=confirmed",
        );
        add(
          "registrationsUnconfirmed",
          await deps.registrations.unconfirmed(actor),
          "/registrering/kampanjer?tilstand=unconfirmed",
        );
      }
      if (may(actor, "hrTransfer.manage")) {
        add("readyForHrTransfer", await deps.registrations.readyForHrTransfer(actor), "/registrering/overfoering");
      }
      if (may(actor, "start.registrationsMissing")) {
        const missing = await deps.registrations.studentsNotRegistered(actor);
        const [only] = missing.campaignIds;
        const link =
          missing.campaignIds.length === 1 ? `/registrering/kampanjer/${only}?vis=mangler` : "/registrering/kampanjer";
        add("studentsNotRegistered", missing.count, link);
      }
      if (may(actor, "start.orders")) {
        const counts = await readinessCounts();
        add("ordersDraft", counts.draftOrders, "/bestillinger?status=draft");
        add("accessRejected", counts.rejected, "/klar?bestilt=rejected");
        add("studentsNotReady", counts.notReady, `/klar?ikkeKlar=${notReadyDays}`);
      }
      if (may(actor, "start.accessChanges")) {
        const counts = await readinessCounts();
        add("accessChanged", counts.accessChanged, "/klar?bestilt=changed");
      }
      if (may(actor, "start.accessChanges") && may(actor, "learningPortal.read")) {
        // Students waiting for a Læringsportalen user: the list's `state=needed` total.
        add("learningPortalWaiting", await deps.learningPortal.waitingCount(actor), "/laeringsportalen?status=needed");
      }
      if (may(actor, "start.readiness")) {
        const counts = await readinessCounts();
        add("studentsNotReady", counts.notReady, `/klar?ikkeKlar=${notReadyDays}`);
      }
      if (may(actor, "orderLines.decide")) {
        // ADR 0007: one number per trust the IT provider serves, when it serves several.
        const trusts = await deps.readiness.openLinesByTrust(actor);
        if (trusts.length <= 1) add("openLines", trusts[0]?.open ?? 0, "/ko");
        else {
          for (const t of trusts) {
            items.push({ key: "openLines", count: t.open, link: `/ko?foretak=${t.trustId}`, trust: t.trustName });
          }
        }
      }
      if (may(actor, "start.deactivations")) {
        add("linesToDeactivate", await deps.deactivations.count(actor), "/deaktivering");
      }
      if (may(actor, "start.deactivations") && deps.extensions) {
        add("extensionsWaiting", await deps.extensions.waiting(actor), "/forlengelser");
      }
      return { items };
    },
  };
}
export type DashboardUsecases = ReturnType<typeof createDashboardUsecases>;
