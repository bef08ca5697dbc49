import type { DashboardItemKey } from "../../../../contracts/dashboard.ts";
import type { PolicyName } from "../../../../contracts/policies.ts";

/**
 * What a card says when its count is zero: for those holding `addedBy`, a link to where the first
 * one is added (`dashboard.empty.<key>`); for others, who adds it (`dashboard.emptyReadOnly.<key>`).
 * `null`: zero needs no words (nothing is late, no row has errors). `everyone`: whoever sees the
 * count may add the first one.
 */
export type ZeroHint = { addLink: string; everyone?: true; addedBy?: PolicyName } | null;

export const zeroHints: Record<DashboardItemKey, ZeroHint> = {
  overviews: { addLink: "/oversikter", everyone: true },
  sheetsDue: null,
  problemRows: null,
  users: { addLink: "/admin/brukere", addedBy: "users.manage" },
  agreements: { addLink: "/admin/institusjoner", addedBy: "agreements.manage" },
  professions: { addLink: "/admin/studieprogram?fane=yrker", addedBy: "catalog.manage" },
  programmes: { addLink: "/admin/studieprogram", addedBy: "catalog.manage" },
  placementSites: { addLink: "/admin/praksissteder", addedBy: "catalog.manage" },
  contactFor: { addLink: "/admin/institusjoner", addedBy: "agreements.manage" },
  institutions: { addLink: "/admin/institusjoner", addedBy: "agreements.manage" },
  registrationsUnmatched: null,
  registrationsUnconfirmed: null,
  readyForHrTransfer: null,
  studentsNotRegistered: null,
  ordersDraft: null,
  accessRejected: null,
  accessChanged: null,
  studentsNotReady: null,
  openLines: null,
  linesToDeactivate: null,
  learningPortalWaiting: null,
};
