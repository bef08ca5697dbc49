import type { MatchedBy } from "../../../contracts/registrations.ts";
import { birthDateFromNationalId } from "../../../domain/national-id.ts";
import { needsConfirmation } from "../../../domain/registration/states.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { nameKeyOf } from "../../shared/sql-sets.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { markRegistered, type PersonLinks, type PersonsUsecases } from "../persons/persons.public.ts";
import {
  createRegistrationsRepository,
  personKeysOf,
  type RegistrationRow,
  registrationNationalIdPlace,
} from "./registrations.repository.ts";

export interface MatchingDeps {
  crypto: DataCrypto;
  clock: Clock;
  persons: PersonsUsecases;
  /** Where persons appear: the overviews' rows (`createPersonLinks` of overviews.public.ts). */
  links: PersonLinks;
}

/**
 * Automatic matching of a registration to a person (SPEC §3.1 step 4, the security rule of the
 * persons module): the national ID across the trust; else the e-mail, else the name and birth date,
 * but only persons with rows at the campaign's institution, and never a person holding another
 * national ID. A registration with a national ID and no person yet creates the person (so later
 * rows with that number attach to them). Several persons for a weak key match none: FOU decides.
 */
export function createRegistrationMatching({ crypto, clock, persons, links }: MatchingDeps) {
  async function findPerson(
    tx: DbOrTx,
    r: RegistrationRow,
    nationalId: string | null,
  ): Promise<{ personId: string; by: MatchedBy } | null> {
    if (nationalId) {
      const person = await persons.findByNationalId(r.trustId, nationalId, { tx });
      if (person) return { personId: person.id, by: "national_id" };
    }
    const birthDate = r.birthDate ?? (nationalId ? birthDateFromNationalId(nationalId) : null);
    const name = birthDate ? { lastName: r.lastName, firstName: r.firstName, birthDate } : null;
    const known = await links.knownAtInstitution(tx, {
      trustId: r.trustId,
      institutionId: r.institutionId,
      emails: [r.email],
      names: name ? [name] : [],
    });
    const keys = new Map(
      (await personKeysOf(tx, r.trustId, [...new Set(known.map((k) => k.personId))])).map((p) => [p.id, p]),
    );
    const usable = (id: string) => {
      const p = keys.get(id);
      return p !== undefined && p.anonymisedAt === null && (nationalId === null || p.nationalIdHash === null);
    };
    const only = (key: string) => {
      const ids = [...new Set(known.filter((k) => k.key === key).map((k) => k.personId))].filter(usable);
      return ids.length === 1 ? (ids[0] as string) : null;
    };
    const byEmail = only(`email:${r.email}`);
    if (byEmail) return { personId: byEmail, by: "email" };
    const byName = name ? only(`name:${nameKeyOf(name)}`) : null;
    if (byName) return { personId: byName, by: "name_birth_date" };
    return null;
  }

  /** Whether a matched registration waits for a confirmation (domain rule `needsConfirmation`). */
  async function waits(tx: DbOrTx, r: RegistrationRow): Promise<boolean> {
    if (!r.personId) return false;
    const rows = await createRegistrationsRepository({ db: tx }).rowsOfPerson(r.personId);
    return needsConfirmation({ ...r, personHasRows: rows.hasRows, rowEmails: rows.emails });
  }

  /**
   * Gives a registration without a person one, by the rule above; then, when its e-mail is
   * confirmed and nothing waits, marks the person registered. Audited.
   */
  async function match(tx: DbOrTx, actor: Actor, registration: RegistrationRow): Promise<RegistrationRow> {
    let r = registration;
    if (!r.personId) {
      const nationalId = r.nationalIdEnc ? crypto.decrypt(r.nationalIdEnc, registrationNationalIdPlace(r.id)) : null;
      let found = await findPerson(tx, r, nationalId);
      if (!found && nationalId) {
        const { person } = await persons.create(
          actor,
          {
            nationalId,
            firstName: r.firstName,
            lastName: r.lastName,
            email: r.email,
            mobile: r.mobile,
            birthDate: r.birthDate,
          },
          { tx },
        );
        found = { personId: person.id, by: "national_id" };
      }
      if (found) {
        r = await createRegistrationsRepository({ db: tx }).update(r.id, {
          personId: found.personId,
          matchedBy: found.by,
          matchedAt: clock.now(),
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "registration",
          entityId: r.id,
          action: "match",
          fields: ["person_id", "matched_by"],
          institutionId: r.institutionId,
        });
      }
    }
    await settle(tx, actor, r);
    return r;
  }

  /** A confirmed registration whose person needs nothing more makes the person registered. */
  async function settle(tx: DbOrTx, actor: Actor, r: RegistrationRow): Promise<void> {
    if (!r.emailConfirmedAt || !r.personId || (await waits(tx, r))) return;
    await markRegistered(tx, { trustId: r.trustId, personId: r.personId, at: clock.now(), language: r.language });
    await writeAudit(tx, auditContext(actor), {
      entity: "person",
      entityId: r.personId,
      action: "update",
      fields: ["registered_at", "language"],
      institutionId: r.institutionId,
    });
  }

  return { match, settle, waits };
}
export type RegistrationMatching = ReturnType<typeof createRegistrationMatching>;
