import { createHash, randomBytes } from "node:crypto";
import { campaigns, registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import type { Db } from "../../src/server/shared/database.ts";

/**
 * A campaign straight in the database, with the token its public link has (the tests that need
 * the link's own checks create campaigns through the API).
 */
export async function insertCampaign(
  db: Db,
  values: Partial<typeof campaigns.$inferInsert> & { trustId: string; institutionId: string; deadline: string },
) {
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(campaigns)
    .values({
      name: "Studiestart",
      tokenSalt: randomBytes(16).toString("base64url"),
      tokenHash: createHash("sha256").update(token).digest("base64url"),
      ...values,
    })
    .returning();
  return { ...(row as typeof campaigns.$inferSelect), token };
}

/** A registration on a campaign straight in the database; e-mail confirmed unless said otherwise. */
export async function insertRegistration(
  db: Db,
  campaign: { id: string; trustId: string; institutionId: string },
  values: Partial<typeof registrations.$inferInsert> = {},
) {
  const [row] = await db
    .insert(registrations)
    .values({
      trustId: campaign.trustId,
      campaignId: campaign.id,
      institutionId: campaign.institutionId,
      source: "form",
      firstName: "Reg",
      lastName: "Istrert",
      email: `student.${randomBytes(4).toString("hex")}@student.test`,
      emailConfirmedAt: new Date(),
      ...values,
    })
    .returning();
  return row as typeof registrations.$inferSelect;
}
