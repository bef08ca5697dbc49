import type { LearningPortalState } from "../../../domain/learning-portal.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import type { PersonLinks } from "../persons/persons.public.ts";
import { createLearningPortalRepository } from "./learning-portal.repository.ts";
import { rowStatesOf } from "./learning-portal.usecases.ts";

/**
 * What other modules may use of the learning-portal module: its use-cases (the dashboard's count),
 * the rows' states (the readiness lines) and the persons' links that move requests on a merge.
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

/** Merging two persons (persons' `PersonLinks`) moves the other person's Læringsportalen requests too. */
export function withLearningPortal(links: PersonLinks): PersonLinks {
  return {
    ...links,
    async moveRows(tx, q) {
      const moved = await links.moveRows(tx, q);
      await createLearningPortalRepository({ db: tx }).moveRequests(q.trustId, q.fromPersonId, q.toPersonId);
      return moved;
    },
  };
}
