import { randomUUID } from "node:crypto";
import type { Person, PersonInput } from "../../../contracts/persons.ts";
import { personInputSchema } from "../../../contracts/persons.ts";
import { normalizeMobile } from "../../../domain/contact.ts";
import { birthDateFromNationalId, maskNationalId } from "../../../domain/national-id.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { CipherPlace, DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { validationFailed } from "../../shared/errors.ts";
import { mapInSlices } from "../../shared/slices.ts";
import { type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import { invalidMobile } from "./persons.errors.ts";
import { createPersonsRepository, type PersonRow } from "./persons.repository.ts";

/** Where a person's national ID is stored: its ciphertext decrypts only there. */
export const nationalIdPlace = (id: string): CipherPlace => ({ table: "persons", column: "national_id_enc", id });

/** Column names of the fields a person's details set, for the audit trail (names, never values). */
export const auditNames = {
  nationalId: "national_id",
  firstName: "first_name",
  lastName: "last_name",
  birthDate: "birth_date",
  email: "email",
  mobile: "mobile",
  username: "username",
} as const;

export function parseInput(input: PersonInput) {
  const parsed = personInputSchema.safeParse(input);
  if (!parsed.success) {
    throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  return parsed.data;
}
export type PersonData = ReturnType<typeof parseInput>;

/** A mobile number in E.164 by the domain rule; empty means none, an invalid one is refused. */
export function toE164(mobile: string | null | undefined): string | null | undefined {
  if (mobile === undefined || mobile === null || mobile === "") return mobile === "" ? null : mobile;
  const phone = normalizeMobile(mobile);
  if (!phone.ok) throw invalidMobile();
  return phone.value;
}

/** A person to create: their details and, when known, their national ID with its keyed hash. */
export interface NewPerson {
  /** Given when the caller needs it before the insert (matching a whole import); random otherwise. */
  id?: string;
  trustId: string;
  data: PersonData;
  nationalId: { digits: string; hash: string } | null;
}

/** Person records as the API shows them, and the creation of new ones (encrypted, audited). */
export function createPersonRecords(crypto: DataCrypto) {
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

  /** Creates the persons in batches, each with its `create` audit row naming the fields it fills. */
  async function insertMany(tx: DbOrTx, actor: Actor, people: NewPerson[]): Promise<PersonRow[]> {
    if (people.length === 0) return [];
    const values = await mapInSlices(people, ({ id = randomUUID(), trustId, data, nationalId }) => {
      return {
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
      };
    });
    const stored = new Map((await createPersonsRepository({ db: tx }).createMany(values)).map((r) => [r.id, r]));
    const rows = values.map((v) => stored.get(v.id) as PersonRow);
    await writeAudits(
      tx,
      auditContext(actor),
      rows.map(
        (row): AuditEntry => ({
          entity: "person",
          entityId: row.id,
          action: "create",
          fields: (Object.keys(auditNames) as (keyof typeof auditNames)[])
            .filter((k) => (k === "nationalId" ? row.nationalIdHash !== null : row[k] !== null))
            .map((k) => auditNames[k]),
        }),
      ),
    );
    return rows;
  }

  return { toPerson, insertMany };
}
export type PersonRecords = ReturnType<typeof createPersonRecords>;
