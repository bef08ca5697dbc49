import type { MatchedBy } from "../../../contracts/registrations.ts";
import { birthDateFromNationalId } from "../../../domain/national-id.ts";
import { needsConfirmation } from "../../../domain/registration/states.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { nameKeyOf } from "../../shared/sql-sets.ts";
import { type AuditEntry, writeAudit, writeAudits } from "../audit/audit.public.ts";
import type { PersonLinks, PersonsUsecases } from "../persons/persons.public.ts";
import { syncRegistered } from "./person-registered.ts";
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
  /**
   * The persons the institution's own rows name by each registration's e-mail, else name and birth
   * date (`birthDate`, from the national ID where the form had none), in one set: a person who is
   * anonymised, or holds a national ID when the registration has one of its own, is not usable.
   */
  async function byWeakKeys(
    tx: DbOrTx,
    q: { trustId: string; institutionId: string },
    regs: { r: RegistrationRow; birthDate: string | null; hasNationalId: boolean }[],
  ): Promise<Map<string, { personId: string; by: MatchedBy }>> {
    const out = new Map<string, { personId: string; by: MatchedBy }>();
    if (regs.length === 0) return out;
    const nameOf = (x: (typeof regs)[number]) =>
      x.birthDate ? { lastName: x.r.lastName, firstName: x.r.firstName, birthDate: x.birthDate } : null;
    const known = await links.knownAtInstitution(tx, {
      ...q,
      emails: [...new Set(regs.map((x) => x.r.email))],
      names: regs.flatMap((x) => nameOf(x) ?? []),
    });
    const keys = new Map(
      (await personKeysOf(tx, q.trustId, [...new Set(known.map((k) => k.personId))])).map((p) => [p.id, p]),
    );
    for (const x of regs) {
      const usable = (id: string) => {
        const p = keys.get(id);
        return p !== undefined && p.anonymisedAt === null && (!x.hasNationalId || p.nationalIdHash === null);
      };
      const only = (key: string) => {
        const ids = [...new Set(known.filter((k) => k.key === key).map((k) => k.personId))].filter(usable);
        return ids.length === 1 ? (ids[0] as string) : null;
      };
      const name = nameOf(x);
      const byEmail = only(`email:${x.r.email}`);
      const byName = name ? only(`name:${nameKeyOf(name)}`) : null;
      if (byEmail) out.set(x.r.id, { personId: byEmail, by: "email" });
      else if (byName) out.set(x.r.id, { personId: byName, by: "name_birth_date" });
    }
    return out;
  }

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
    const found = await byWeakKeys(tx, r, [{ r, birthDate, hasNationalId: nationalId !== null }]);
    return found.get(r.id) ?? null;
  }

  /** Whether a matched registration waits for a confirmation (domain rule `needsConfirmation`; the Webcruiter import's report). */
  async function waits(tx: DbOrTx, r: RegistrationRow): Promise<boolean> {
    if (!r.personId) return false;
    const rows = await createRegistrationsRepository({ db: tx }).rowsOfPerson(r.personId);
    return needsConfirmation({ ...r, personHasRows: rows.hasRows, rowEmails: rows.emails });
  }

  /**
   * Gives a registration without a person one, by the rule above (not one FOU unmatched); then,
   * when its e-mail is confirmed and nothing waits, marks the person registered. Audited.
   */
  async function match(tx: DbOrTx, actor: Actor, registration: RegistrationRow): Promise<RegistrationRow> {
    let r = registration;
    if (!r.personId && !r.unmatchedAt) {
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
    if (!r.emailConfirmedAt || !r.personId) return;
    await syncRegistered(tx, auditContext(actor), {
      trustId: r.trustId,
      personIds: [r.personId],
      at: clock.now(),
      institutionId: r.institutionId,
    });
  }

  /**
   * Rows naming `personIds` were saved at the institution (the overviews' `PersonsPlaced`): its
   * confirmed registrations still without a person (and without a national ID: those got one when
   * confirmed) are matched to them by the rule above, never one FOU unmatched, and the persons'
   * Registrert marks follow their registrations — a later row's e-mail may show that one needs a
   * confirmation after all. Audited; the same few statements however many rows were saved.
   */
  async function rowsArrived(
    tx: DbOrTx,
    actor: Actor,
    q: { trustId: string; institutionId: string; personIds: string[] },
  ): Promise<void> {
    const repo = createRegistrationsRepository({ db: tx });
    const waiting = await repo.unmatchedNamedBy(q);
    const found = await byWeakKeys(
      tx,
      q,
      waiting.map((r) => ({ r, birthDate: r.birthDate, hasNationalId: false })),
    );
    const matches = [...found].map(([id, f]) => ({ id, ...f }));
    await repo.setMatches(matches, clock.now());
    await writeAudits(
      tx,
      auditContext(actor),
      matches.map(
        (m): AuditEntry => ({
          entity: "registration",
          entityId: m.id,
          action: "match",
          fields: ["person_id", "matched_by"],
          institutionId: q.institutionId,
        }),
      ),
    );
    await syncRegistered(tx, auditContext(actor), {
      trustId: q.trustId,
      personIds: [...q.personIds, ...matches.map((m) => m.personId)],
      at: clock.now(),
      institutionId: q.institutionId,
    });
  }

  return { match, settle, waits, rowsArrived };
}
export type RegistrationMatching = ReturnType<typeof createRegistrationMatching>;
