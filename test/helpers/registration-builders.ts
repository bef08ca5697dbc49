import { randomBytes, randomUUID } from "node:crypto";
import { registrationNationalIdPlace } from "../../src/server/modules/registrations/registration-dtos.ts";
import { campaigns, registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import type { DataCrypto } from "../../src/server/shared/crypto.ts";
import type { Db } from "../../src/server/shared/database.ts";

/**
 * Campaigns and registrations written straight into the tables, for the tests of FOU's side (the
 * public form makes them in the app).
 */
export function registrationBuilders(db: Db, crypto: DataCrypto) {
  return {
    async campaign(values: {
      trustId: string;
      institutionId: string;
      overviewId?: string | null;
      sheetId?: string | null;
      name?: string;
      deadline?: string;
    }) {
      const [row] = await db
        .insert(campaigns)
        .values({
          name: "Kampanje",
          deadline: "2027-02-15",
          tokenSalt: randomBytes(16).toString("hex"),
          tokenHash: randomBytes(32).toString("hex"),
          ...values,
        })
        .returning();
      return row as NonNullable<typeof row>;
    },

    /** A registration with a confirmed e-mail unless `emailConfirmedAt: null`; `nationalId` is encrypted. */
    async registration(
      campaign: { id: string; trustId: string; institutionId: string },
      values: Partial<typeof registrations.$inferInsert> & { nationalId?: string } = {},
    ) {
      const { nationalId, ...rest } = values;
      const id = randomUUID();
      const [row] = await db
        .insert(registrations)
        .values({
          id,
          trustId: campaign.trustId,
          campaignId: campaign.id,
          institutionId: campaign.institutionId,
          source: "form",
          firstName: "Reg",
          lastName: `Istrert ${id.slice(0, 4)}`,
          email: `${id.slice(0, 8)}@student.test`,
          mobile: "+4791234567",
          emailConfirmedAt: new Date("2026-11-20T10:00:00Z"),
          ...(nationalId
            ? {
                nationalIdEnc: crypto.encrypt(nationalId, registrationNationalIdPlace(id)),
                nationalIdHash: crypto.hash(nationalId),
              }
            : {}),
          ...rest,
        })
        .returning();
      return row as NonNullable<typeof row>;
    },
  };
}
