import { headersOf, ok } from "./client.ts";
import { type BenchContext, chosen, series } from "./context.ts";
import { type LoadResult, load } from "./load.ts";
import { firstPage, readinessOf, registrationsOf } from "./paths.ts";
import type { Listed } from "./statement-counts.ts";

/** A read measured against its floor (`key` names the floor's query); `small`: its path in the small region. */
interface Read {
  key: string;
  label: string;
  user: string;
  path: string;
  small?: string;
}

/** The reads, each against its floor at every number of connections. */
function readsOf(c: BenchContext, { nCoordinator, nFou, openLines, toDeactivate }: Listed): Read[] {
  const { o, f } = c;
  return [
    {
      key: "sheet",
      label: `open a sheet of ${o.sizes.sheet} rows`,
      user: f.users.coordinator,
      path: `/api/sheets/${f.sheets.medium}/rows`,
      small: `/api/sheets/${c.smallFixtures.sheets.medium}/rows`,
    },
    {
      key: "listCoordinator",
      label: `overview list, coordinator (${firstPage(nCoordinator)})`,
      user: f.users.coordinator,
      path: "/api/overviews",
    },
    { key: "listFou", label: `overview list, FOU (${firstPage(nFou)})`, user: f.users.fou, path: "/api/overviews" },
    {
      key: "overview",
      label: "one overview document",
      user: f.users.coordinator,
      path: `/api/overviews/${f.overview}`,
    },
    {
      key: "dashboard",
      label: "FOU start page (dashboard)",
      user: f.users.fou,
      path: "/api/dashboard",
      small: "/api/dashboard",
    },
    {
      key: "search",
      label: `search a surname (${f.searchSurname})`,
      user: f.users.fou,
      path: `/api/search?q=${f.searchSurname}`,
      small: `/api/search?q=${f.searchSurname}`,
    },
    {
      key: "registrations",
      label: `campaign registrations list (${o.sizes.campaign.toLocaleString("en")}, first page)`,
      user: f.users.fou,
      path: registrationsOf(f.campaigns.large),
      small: registrationsOf(c.smallFixtures.campaigns.large),
    },
    {
      key: "itQueue",
      label: `orders — IT queue, first page (${openLines.toLocaleString("en")} open lines, ${f.orders.trustIds.length} trusts)`,
      user: f.orders.itProvider,
      path: "/api/order-lines",
      small: "/api/order-lines",
    },
    {
      key: "readiness",
      label: "orders — readiness list of a period (FOU, first page)",
      user: f.users.fou,
      path: readinessOf(f),
      small: readinessOf(c.smallFixtures),
    },
    {
      key: "deactivations",
      label: `access — deactivation list, first page (${toDeactivate.toLocaleString("en")} lines, ${f.orders.trustIds.length} trusts)`,
      user: f.orders.itProvider,
      path: "/api/deactivations",
    },
    { key: "auditNewest", label: "audit log, newest 100", user: f.users.admin, path: "/api/audit?limit=100" },
    {
      key: "auditFiltered",
      label: "audit log, filtered by entity",
      user: f.users.admin,
      path: "/api/audit?entity=agreement&limit=100",
    },
    { key: "notifications", label: "notifications", user: f.users.fou, path: "/api/notifications" },
    { key: "users", label: "user list (admin)", user: f.users.admin, path: "/api/users" },
  ];
}

/**
 * Each read chosen (`--only`) against its floor at 1, 8 and 32 connections; those with a path in
 * the small region measured there at 8 too (cost as the region grows).
 */
export async function measureReads(c: BenchContext, listed: Listed): Promise<void> {
  const { o, app, smallApp, floor } = c;
  for (const r of readsOf(c, listed).filter((x) => chosen(o, x.label))) {
    const session = await c.as(r.user);
    const probe = await ok(session, r.path);
    const appTarget = { url: app.url, path: r.path, headers: headersOf(session) };
    await series(c, r.label, "read", appTarget, { url: floor.url, path: `/floor/query/${r.key}` }, probe.queries);
    if (r.small) {
      const smallSession = await c.as(r.user, smallApp);
      const large = c.measurements.find((m) => m.label === r.label && m.app.connections === 8)?.app as LoadResult;
      const smallResult = await load(
        { url: smallApp.url, path: r.small, headers: headersOf(smallSession, smallApp.url) },
        o.window(8),
      );
      c.cost.push({ label: r.label, small: smallResult, large });
    }
  }
}
