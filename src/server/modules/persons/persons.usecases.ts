import type { Person, PersonInput } from "../../../contracts/persons.ts";
import { personInputSchema } from "../../../contracts/persons.ts";
import { normalizeMobile } from "../../../domain/contact.ts";
import {
  birthDateFromNationalId,
  maskNationalId,
  type NationalIdWarning,
  validateNationalId,
} from "../../../domain/national-id.ts";
import { type Actor, hasRole, requireRole } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { AppError, forbidden } from "../../shared/errors.ts";
import { changedFields, writeAudit } from "../audit/audit.repository.ts";
import { createInstitutionsRepository } from "../institutions/institutions.repository.ts";
import { invalidMobile, invalidNationalId, nationalIdExists, noNationalId, personNotFound } from "./persons.errors.ts";
import { createPersonsRepository, type PersonRow } from "./persons.repository.ts";

/**
 * Whether a person belongs to an institution at the trust: has a row in one of its overviews (or
 * a registration through one of its campaigns). The overviews feature provides it; until then no
 * person belongs anywhere, so coordinators cannot reveal national IDs (FOU and admins can).
 */
export type PersonAtInstitution = (
  tx: DbOrTx,
  query: { trustId: string; personId: string; institutionId: string },
) => Promise<boolean>;

const noInstitutionLinksYet: PersonAtInstitution = async () => false;

export interface PersonsDeps {
  db: Db;
  crypto: DataCrypto;
  personAtInstitution?: PersonAtInstitution;
}

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

export function createPersonsUsecases({ db, crypto, personAtInstitution = noInstitutionLinksYet }: PersonsDeps) {
  const inTx = <T>(opts: InTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> =>
    opts.tx ? fn(opts.tx) : db.transaction((tx) => fn(tx));

  function toPerson(row: PersonRow): Person {
    return {
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      nationalIdMasked: row.nationalIdEnc ? maskNationalId(crypto.decrypt(row.nationalIdEnc)) : null,
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
    const row = await createPersonsRepository({ db: tx }).create({
      trustId,
      nationalIdEnc: nationalId ? crypto.encrypt(nationalId.digits) : null,
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
     * The person an overview row refers to (SPEC §7: one student is one person at a trust): found by
     * national ID (its keyed hash), else e-mail, else names and birth date — a person found by e-mail
     * or name only when they hold no other national ID — and created when new (audited). Values must
     * already be valid (`nationalId` 11 digits, `email` lower-cased, `mobile` E.164). Null when the row
     * names nobody that can be recognised. For the overviews feature, which authorizes.
     */
    async matchOrCreate(
      actor: Actor,
      c: {
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
        const compatible = (p: PersonRow) => !hash || p.nationalIdHash === null;
        const birthDate = c.birthDate ?? (c.nationalId ? birthDateFromNationalId(c.nationalId) : null);
        const candidates = [
          ...(c.email ? await repo.findByEmail(trustId, c.email) : []),
          ...(c.lastName && c.firstName && birthDate
            ? await repo.findByNameAndBirthDate(trustId, c.lastName, c.firstName, birthDate)
            : []),
        ].filter(compatible);
        const match = candidates[0];
        if (match) {
          if (hash && c.nationalId) {
            await repo.update(trustId, match.id, { nationalIdEnc: crypto.encrypt(c.nationalId), nationalIdHash: hash });
            await writeAudit(tx, auditContext(actor), {
              entity: "person",
              entityId: match.id,
              action: "update",
              fields: ["national_id"],
            });
          }
          return { id: match.id };
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
     * and the person must belong to it (`personAtInstitution`); otherwise the person is not found
     * (404). Other roles get 403, another trust's person 404. Every reveal writes an audit row
     * (the field's name, never its value) in the same transaction.
     */
    async revealNationalId(
      actor: Actor,
      personId: string,
      { institutionId }: { institutionId?: string | null } = {},
    ): Promise<{ nationalId: string }> {
      const trustId = requireRole(actor, "admin", "student_admin", "coordinator");
      const throughInstitutionOnly = !hasRole(actor, "admin", "student_admin");
      return db.transaction(async (tx) => {
        const person = await createPersonsRepository({ db: tx }).find(trustId, personId);
        if (!person) throw personNotFound();
        if (throughInstitutionOnly) {
          if (!institutionId || !actor.institutionIds.includes(institutionId)) throw personNotFound();
          if (!(await personAtInstitution(tx, { trustId, personId, institutionId }))) throw personNotFound();
        } else if (
          institutionId &&
          !(await createInstitutionsRepository({ db: tx }).findAgreementByInstitution(trustId, institutionId))
        ) {
          throw personNotFound();
        }
        if (!person.nationalIdEnc) throw noNationalId();
        const nationalId = crypto.decrypt(person.nationalIdEnc);
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
  };
}
export type PersonsUsecases = ReturnType<typeof createPersonsUsecases>;
