import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { Outbox } from "../outbox/outbox.public.ts";
import { createPersonLinks } from "../overviews/overviews.public.ts";
import type { PersonsUsecases } from "../persons/persons.public.ts";
import { createCampaignsUsecases } from "./campaigns.usecases.ts";
import { createPersonalPageUsecases } from "./personal-page.usecases.ts";
import { createPublicRegistrationUsecases, type PublicDeps } from "./public.usecases.ts";
import { createRegistrationMatching } from "./registration-matching.ts";

/**
 * What other modules and the composition root may use of the registrations module: its use-cases
 * (campaigns, the public side, matching), built from one set of dependencies, and their types.
 */
export type { CampaignsUsecases } from "./campaigns.usecases.ts";
export type { PersonalPageUsecases } from "./personal-page.usecases.ts";
export type { PublicRegistrationUsecases } from "./public.usecases.ts";
export { createRegistrationCounts, type RegistrationCounts } from "./registration-counts.repository.ts";
export type { RegistrationMatching } from "./registration-matching.ts";
export { deleteExpiredIdporten, deleteUnmatchedRegistrations } from "./registration-retention.repository.ts";
export { registrationJobs } from "./registrations.jobs.ts";

export interface RegistrationsDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  outbox: Outbox;
  persons: PersonsUsecases;
  idportenStartUrl?: PublicDeps["idportenStartUrl"];
}

export function createRegistrationsUsecases(deps: RegistrationsDeps) {
  const matching = createRegistrationMatching({ ...deps, links: createPersonLinks() });
  const publicSide = createPublicRegistrationUsecases({ ...deps, matching });
  return {
    campaigns: createCampaignsUsecases({ ...deps, appUrl: deps.outbox.appUrl }),
    public: publicSide,
    personalPage: createPersonalPageUsecases({ ...deps, resolve: publicSide.resolve }),
    matching,
  };
}
export type RegistrationsUsecases = ReturnType<typeof createRegistrationsUsecases>;
