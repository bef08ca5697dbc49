import type { DashboardItemKey } from "../../../../contracts/dashboard.ts";

/**
 * What a card says when its count is zero: for an admin, a link to where the first one is added
 * (`dashboard.empty.<key>`); for others, who adds it (`dashboard.emptyReadOnly.<key>`). `null`:
 * zero needs no words (nothing is late, no row has errors). `everyone`: whoever sees the count
 * may add the first one.
 */
export type ZeroHint = { addLink: string; everyone?: true } | null;

export const zeroHints: Record<DashboardItemKey, ZeroHint> = {
  overviews: { addLink: "/oversikter", everyone: true },
  sheetsDue: null,
  problemRows: null,
  users: { addLink: "/admin/brukere" },
  agreements: { addLink: "/admin/institusjoner" },
  professions: { addLink: "/admin/studieprogram?fane=yrker" },
  programmes: { addLink: "/admin/studieprogram" },
  placementSites: { addLink: "/admin/praksissteder" },
  contactFor: { addLink: "/admin/institusjoner" },
  institutions: { addLink: "/admin/institusjoner" },
};
