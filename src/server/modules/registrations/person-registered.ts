import type { DbOrTx } from "../../shared/database.ts";
import { type AuditContext, type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import { setRegistered } from "../persons/persons.public.ts";
import { createRegistrationsRepository } from "./registrations.repository.ts";

/**
 * Brings the Registrert mark of these persons (`persons.registered_at`) in line with their
 * registrations (SPEC §3.1): a person is registered while one of their registrations holds, in the
 * language of the newest one that does, and is not while none does — also when rows that arrived
 * later show that the registration needs a confirmation after all. A person without any
 * registration keeps their mark unless `clearWithout` (a registration was just taken from them).
 * A registered person's e-mail becomes the address their newest holding registration confirmed:
 * the one the username is sent to (seed 5.2 b).
 * One query, the persons' two statements and one batch of audit rows, for any number of persons.
 */
export async function syncRegistered(
  tx: DbOrTx,
  ctx: AuditContext,
  q: { trustId: string; personIds: string[]; at: Date; institutionId?: string; clearWithout?: boolean },
): Promise<void> {
  const personIds = [...new Set(q.personIds)];
  if (personIds.length === 0) return;
  const found = await createRegistrationsRepository({ db: tx }).registeredBy(q.trustId, personIds);
  const known = new Map(found.map((f) => [f.personId, f]));
  const marks = personIds.flatMap((personId) => {
    const f = known.get(personId);
    if (f)
      return [
        {
          personId,
          registered: f.holds,
          language: f.holds ? f.language : null,
          confirmedEmail:
            f.holds && f.email && f.emailConfirmedAt ? { email: f.email, at: new Date(f.emailConfirmedAt) } : null,
        },
      ];
    return q.clearWithout ? [{ personId, registered: false }] : [];
  });
  const changed = await setRegistered(tx, q.trustId, marks, q.at);
  await writeAudits(
    tx,
    ctx,
    changed.map(
      (c): AuditEntry => ({
        entity: "person",
        entityId: c.personId,
        action: "update",
        fields: c.fields,
        institutionId: q.institutionId,
      }),
    ),
  );
}
