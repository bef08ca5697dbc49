import { type AnyColumn, and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { agreements } from "./agreements.table.ts";
import { institutions } from "./institutions.table.ts";

/** What other modules may use of the institutions module: its use-cases and the links it is handed. */
export {
  type AgreementLinks,
  createInstitutionsUsecases,
  type InstitutionsUsecases,
} from "./institutions.usecases.ts";

/** What other modules read of institutions: their names, and the trust's agreement with one. */
export async function institutionNamesOf(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { name: string; shortName: string }>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: institutions.id, name: institutions.name, shortName: institutions.shortName })
    .from(institutions)
    .where(inArray(institutions.id, wanted));
  return new Map(rows.map((r) => [r.id, { name: r.name, shortName: r.shortName }]));
}

/** The short name of the institution `institutionId` (a column of the caller's table), as a value inside the caller's statement. */
export const institutionShortNameOf = (institutionId: SQL | AnyColumn) =>
  sql<string>`coalesce((select ${institutions.shortName} from ${institutions} where ${institutions.id} = ${institutionId}), '')`;

/** Whether the trust has an agreement with the institution. */
export async function hasAgreement(db: DbOrTx, trustId: string, institutionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.trustId, trustId), eq(agreements.institutionId, institutionId)));
  return row !== undefined;
}

/** The agreement's FOU contacts (main and deputy). */
export async function fouContactsOf(db: DbOrTx, trustId: string, institutionId: string): Promise<string[]> {
  const [row] = await db
    .select({ main: agreements.mainContactId, deputy: agreements.deputyContactId })
    .from(agreements)
    .where(and(eq(agreements.trustId, trustId), eq(agreements.institutionId, institutionId)));
  return [row?.main, row?.deputy].filter((x): x is string => Boolean(x));
}
