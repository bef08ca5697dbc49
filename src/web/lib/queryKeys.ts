/** Query keys shared between features, so that a change in one invalidates the lists of another. */
export const queryKeys = {
  me: ["me"] as const,
  dashboard: ["dashboard"] as const,
  institutions: ["institutions"] as const,
  adminInstitutions: ["institutions-all"] as const,
  agreements: ["agreements"] as const,
  users: ["users"] as const,
  professions: ["professions"] as const,
  programmes: ["programmes"] as const,
  placementSites: ["placement-sites"] as const,
  trustSettings: ["trust", "settings"] as const,
  accessibilityContacts: ["accessibility-contacts"] as const,
  trusts: ["trusts"] as const,
  /** The overview documents; their lists are under `[...overviews, "list", institution]`. */
  overviews: ["overviews"] as const,
};
