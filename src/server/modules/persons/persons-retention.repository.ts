import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { anonymisedLastName } from "../../../domain/retention.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { chunked } from "../../shared/sql-sets.ts";
import { persons } from "./persons.table.ts";

/** Per personal field of a person (audit name → whether it still holds a value). */
const personPersonalFields = {
  national_id: sql<boolean>`(${persons.nationalIdEnc} is not null or ${persons.nationalIdHash} is not null)`,
  first_name: sql<boolean>`${persons.firstName} <> ''`,
  last_name: sql<boolean>`${persons.lastName} <> ${anonymisedLastName}`,
  birth_date: sql<boolean>`${persons.birthDate} is not null`,
  email: sql<boolean>`(${persons.email} is not null or ${persons.emailConfirmedAt} is not null)`,
  mobile: sql<boolean>`${persons.mobile} is not null`,
  username: sql<boolean>`${persons.username} is not null`,
};

/** The names of the fields whose flag is true. */
const fieldsHeld = (flags: Record<string, unknown>) =>
  Object.entries(flags)
    .filter(([, held]) => held === true)
    .map(([name]) => name);

/**
 * Of these persons of the trust, those that still hold personal data, with the fields that do
 * (names, never values), in id order. For the retention job.
 */
export async function personsHoldingData(
  db: DbOrTx,
  trustId: string,
  ids: string[],
): Promise<{ id: string; fields: string[] }[]> {
  const out: { id: string; fields: string[] }[] = [];
  for (const part of chunked([...ids].sort(), 1000)) {
    const rows = await db
      .select({ id: persons.id, flags: personPersonalFields })
      .from(persons)
      .where(
        and(eq(persons.trustId, trustId), inArray(persons.id, part), or(...Object.values(personPersonalFields)) as SQL),
      )
      .orderBy(asc(persons.id));
    out.push(...rows.map((r) => ({ id: r.id, fields: fieldsHeld(r.flags) })));
  }
  return out;
}

/** Names neutral, national ID, birth date and contact details removed; the id stays (rows stay linked). */
export async function anonymisePersons(db: DbOrTx, ids: string[], now: Date): Promise<void> {
  for (const part of chunked(ids, 1000)) {
    await db
      .update(persons)
      .set({
        firstName: "",
        lastName: anonymisedLastName,
        nationalIdEnc: null,
        nationalIdHash: null,
        birthDate: null,
        email: null,
        emailConfirmedAt: null,
        mobile: null,
        username: null,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(inArray(persons.id, part));
  }
}
