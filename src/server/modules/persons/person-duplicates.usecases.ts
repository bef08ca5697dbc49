import type { z } from "zod";
import type { DuplicateGroup, duplicatesQuery, Person } from "../../../contracts/persons.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import { changedFields, columnName, writeAudit } from "../audit/audit.public.ts";
import { institutionNamesOf } from "../institutions/institutions.public.ts";
import { nationalIdPlace, type PersonRecords } from "./person-records.ts";
import { mergeAnonymised, mergeConflictingNationalIds, mergeSamePerson, personNotFound } from "./persons.errors.ts";
import type { PersonLinks } from "./persons.links.ts";
import { createPersonsRepository } from "./persons.repository.ts";

type DuplicatesQuery = z.output<typeof duplicatesQuery>;

/** Likely duplicates of a trust's persons and their merge by hand (FOU and admins). */
export function createPersonDuplicatesUsecases(deps: {
  db: Db;
  crypto: DataCrypto;
  links: PersonLinks;
  records: PersonRecords;
}) {
  const { db, crypto, links } = deps;
  const { toPerson } = deps.records;
  return {
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
        const people = await repo.findMany(trustId, ids);
        const places = await links.institutionsOf(tx, { trustId, personIds: ids });
        const names = await institutionNamesOf(
          tx,
          places.map((p) => p.institutionId),
        );
        const shortName = (id: string) => names.get(id)?.shortName ?? "";
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
                    .sort((a, b) => shortName(a.institutionId).localeCompare(shortName(b.institutionId)))
                    .map((place) => ({
                      id: place.institutionId,
                      name: names.get(place.institutionId)?.name ?? "",
                      shortName: shortName(place.institutionId),
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
