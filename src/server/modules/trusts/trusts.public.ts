import { asc, eq, inArray, sql } from "drizzle-orm";
import { defaultNamingStandard, namingStandardOf } from "../../../domain/naming-standard.ts";
import { builtOnce } from "../../shared/built-once.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { createTrustsRepository } from "./trusts.repository.ts";
import { trusts } from "./trusts.table.ts";

/** What other modules may use of the trusts module: its use-cases, and a trust's name and settings. */
export { type AppointAdmin, createTrustsUsecases, type TrustsUsecases } from "./trusts.usecases.ts";

/** A trust's name and settings (the trust's default language, naming standard, …), or undefined. */
export const findTrust = (db: DbOrTx, trustId: string) => createTrustsRepository({ db }).find(trustId);

/**
 * The columns of a trust's settings, for a statement that reads them with the trust's own records
 * (joined on `trusts.id`) instead of asking `trustSettingsOf` apart; `settingsFrom` makes them the same answer.
 */
export const trustSettingsColumns = {
  testMode: trusts.testMode,
  deadlineDays: trusts.deadlineDays,
  dNumberNeedsManualUser: trusts.dNumberNeedsManualUser,
  namingDocument: trusts.namingDocument,
  namingSheet: trusts.namingSheet,
  namingInternationalSheet: trusts.namingInternationalSheet,
  namingFile: trusts.namingFile,
  extensionMaxDays: trusts.extensionMaxDays,
};
type SettingsRow = { [K in keyof typeof trustSettingsColumns]: (typeof trustSettingsColumns)[K]["_"]["data"] };

/** A trust's settings as `trustSettingsOf` answers them, from the columns `trustSettingsColumns` read. */
export const settingsFrom = (row: SettingsRow) => ({ ...row, naming: namingStandardOf(row) });

/** Read on most requests of the overviews and orders, so built once (`shared/built-once.ts`). */
const settingsOf = builtOnce((db) =>
  db
    .select(trustSettingsColumns)
    .from(trusts)
    .where(eq(trusts.id, sql.placeholder("trustId")))
    .prepare("trusts_settings_of"),
);

/** What other modules read of a trust: test mode, deadline, D-number rule and naming standard. */
export async function trustSettingsOf(db: DbOrTx, trustId: string) {
  const [row] = await settingsOf(db).execute({ trustId });
  if (!row)
    return {
      testMode: false,
      deadlineDays: 28,
      dNumberNeedsManualUser: false,
      extensionMaxDays: 90,
      naming: defaultNamingStandard,
    };
  return settingsFrom(row);
}
export type TrustSettings = Awaited<ReturnType<typeof trustSettingsOf>>;

/** The deadline (days before a period starts) of each of these trusts. */
export async function deadlineDaysOf(db: DbOrTx, trustIds: string[]): Promise<Map<string, number>> {
  if (trustIds.length === 0) return new Map();
  const rows = await db
    .select({ id: trusts.id, deadlineDays: trusts.deadlineDays })
    .from(trusts)
    .where(inArray(trusts.id, trustIds));
  return new Map(rows.map((r) => [r.id, r.deadlineDays]));
}

/** Every trust with how long it keeps a student's personal data, for the retention job. */
export function retentionOfTrusts(db: DbOrTx) {
  return db
    .select({
      id: trusts.id,
      retentionMonths: trusts.retentionMonths,
      unmatchedRegistrationDays: trusts.unmatchedRegistrationDays,
    })
    .from(trusts)
    .orderBy(asc(trusts.id));
}
