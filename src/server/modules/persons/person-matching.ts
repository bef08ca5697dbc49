import { randomUUID } from "node:crypto";
import { birthDateFromNationalId } from "../../../domain/national-id.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { mapInSlices, slices } from "../../shared/slices.ts";
import { type NameKey, nameKeyOf } from "../../shared/sql-sets.ts";
import { type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import { type NewPerson, nationalIdPlace, type PersonRecords } from "./person-records.ts";
import type { PersonLinks } from "./persons.links.ts";
import { createPersonsRepository } from "./persons.repository.ts";

/** The identity an overview row gives (values already valid: `nationalId` 11 digits, `email` lower-cased). */
export interface MatchCandidate {
  nationalId: string | null;
  email: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
}

interface Known {
  id: string;
  /** Oldest first: persons of the database by creation, then those created in this batch. */
  age: [number, string];
  email: string | null;
  nationalIdHash: string | null;
}

const byAge = (a: Known, b: Known) => a.age[0] - b.age[0] || a.age[1].localeCompare(b.age[1]);

const addTo = (index: Map<string, Set<string>>, key: string | null, id: string) => {
  if (!key) return;
  const set = index.get(key) ?? new Set<string>();
  set.add(id);
  index.set(key, set);
};

/**
 * Person matching for many rows of one institution at once (SPEC §4, §7; docs/architecture.md
 * "Persons"): one query per key kind for the whole set, then the rules row by row in memory, each
 * row seeing the persons the rows before it matched or created, as if they were saved one by one.
 */
export function createPersonMatching(deps: { crypto: DataCrypto; links: PersonLinks; records: PersonRecords }) {
  const { crypto, links, records } = deps;

  return async function matchOrCreateMany(
    tx: DbOrTx,
    actor: Actor,
    trustId: string,
    institutionId: string,
    candidates: MatchCandidate[],
  ): Promise<(string | null)[]> {
    const repo = createPersonsRepository({ db: tx });
    const keyed = await mapInSlices(candidates, (c) => {
      const hash = c.nationalId ? crypto.hash(c.nationalId) : null;
      const birthDate = c.birthDate ?? (c.nationalId ? birthDateFromNationalId(c.nationalId) : null);
      const name: NameKey | null =
        birthDate && c.lastName && c.firstName ? { lastName: c.lastName, firstName: c.firstName, birthDate } : null;
      return { c, hash, birthDate, name };
    });

    // (1) The national ID, at any institution of the trust.
    const byHash = new Map<string, string>();
    for (const p of await repo.findByNationalIdHashes(
      trustId,
      keyed.flatMap((k) => (k.hash ? [k.hash] : [])),
    )) {
      if (p.nationalIdHash) byHash.set(p.nationalIdHash, p.id);
    }

    // (2) E-mail, or names and birth date, only as the institution itself knows them.
    const weak = keyed.filter((k) => !(k.hash && byHash.has(k.hash)));
    const emails = [...new Set(weak.flatMap((k) => (k.c.email ? [k.c.email] : [])))];
    const names = [...new Map(weak.flatMap((k) => (k.name ? [[nameKeyOf(k.name), k.name] as const] : []))).values()];
    const viaRows =
      emails.length + names.length > 0
        ? await links.knownAtInstitution(tx, { trustId, institutionId, emails, names })
        : [];
    const own = [
      ...(emails.length ? await repo.findByEmails(trustId, emails) : []),
      ...(names.length ? await repo.findByNameKeys(trustId, names) : []),
    ];
    const ids = [...new Set([...viaRows.map((k) => k.personId), ...own.map((p) => p.id)])];
    const people = new Map((await repo.findMany(trustId, ids)).map((p) => [p.id, p]));
    const elsewhere = new Set<string>();
    const liveHere = new Set<string>();
    for (const place of await links.institutionsOf(tx, { trustId, personIds: ids })) {
      if (!place.personId) continue;
      if (place.institutionId !== institutionId) elsewhere.add(place.personId);
      else if (place.liveRows > 0) liveHere.add(place.personId);
    }
    const known = new Map<string, Known>();
    for (const p of people.values()) {
      if (p.anonymisedAt) continue;
      known.set(p.id, {
        id: p.id,
        age: [p.createdAt.getTime(), p.id],
        email: p.email,
        nationalIdHash: p.nationalIdHash,
      });
    }
    const byEmail = new Map<string, Set<string>>();
    const byName = new Map<string, Set<string>>();
    for (const k of viaRows) {
      if (!known.has(k.personId)) continue;
      const [kind, key] = [k.key.slice(0, k.key.indexOf(":")), k.key.slice(k.key.indexOf(":") + 1)];
      addTo(kind === "email" ? byEmail : byName, key, k.personId);
    }
    // A person by their own values only while every row of theirs is at this institution.
    for (const p of own) {
      if (!known.has(p.id) || !liveHere.has(p.id) || elsewhere.has(p.id)) continue;
      addTo(byEmail, p.email, p.id);
      if (p.birthDate)
        addTo(byName, nameKeyOf({ lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate }), p.id);
    }

    const created: NewPerson[] = [];
    const numbered: { id: string; digits: string; hash: string }[] = [];
    const result: (string | null)[] = [];
    const turn = slices();
    for (const [i, { c, hash, birthDate, name }] of keyed.entries()) {
      await turn();
      /** The row is saved with this person: from now on the institution's rows know them by its values. */
      const remember = (id: string) => {
        addTo(byEmail, c.email, id);
        if (c.birthDate && c.lastName && c.firstName)
          addTo(byName, nameKeyOf({ lastName: c.lastName, firstName: c.firstName, birthDate: c.birthDate }), id);
        result.push(id);
      };
      const sameNumber = hash ? byHash.get(hash) : undefined;
      if (sameNumber) {
        remember(sameNumber);
        continue;
      }
      const matches = [
        ...new Set([
          ...(c.email ? (byEmail.get(c.email) ?? []) : []),
          ...(name ? (byName.get(nameKeyOf(name)) ?? []) : []),
        ]),
      ]
        .map((id) => known.get(id) as Known)
        .sort(byAge);
      const emailFirst = [...matches].sort((a, b) => Number(b.email === c.email) - Number(a.email === c.email));
      if (!hash || !c.nationalId) {
        const match = emailFirst[0];
        if (match) {
          remember(match.id);
          continue;
        }
      } else {
        const match = emailFirst.find((p) => p.nationalIdHash === null && !elsewhere.has(p.id));
        if (match) {
          match.nationalIdHash = hash;
          byHash.set(hash, match.id);
          numbered.push({ id: match.id, digits: c.nationalId, hash });
          remember(match.id);
          continue;
        }
      }
      if (!c.lastName || !c.firstName || (!hash && !c.email && !birthDate)) {
        result.push(null);
        continue;
      }
      const id = randomUUID();
      created.push({
        id,
        trustId,
        // The mobile stays with the row: the person's own number comes from their registration.
        data: { firstName: c.firstName, lastName: c.lastName, email: c.email, birthDate },
        nationalId: c.nationalId && hash ? { digits: c.nationalId, hash } : null,
      });
      known.set(id, {
        id,
        age: [Number.MAX_SAFE_INTEGER, String(i).padStart(9, "0")],
        email: c.email,
        nationalIdHash: hash,
      });
      if (hash) byHash.set(hash, id);
      addTo(byEmail, c.email, id);
      if (name) addTo(byName, nameKeyOf(name), id);
      remember(id);
    }

    for (const n of numbered) {
      await repo.update(trustId, n.id, {
        nationalIdEnc: crypto.encrypt(n.digits, nationalIdPlace(n.id)),
        nationalIdHash: n.hash,
      });
    }
    await writeAudits(
      tx,
      auditContext(actor),
      numbered.map(
        (n): AuditEntry => ({
          entity: "person",
          entityId: n.id,
          action: "update",
          fields: ["national_id"],
          institutionId,
        }),
      ),
    );
    await records.insertMany(tx, actor, created);
    return result;
  };
}
