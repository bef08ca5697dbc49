import { normalizeEmail } from "../../../domain/contact.ts";
import { isIsoDate } from "../../../domain/dates.ts";
import { validateNationalId } from "../../../domain/national-id.ts";
import type { RowData, RowField } from "../../../domain/placement-row/fields.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { type AuditEntry, columnName, writeAudits } from "../audit/audit.public.ts";
import type { MatchCandidate, PersonsUsecases } from "../persons/persons.public.ts";
import type { PersonsPlaced } from "./overviews.deps.ts";

/** The fields `candidateOf` reads: a change to one of them matches the row's person anew. */
export const identityFields: readonly RowField[] = [
  "nationalId",
  "dNumber",
  "email",
  "lastName",
  "firstName",
  "birthDate",
];

/** What a row tells of its student's identity: valid values only. */
function candidateOf(d: RowData, testMode: boolean): MatchCandidate {
  const id = [d.nationalId, d.dNumber]
    .filter(Boolean)
    .map((v) => validateNationalId(v, { testMode }))
    .find((r) => r.ok);
  return {
    nationalId: id?.ok ? id.value : null,
    email: normalizeEmail(d.email).ok ? d.email : null,
    firstName: d.firstName,
    lastName: d.lastName,
    birthDate: isIsoDate(d.birthDate) ? d.birthDate : null,
  };
}

/**
 * The persons rows of the institution refer to (SPEC §4, §7), in the rows' order: matched or
 * created through the persons module, in one set for all the rows.
 */
export function personsFor(
  tx: DbOrTx,
  persons: PersonsUsecases,
  actor: Actor,
  institutionId: string,
  rows: RowData[],
  testMode: boolean,
): Promise<(string | null)[]> {
  return persons.matchOrCreateMany(
    actor,
    institutionId,
    rows.map((d) => candidateOf(d, testMode)),
    { tx },
  );
}

/**
 * Tells `placed` (the registrations, when wired) that rows naming these persons were saved or
 * removed at the overview's institution, after the rows are written, in the same transaction.
 */
export async function personsPlaced(
  tx: DbOrTx,
  placed: PersonsPlaced | undefined,
  actor: Actor,
  overview: { trustId: string; institutionId: string },
  personIds: (string | null)[],
): Promise<void> {
  const ids = [...new Set(personIds.filter((id) => id !== null))];
  if (!placed || ids.length === 0) return;
  await placed(tx, actor, { trustId: overview.trustId, institutionId: overview.institutionId, personIds: ids });
}

/** Audit rows for row changes (one statement per part): entity, id, action and the field names, never values. */
export function auditRows(
  tx: DbOrTx,
  actor: Actor,
  institutionId: string,
  entries: { rowId: string; action: string; fields: string[] }[],
): Promise<void> {
  return writeAudits(
    tx,
    auditContext(actor),
    entries.map(
      (e): AuditEntry => ({
        entity: "placement_row",
        entityId: e.rowId,
        action: e.action,
        fields: e.fields.map(columnName),
        institutionId,
      }),
    ),
  );
}
