import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import type { Outbox } from "../outbox/outbox.public.ts";
import { createAccountRequestsRepository } from "./account-requests.repository.ts";

const validForMs = 7 * 24 * 3_600_000;
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Sends a person a one-time link to set a password (7 days), in the same transaction as the change
 * that gives them access. The link carries a random token; only its hash is stored.
 */
export function createInviter({ outbox, clock }: { outbox: Outbox; clock: Clock }) {
  return async (tx: DbOrTx, input: { userId: string; trustId: string; name: string; trustName: string }) => {
    const token = randomBytes(32).toString("base64url");
    const now = clock.now();
    await createAccountRequestsRepository({ db: tx }).insertInvitation({
      tokenHash: hashInvitationToken(token),
      userId: input.userId,
      trustId: input.trustId,
      expiresAt: new Date(now.getTime() + validForMs),
      createdAt: now,
    });
    await outbox.enqueueEmailToUser(tx, {
      trustId: input.trustId,
      userId: input.userId,
      template: "account-invitation",
      params: { name: input.name, trustName: input.trustName, setPasswordLink: `/sett-passord?token=${token}` },
    });
  };
}
export type Inviter = ReturnType<typeof createInviter>;
