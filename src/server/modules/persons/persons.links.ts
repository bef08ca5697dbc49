import type { DbOrTx } from "../../shared/database.ts";
import type { NameKey } from "../../shared/sql-sets.ts";

/** A person an institution's own rows name by one of the keys asked for (`email:` or `name:` and the key). */
export interface KnownPerson {
  personId: string;
  /** `email` with the e-mail, or `name` with `nameKeyOf` of the names and birth date. */
  key: string;
}

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
   * Persons the institution's own rows (not anonymised) name by one of these e-mails, or one of
   * these names and birth dates: one query per key kind, for a whole import.
   */
  knownAtInstitution(
    tx: DbOrTx,
    q: { trustId: string; institutionId: string; emails: string[]; names: NameKey[] },
  ): Promise<KnownPerson[]>;
  /** Per person and institution with rows of theirs: how many, and how many are not anonymised. */
  institutionsOf(
    tx: DbOrTx,
    q: { trustId: string; personIds: string[] },
  ): Promise<{ personId: string | null; institutionId: string; rows: number; liveRows: number }[]>;
  /** Moves every row of one person to another; the number moved. */
  moveRows(tx: DbOrTx, q: { trustId: string; fromPersonId: string; toPersonId: string }): Promise<number>;
}

/** No feature links persons to institutions: nobody belongs anywhere, so coordinators reveal nothing. */
export const noLinks: PersonLinks = {
  atInstitution: async () => false,
  nationalIdAtInstitution: async () => false,
  knownAtInstitution: async () => [],
  institutionsOf: async () => [],
  moveRows: async () => 0,
};
