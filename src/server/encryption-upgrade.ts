import { and, eq, like } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { secretPlace } from "./modules/identity-providers/identity-providers.public.ts";
import { identityProviders } from "./modules/identity-providers/identity-providers.table.ts";
import { rowPlaces } from "./modules/overviews/overviews.public.ts";
import { placementRows } from "./modules/overviews/overviews.table.ts";
import { nationalIdPlace } from "./modules/persons/persons.public.ts";
import { persons } from "./modules/persons/persons.table.ts";
import type { CipherPlace, DataCrypto } from "./shared/crypto.ts";
import type { Db } from "./shared/database.ts";

/** Every encrypted column, with the place its values are bound to. */
const encryptedColumns: {
  table: PgTable;
  id: PgColumn;
  /** The column's property name in the table, for the update. */
  key: string;
  value: PgColumn;
  place: (id: string) => CipherPlace;
}[] = [
  { table: persons, id: persons.id, key: "nationalIdEnc", value: persons.nationalIdEnc, place: nationalIdPlace },
  {
    table: placementRows,
    id: placementRows.id,
    key: "nationalIdEnc",
    value: placementRows.nationalIdEnc,
    place: (id) => rowPlaces(id).nationalId,
  },
  {
    table: placementRows,
    id: placementRows.id,
    key: "dNumberEnc",
    value: placementRows.dNumberEnc,
    place: (id) => rowPlaces(id).dNumber,
  },
  {
    table: identityProviders,
    id: identityProviders.id,
    key: "clientSecretEncrypted",
    value: identityProviders.clientSecretEncrypted,
    place: secretPlace,
  },
];

const batchSize = 500;

/**
 * Re-encrypts values written before ciphertexts were bound to their table, column and row (`v1`) in
 * the current format, a batch per transaction; run at start after the migrations. A value changed
 * meanwhile is left for the next run (the update wants the old value). Returns how many it rewrote.
 */
export async function upgradeCiphertexts(db: Db, crypto: DataCrypto): Promise<number> {
  let rewritten = 0;
  for (const column of encryptedColumns) {
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const legacy = (await tx
          .select({ id: column.id, value: column.value })
          .from(column.table)
          .where(like(column.value, "v1.%"))
          .limit(batchSize)) as { id: string; value: string }[];
        for (const row of legacy) {
          const place = column.place(row.id);
          await tx
            .update(column.table)
            .set({ [column.key]: crypto.encrypt(crypto.decrypt(row.value, place), place) })
            .where(and(eq(column.id, row.id), eq(column.value, row.value)));
        }
        rewritten += legacy.length;
        return legacy.length < batchSize;
      });
      if (done) break;
    }
  }
  return rewritten;
}
