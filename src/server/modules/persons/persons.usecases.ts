import type { Person, PersonInput } from "../../../contracts/persons.ts";
import { birthDateFromNationalId, type NationalIdWarning, validateNationalId } from "../../../domain/national-id.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { forbidden } from "../../shared/errors.ts";
import { changedFields, writeAudit } from "../audit/audit.public.ts";
import { hasAgreement } from "../institutions/institutions.public.ts";
import { trustSettingsOf } from "../trusts/trusts.public.ts";
import { createPersonDuplicatesUsecases } from "./person-duplicates.usecases.ts";
import { createPersonMatching, type MatchCandidate } from "./person-matching.ts";
import {
  auditNames,
  createPersonRecords,
  nationalIdPlace,
  type PersonData,
  parseInput,
  toE164,
} from "./person-records.ts";
import { invalidNationalId, nationalIdExists, noNationalId, personNotFound } from "./persons.errors.ts";
import { noLinks, type PersonLinks } from "./persons.links.ts";
import { createPersonsRepository } from "./persons.repository.ts";

export interface PersonsDeps {
  db: Db;
  crypto: DataCrypto;
  links?: PersonLinks;
}

/** Runs in the caller's transaction when one is given, otherwise in a new one. */
interface InTx {
  tx?: DbOrTx;
}

/** Persons of a trust: created, matched to overview rows, revealed, and merged (SPEC §4, §7). */
export function createPersonsUsecases({ db, crypto, links = noLinks }: PersonsDeps) {
  const inTx = <T>(opts: InTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> =>
    opts.tx ? fn(opts.tx) : db.transaction((tx) => fn(tx));
  const records = createPersonRecords(crypto);
  const { toPerson } = records;
  const matchOrCreateMany = createPersonMatching({ crypto, links, records });

  /** The actor's trust; people are always created in the trust the caller works in. */
  function trustOf(actor: Actor): string {
    if (!actor.trustId) throw forbidden();
    return actor.trustId;
  }

  /** Validates with the trust's test mode; the 11 digits, their hash and ciphertext, and the warnings. */
  async function nationalIdOf(tx: DbOrTx, trustId: string, value: string | number) {
    const { testMode } = await trustSettingsOf(tx, trustId);
    const result = validateNationalId(value, { testMode });
    if (!result.ok) throw invalidNationalId(result.code);
    return { digits: result.value, hash: crypto.hash(result.value), warnings: result.warnings };
  }

  async function insert(
    tx: DbOrTx,
    actor: Actor,
    trustId: string,
    data: PersonData,
    nationalId: { digits: string; hash: string } | null,
  ) {
    const [row] = await records.insertMany(tx, actor, [{ trustId, data, nationalId }]);
    if (!row) throw new Error("The person was not created.");
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
     * The persons overview rows of `institutionId` refer to (SPEC §4, §7), in the rows' order. Across
     * institutions a person is shared only through the national ID (its keyed hash), the one key the
     * writer proves they know. E-mail, or names and birth date, find only a person the institution
     * itself knows (`links.knownAtInstitution`, or by their own values while every row of theirs is
     * there), and only one without another national ID when the row has one; that person is given
     * the row's national ID only while every row of theirs is at this institution, so no institution
     * changes what another's rows gave the person. Otherwise a new person is created (audited). Null
     * for a row that names nobody that can be recognised. One query per key kind for the whole set
     * (`person-matching.ts`). For the overviews feature, which authorizes.
     */
    async matchOrCreateMany(
      actor: Actor,
      institutionId: string,
      candidates: MatchCandidate[],
      opts: InTx = {},
    ): Promise<(string | null)[]> {
      const trustId = trustOf(actor);
      if (candidates.length === 0) return [];
      return inTx(opts, (tx) => matchOrCreateMany(tx, actor, trustId, institutionId, candidates));
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
        } else if (institutionId && !(await hasAgreement(tx, trustId, institutionId))) {
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

    ...createPersonDuplicatesUsecases({ db, crypto, links, records }),
  };
}
export type PersonsUsecases = ReturnType<typeof createPersonsUsecases>;
