import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { DuplicateGroup, Person, PersonInput } from "../../../contracts/persons.ts";
import { type duplicatesQuery, personInputSchema } from "../../../contracts/persons.ts";
import { normalizeMobile } from "../../../domain/contact.ts";
import {
  birthDateFromNationalId,
  maskNationalId,
  type NationalIdWarning,
  validateNationalId,
} from "../../../domain/national-id.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { CipherPlace, DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { AppError, forbidden } from "../../shared/errors.ts";
import { changedFields, columnName, writeAudit } from "../audit/audit.public.ts";
import { createInstitutionsRepository } from "../institutions/institutions.repository.ts";
import {
  invalidMobile,
  invalidNationalId,
  mergeAnonymised,
  mergeConflictingNationalIds,
  mergeSamePerson,
  nationalIdExists,
  noNationalId,
  personNotFound,
} from "./persons.errors.ts";
import { createPersonsRepository, type PersonRow } from "./persons.repository.ts";

/** What the persons module needs to know of where a person appears (the overviews feature provides it). */
export interface PersonLinks {
  /** Whether the person has a row in one of the institution's documents. */
  atInstitution(tx: DbOrTx, q: { trustId: string; personId: string; institutionId: string }): Promise<boolean>;
  /** Whether one of the person's rows at the institution carries the national ID with this hash. */
  nationalIdAtInstitution(
    tx: DbOrTx,
    q: { trustId: string; personId: string; institutionId: string; hash: string },
  ): Promise<boolean>;
  /**
   * Persons the institution itself knows by this e-mail, or these names and birth date: through its
   * own rows, or by their own values when every row of theirs is at the institution. Oldest first.
   */
  knownAtInstitution(
    tx: DbOrTx,
    q: {
      trustId: string;
      institutionId: string;
      email: string | null;
      lastName: string;
      firstName: string;
      birthDate: string | null;
    },
  ): Promise<string[]>;
  /** The institutions with rows of these persons, and how many. */
  institutionsOf(
    tx: DbOrTx,
    q: { trustId: string; personIds: string[] },
  ): Promise<{ personId: string | null; institutionId: string; name: string; shortName: string; rows: number }[]>;
  /** Moves every row of one person to another; the number moved. */
  moveRows(tx: DbOrTx, q: { trustId: string; fromPersonId: string; toPersonId: string }): Promise<number>;
}

/** No feature links persons to institutions: nobody belongs anywhere, so coordinators reveal nothing. */
const noLinks: PersonLinks = {
  atInstitution: async () => false,
  nationalIdAtInstitution: async () => false,
  knownAtInstitution: async () => [],
  institutionsOf: async () => [],
  moveRows: async () => 0,
};

export interface PersonsDeps {
  db: Db;
  crypto: DataCrypto;
  links?: PersonLinks;
}

/** Where a person's national ID is stored: its ciphertext decrypts only there. */
export const nationalIdPlace = (id: string): CipherPlace => ({ table: "persons", column: "national_id_enc", id });

type DuplicatesQuery = z.output<typeof duplicatesQuery>;

/** Runs in the caller's transaction when one is given, otherwise in a new one. */
interface InTx {
  tx?: DbOrTx;
}

/** Column names of the fields a person's details set, for the audit trail (names, never values). */
const auditNames = {
  nationalId: "national_id",
  firstName: "first_name",
  lastName: "last_name",
  birthDate: "birth_date",
  email: "email",
  mobile: "mobile",
  username: "username",
} as const;

function parseInput(input: PersonInput) {
  const parsed = personInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation.failed", 400, "Some fields are not valid.", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return parsed.data;
}

/** A mobile number in E.164 by the domain rule; empty means none, an invalid one is refused. */
function toE164(mobile: string | null | undefined): string | null | undefined {
  if (mobile === undefined || mobile === null || mobile === "") return mobile === "" ? null : mobile;
  const phone = normalizeMobile(mobile);
  if (!phone.ok) throw invalidMobile();
  return phone.value;
}

export function createPersonsUsecases({ db, crypto, links = noLinks }: PersonsDeps) {
  const inTx = <T>(opts: InTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> =>
    opts.tx ? fn(opts.tx) : db.transaction((tx) => fn(tx));

  function toPerson(row: PersonRow): Person {
    return {
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      nationalIdMasked: row.nationalIdEnc
        ? maskNationalId(crypto.decrypt(row.nationalIdEnc, nationalIdPlace(row.id)))
        : null,
      email: row.email,
      emailConfirmed: row.emailConfirmedAt !== null,
      mobile: row.mobile,
      username: row.username,
      hrTransferredAt: row.hrTransferredAt?.toISOString() ?? null,
      learningPortalState: row.learningPortalState,
    };
  }

  /** The actor's trust; people are always created in the trust the caller works in. */
  function trustOf(actor: Actor): string {
    if (!actor.trustId) throw forbidden();
    return actor.trustId;
  }

  /** Validates with the trust's test mode; the 11 digits, their hash and ciphertext, and the warnings. */
  async function nationalIdOf(tx: DbOrTx, trustId: string, value: string | number) {
    const testMode = await createPersonsRepository({ db: tx }).trustTestMode(trustId);
    const result = validateNationalId(value, { testMode });
    if (!result.ok) throw invalidNationalId(result.code);
    return { digits: result.value, hash: crypto.hash(result.value), warnings: result.warnings };
  }

  async function insert(
    tx: DbOrTx,
    actor: Actor,
    trustId: string,
    data: ReturnType<typeof parseInput>,
    nationalId: { digits: string; hash: string } | null,
  ) {
    const id = randomUUID();
    const row = await createPersonsRepository({ db: tx }).create({
      id,
      trustId,
      nationalIdEnc: nationalId ? crypto.encrypt(nationalId.digits, nationalIdPlace(id)) : null,
      nationalIdHash: nationalId?.hash ?? null,
      firstName: data.firstName,
      lastName: data.lastName,
      birthDate: data.birthDate ?? (nationalId ? birthDateFromNationalId(nationalId.digits) : null),
      email: data.email ?? null,
      mobile: toE164(data.mobile) ?? null,
      username: data.username ?? null,
    });
    const fields = (Object.keys(auditNames) as (keyof typeof auditNames)[])
      .filter((k) => (k === "nationalId" ? nationalId !== null : row[k] !== null))
      .map((k) => auditNames[k]);
    await writeAudit(tx, auditContext(actor), { entity: "person", entityId: row.id, action: "create", fields });
    return row;
  }

  return {
    /**
     * A new person at the actor's trust; the national ID (optional) is stored only encrypted and
     * hashed. For other use-cases (overviews, uploads, registrations), which decide who may add
     * people: this checks only that the actor works at a trust.
     */
    async create(
      actor: Actor,
      input: PersonInput,
      opts: InTx = {},
    ): Promise<{ person: Person; warnings: NationalIdWarning[] }> {
      const trustId = trustOf(actor);
      const data = parseInput(input);
      return inTx(opts, async (tx) => {
        const nationalId =
          data.nationalId === undefined || data.nationalId === null || data.nationalId === ""
            ? null
            : await nationalIdOf(tx, trustId, data.nationalId);
        if (nationalId && (await createPersonsRepository({ db: tx }).findByNationalIdHash(trustId, nationalId.hash))) {
          throw nationalIdExists();
        }
        const row = await insert(tx, actor, trustId, data, nationalId);
        return { person: toPerson(row), warnings: nationalId?.warnings ?? [] };
      });
    },

    /**
     * The person with this national ID at the actor's trust, created when new, otherwise given the
     * details passed (fields left out stay as they are). Audited as create or update with the names
     * of the changed fields. Like `create`, for other use-cases, which authorize.
     */
    async upsertByNationalId(
      actor: Actor,
      input: PersonInput & { nationalId: string | number },
      opts: InTx = {},
    ): Promise<{ person: Person; created: boolean; warnings: NationalIdWarning[] }> {
      const trustId = trustOf(actor);
      const data = parseInput(input);
      return inTx(opts, async (tx) => {
        const nationalId = await nationalIdOf(tx, trustId, data.nationalId ?? "");
        const repo = createPersonsRepository({ db: tx });
        const existing = await repo.findByNationalIdHash(trustId, nationalId.hash);
        if (!existing) {
          const row = await insert(tx, actor, trustId, data, nationalId);
          return { person: toPerson(row), created: true, warnings: nationalId.warnings };
        }
        const patch = {
          firstName: data.firstName,
          lastName: data.lastName,
          email: data.email,
          mobile: toE164(data.mobile),
          username: data.username,
          birthDate: data.birthDate ?? (existing.birthDate ? undefined : birthDateFromNationalId(nationalId.digits)),
        };
        const changed = changedFields(existing, patch) as (keyof typeof patch)[];
        if (changed.length === 0) return { person: toPerson(existing), created: false, warnings: nationalId.warnings };
        const row = await repo.update(
          trustId,
          existing.id,
          Object.fromEntries(changed.map((k) => [k, patch[k]])) as Partial<typeof patch>,
        );
        await writeAudit(tx, auditContext(actor), {
          entity: "person",
          entityId: row.id,
          action: "update",
          fields: changed.map((k) => auditNames[k]),
        });
        return { person: toPerson(row), created: false, warnings: nationalId.warnings };
      });
    },

    /**
     * The person an overview row of `institutionId` refers to (SPEC §4, §7). Across institutions a
     * person is shared only through the national ID (its keyed hash), the one key the writer proves
     * they know. E-mail, or names and birth date, find only a person the institution itself knows
     * (`links.knownAtInstitution`), and only one without another national ID when the row has one;
     * that person is given the row's national ID only while every row of theirs is at this
     * institution, so no institution changes what another's rows gave the person. Otherwise a new
     * person is created (audited). Values must already be valid (`nationalId` 11 digits, `email`
     * lower-cased). Null when the row names nobody that can be recognised. For the overviews
     * feature, which authorizes.
     */
    async matchOrCreate(
      actor: Actor,
      c: {
        institutionId: string;
        nationalId: string | null;
        email: string | null;
        firstName: string;
        lastName: string;
        birthDate: string | null;
      },
      opts: InTx = {},
    ): Promise<{ id: string } | null> {
      const trustId = trustOf(actor);
      return inTx(opts, async (tx) => {
        const repo = createPersonsRepository({ db: tx });
        const hash = c.nationalId ? crypto.hash(c.nationalId) : null;
        if (hash) {
          const found = await repo.findByNationalIdHash(trustId, hash);
          if (found) return { id: found.id };
        }
        const birthDate = c.birthDate ?? (c.nationalId ? birthDateFromNationalId(c.nationalId) : null);
        const known = await repo.findMany(trustId, await links.knownAtInstitution(tx, { ...c, trustId, birthDate }));
        const byEmailFirst = [...known].sort((a, b) => Number(b.email === c.email) - Number(a.email === c.email));
        if (!hash || !c.nationalId) {
          const match = byEmailFirst[0];
          if (match) return { id: match.id };
        } else {
          const withoutNumber = byEmailFirst.filter((p) => p.nationalIdHash === null);
          const places = await links.institutionsOf(tx, { trustId, personIds: withoutNumber.map((p) => p.id) });
          const match = withoutNumber.find((p) =>
            places.every((place) => place.personId !== p.id || place.institutionId === c.institutionId),
          );
          if (match) {
            await repo.update(trustId, match.id, {
              nationalIdEnc: crypto.encrypt(c.nationalId, nationalIdPlace(match.id)),
              nationalIdHash: hash,
            });
            await writeAudit(tx, auditContext(actor), {
              entity: "person",
              entityId: match.id,
              action: "update",
              fields: ["national_id"],
              institutionId: c.institutionId,
            });
            return { id: match.id };
          }
        }
        if (!c.lastName || !c.firstName || (!hash && !c.email && !birthDate)) return null;
        const row = await insert(
          tx,
          actor,
          trustId,
          // The mobile stays with the row: the person's own number comes from their registration.
          { firstName: c.firstName, lastName: c.lastName, email: c.email, birthDate },
          c.nationalId && hash ? { digits: c.nationalId, hash } : null,
        );
        return { id: row.id };
      });
    },

    /**
     * The person at the trust with this national ID (any kind, typed in any accepted form), found
     * through the keyed hash; undefined when none or when the value is no national ID. The caller
     * authorizes and scopes `trustId`.
     */
    async findByNationalId(trustId: string, value: string | number, opts: InTx = {}): Promise<Person | undefined> {
      const result = validateNationalId(value, { testMode: true });
      if (!result.ok) return undefined;
      const row = await createPersonsRepository({ db: opts.tx ?? db }).findByNationalIdHash(
        trustId,
        crypto.hash(result.value),
      );
      return row ? toPerson(row) : undefined;
    },

    /**
     * The plain national ID, for the people SPEC §4 allows: admins and FOU (student_admin) of the
     * person's trust, and coordinators of an institution the person belongs to. Coordinators name
     * that institution (`institutionId`, the overview row's institution) and must coordinate it,
     * and the person must have a row there (else 404 `persons.not_found`); they are shown only a
     * number that came from their own institution's rows — one of which carries the same national
     * ID — else 404 `persons.no_national_id`. Other roles get 403, another trust's person 404. Every reveal writes an audit row
     * (the field's name, never its value) in the same transaction.
     */
    async revealNationalId(
      actor: Actor,
      personId: string,
      { institutionId }: { institutionId?: string | null } = {},
    ): Promise<{ nationalId: string }> {
      const trustId = requirePolicy(actor, "persons.revealNationalId");
      const throughInstitutionOnly = !seesWholeTrust(actor, "persons.revealNationalId");
      return db.transaction(async (tx) => {
        const person = await createPersonsRepository({ db: tx }).find(trustId, personId);
        if (!person) throw personNotFound();
        if (throughInstitutionOnly) {
          if (!institutionId || !actor.institutionIds.includes(institutionId)) throw personNotFound();
          if (!(await links.atInstitution(tx, { trustId, personId, institutionId }))) throw personNotFound();
          const hash = person.nationalIdHash;
          if (!hash || !(await links.nationalIdAtInstitution(tx, { trustId, personId, institutionId, hash }))) {
            throw noNationalId();
          }
        } else if (
          institutionId &&
          !(await createInstitutionsRepository({ db: tx }).findAgreementByInstitution(trustId, institutionId))
        ) {
          throw personNotFound();
        }
        if (!person.nationalIdEnc) throw noNationalId();
        const nationalId = crypto.decrypt(person.nationalIdEnc, nationalIdPlace(person.id));
        await writeAudit(tx, auditContext(actor), {
          entity: "person",
          entityId: person.id,
          action: "reveal_national_id",
          fields: ["national_id"],
          institutionId: institutionId ?? null,
        });
        return { nationalId };
      });
    },

    /**
     * Persons who may be the same student (SPEC §4): groups of two or more with the same e-mail, or
     * the same names and birth date — typically rows of different institutions, which matching never
     * joins by those keys. For FOU and admins, who merge them by hand.
     */
    async duplicates(actor: Actor, query: DuplicatesQuery): Promise<{ groups: DuplicateGroup[]; total: number }> {
      const trustId = requirePolicy(actor, "persons.merge");
      return db.transaction(async (tx) => {
        const repo = createPersonsRepository({ db: tx });
        const page = await repo.duplicateGroups(trustId, query);
        const ids = [...new Set(page.groups.flatMap((g) => g.ids))];
        const [people, places] = await Promise.all([
          repo.findMany(trustId, ids),
          links.institutionsOf(tx, { trustId, personIds: ids }),
        ]);
        const byId = new Map(people.map((p) => [p.id, p]));
        return {
          total: page.total,
          groups: page.groups.map((g) => ({
            reason: g.reason,
            key: g.key,
            persons: g.ids.flatMap((id) => {
              const p = byId.get(id);
              if (!p) return [];
              const shown = toPerson(p);
              return [
                {
                  id,
                  firstName: shown.firstName,
                  lastName: shown.lastName,
                  birthDate: shown.birthDate,
                  nationalIdMasked: shown.nationalIdMasked,
                  email: shown.email,
                  createdAt: p.createdAt.toISOString(),
                  institutions: places
                    .filter((place) => place.personId === id)
                    .map((place) => ({
                      id: place.institutionId,
                      name: place.name,
                      shortName: place.shortName,
                      rows: Number(place.rows),
                    })),
                },
              ];
            }),
          })),
        };
      });
    },

    /**
     * Merges `otherId` into `personId` (FOU and admins): the other person's rows move to this one,
     * which keeps its own values and takes the other's where it has none — the national ID too,
     * encrypted anew for this record — and the other person is deleted. Refused when both hold a
     * national ID (they differ: one number is one person) or either is anonymised. Audited on both
     * records with the field names only.
     */
    async merge(actor: Actor, personId: string, otherId: string): Promise<{ person: Person; movedRows: number }> {
      const trustId = requirePolicy(actor, "persons.merge");
      if (personId === otherId) throw mergeSamePerson();
      return db.transaction(async (tx) => {
        const repo = createPersonsRepository({ db: tx });
        const locked = await repo.findMany(trustId, [personId, otherId], { forUpdate: true });
        const keep = locked.find((p) => p.id === personId);
        const other = locked.find((p) => p.id === otherId);
        if (!keep || !other) throw personNotFound();
        if (keep.anonymisedAt || other.anonymisedAt) throw mergeAnonymised();
        if (keep.nationalIdHash && other.nationalIdHash) throw mergeConflictingNationalIds();
        const patch = {
          nationalIdEnc:
            keep.nationalIdEnc ??
            (other.nationalIdEnc
              ? crypto.encrypt(crypto.decrypt(other.nationalIdEnc, nationalIdPlace(other.id)), nationalIdPlace(keep.id))
              : null),
          nationalIdHash: keep.nationalIdHash ?? other.nationalIdHash,
          birthDate: keep.birthDate ?? other.birthDate,
          email: keep.email ?? other.email,
          emailConfirmedAt: keep.email ? keep.emailConfirmedAt : other.emailConfirmedAt,
          mobile: keep.mobile ?? other.mobile,
          username: keep.username ?? other.username,
          hrTransferredAt: keep.hrTransferredAt ?? other.hrTransferredAt,
          learningPortalState: keep.learningPortalState ?? other.learningPortalState,
        };
        const changed = changedFields(keep, patch) as (keyof typeof patch)[];
        // The unique index allows one holder of a number: the other record gives it up first.
        if (!keep.nationalIdHash && other.nationalIdHash) await repo.clearNationalId(trustId, other.id);
        const movedRows = await links.moveRows(tx, { trustId, fromPersonId: other.id, toPersonId: keep.id });
        await repo.delete(trustId, other.id);
        const row =
          changed.length > 0
            ? await repo.update(trustId, keep.id, Object.fromEntries(changed.map((k) => [k, patch[k]])))
            : keep;
        const fields = [...new Set(changed.map((k) => (k === "nationalIdHash" ? "nationalIdEnc" : k)))].map((k) =>
          k === "nationalIdEnc" ? "national_id" : columnName(k),
        );
        await writeAudit(tx, auditContext(actor), { entity: "person", entityId: keep.id, action: "merge", fields });
        await writeAudit(tx, auditContext(actor), { entity: "person", entityId: other.id, action: "merged_into" });
        return { person: toPerson(row), movedRows };
      });
    },
  };
}
export type PersonsUsecases = ReturnType<typeof createPersonsUsecases>;
