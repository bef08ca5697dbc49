import { rolesOf } from "../contracts/policies.ts";
import { countProgrammes, type ProfessionLinks } from "./modules/catalog/catalog.public.ts";
import { professionHasProfile } from "./modules/clinical-systems/clinical-systems.public.ts";
import type { AgreementLinks } from "./modules/institutions/institutions.public.ts";
import { allHoldOneOf, countCoordinators, findPeople } from "./modules/users/users.public.ts";

/**
 * The ports through which a lower module asks modules above it, wired here (part of the composition
 * root, with `app.ts` and the command line) so that no module imports one above it.
 */

/** What an agreement asks of the users and catalog modules: its contacts, and whether it is in use. */
export const agreementLinks: AgreementLinks = {
  people: findPeople,
  allMayBeContacts: (tx, trustId, ids) => allHoldOneOf(tx, trustId, rolesOf("agreements.contact"), ids),
  inUse: async (tx, trustId, institutionId) =>
    (await countCoordinators(tx, trustId, institutionId)) + (await countProgrammes(tx, trustId, institutionId)) > 0,
};

/** What the catalog asks of the clinical-systems module: whether a profession has an access profile. */
export const professionLinks: ProfessionLinks = { inUse: professionHasProfile };
