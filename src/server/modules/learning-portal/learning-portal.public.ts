import type { LearningPortalState } from "../../../domain/learning-portal.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { createLearningPortalRepository } from "./learning-portal.repository.ts";
import { rowStatesOf } from "./learning-portal.usecases.ts";

/**
 * What other modules may use of the learning-portal module: its use-cases (the dashboard's count),
 * and the rows' states (the readiness lines).
 */
export { createLearningPortalUsecases, type LearningPortalUsecases } from "./learning-portal.usecases.ts";

/** Each of these rows' Læringsportalen state (rows that need no user, or are not the trust's, are left out): one statement. */
export async function learningPortalStatesOfRows(
  db: DbOrTx,
  crypto: DataCrypto,
  trustId: string,
  rowIds: string[],
): Promise<Map<string, LearningPortalState>> {
  if (rowIds.length === 0) return new Map();
  return rowStatesOf(crypto, await createLearningPortalRepository({ db }).rows(trustId, rowIds));
}
