import { createHash } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { CipherPlace, DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { idportenIdentities, idportenLogins } from "./idporten.table.ts";
import { campaignPersonalLinks, campaigns } from "./registrations.table.ts";

/** How long what ID-porten verified waits for the form's registration. */
export const idportenIdentityTtlMs = 30 * 60_000;
/** How long a started sign-in may take at ID-porten. */
export const idportenLoginTtlMs = 10 * 60_000;

/** Where an identity's national ID is stored: its ciphertext decrypts only there. */
export const idportenNationalIdPlace = (id: string): CipherPlace => ({
  table: "idporten_identities",
  column: "national_id_enc",
  id,
});

export const sha256 = (token: string) => createHash("sha256").update(token).digest("base64url");

/** What ID-porten verified of a student, as the registration takes it: the `pid` claim's 11 digits. */
export interface VerifiedIdentity {
  firstName: string;
  lastName: string;
  nationalId: string;
}

const verifiedOf = (crypto: DataCrypto, row: typeof idportenIdentities.$inferSelect): VerifiedIdentity => ({
  firstName: row.firstName,
  lastName: row.lastName,
  nationalId: crypto.decrypt(row.nationalIdEnc, idportenNationalIdPlace(row.id)),
});

/** The reads and writes behind the ID-porten sign-in of the public form. */
export function createIdportenRepository({ db }: { db: DbOrTx }) {
  return {
    /** The campaign behind a campaign token or a late student's personal-link token. */
    async findCampaignByToken(token: string) {
      const hash = sha256(token);
      const [byCampaign] = await db.select().from(campaigns).where(eq(campaigns.tokenHash, hash));
      if (byCampaign) return byCampaign;
      const [byLink] = await db
        .select({ campaign: campaigns })
        .from(campaignPersonalLinks)
        .innerJoin(campaigns, eq(campaigns.id, campaignPersonalLinks.campaignId))
        .where(eq(campaignPersonalLinks.tokenHash, hash));
      return byLink?.campaign;
    },
    async findCampaign(id: string) {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
      return row;
    },
    async createLogin(values: typeof idportenLogins.$inferInsert, now: Date) {
      await db.delete(idportenLogins).where(lt(idportenLogins.expiresAt, now));
      await db.insert(idportenLogins).values(values);
    },
    /** Takes the sign-in under way with this state: one statement, so only one callback ever gets it. */
    async takeLogin(stateHash: string) {
      const [row] = await db.delete(idportenLogins).where(eq(idportenLogins.stateHash, stateHash)).returning();
      return row;
    },
    async createIdentity(values: typeof idportenIdentities.$inferInsert, now: Date) {
      await db.delete(idportenIdentities).where(lt(idportenIdentities.expiresAt, now));
      await db.insert(idportenIdentities).values(values);
    },
    /** An unexpired identity by its one-time token, left in place (the form shows it). */
    async peekIdentity(token: string, now: Date) {
      const [row] = await db
        .select()
        .from(idportenIdentities)
        .where(and(eq(idportenIdentities.tokenHash, sha256(token)), gt(idportenIdentities.expiresAt, now)));
      return row;
    },
  };
}

/**
 * Takes (consumes) what ID-porten verified under the one-time `token` for a registration on
 * `campaignId`, in the caller's transaction: the row is deleted whatever the outcome, so a token
 * works once. Null when it is unknown, used, expired or from another campaign's form.
 */
export async function takeIdportenIdentity(
  tx: DbOrTx,
  crypto: DataCrypto,
  input: { token: string; campaignId: string; now: Date },
): Promise<VerifiedIdentity | null> {
  const [row] = await tx
    .delete(idportenIdentities)
    .where(eq(idportenIdentities.tokenHash, sha256(input.token)))
    .returning();
  if (!row || row.campaignId !== input.campaignId || row.expiresAt.getTime() <= input.now.getTime()) return null;
  return verifiedOf(crypto, row);
}

/** What ID-porten verified under `token` for a registration on `campaignId`, left in place; null as for taking. */
export async function peekIdportenIdentity(
  db: DbOrTx,
  crypto: DataCrypto,
  input: { token: string; campaignId: string; now: Date },
): Promise<VerifiedIdentity | null> {
  const row = await createIdportenRepository({ db }).peekIdentity(input.token, input.now);
  return row && row.campaignId === input.campaignId ? verifiedOf(crypto, row) : null;
}
