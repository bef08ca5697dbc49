import type { OrderFixtures } from "./generate-orders.ts";
import type { CampaignFixtures } from "./generate-registrations.ts";

/**
 * What the generator made that the benchmark measures (generate.ts): fixed-size fixtures at Helse
 * Bergen, the same whatever the scale.
 */
export interface Fixtures {
  trustId: string;
  /** User ids the floors' queries need (by e-mail in `users`). */
  ids: { fou: string; admin: string };
  /** The institution whose coordinator sees the small list. */
  listInstitutionId: string;
  users: {
    admin: string;
    fou: string;
    coordinator: string;
    signIn: string;
    exporter: string;
    importers: string[];
  };
  sheets: { small: string; medium: string; large: string };
  /** The document with the small and medium sheets; the one with the large sheet is exported. */
  overview: string;
  exportOverview: string;
  /** Empty documents an import may fill, one per import. */
  importTargets: string[];
  searchSurname: string;
  /** The campaigns whose registration lists are measured, and the open one students register with. */
  campaigns: CampaignFixtures;
  /** The orders of access measured (issue 13): sheets to order, the IT provider, the readiness period. */
  orders: OrderFixtures;
}

export interface Generated {
  fixtures: Fixtures;
  counts: Record<string, number>;
  seconds: number;
}
