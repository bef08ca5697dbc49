import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../shared/columns.ts";
import { identityProviders } from "../identity-providers/identity-providers.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { campaigns } from "./registrations.table.ts";

/**
 * A student's sign-in with ID-porten under way, started from a campaign's form: what the callback
 * needs to check the answer (state as SHA-256, nonce, PKCE verifier). Deleted when the callback
 * takes it, worthless after `expires_at` (10 minutes).
 */
export const idportenLogins = pgTable(
  "idporten_logins",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    stateHash: text("state_hash").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("idporten_logins_state").on(t.stateHash), index("idporten_logins_expires").on(t.expiresAt)],
);

/**
 * What ID-porten verified of a student (the `pid` claim and the name), kept for 30 minutes under a
 * one-time token (only its SHA-256 stored) until the form's registration takes it. Never a user or
 * a session. The national ID as everywhere: ciphertext bound to this row, keyed hash.
 */
export const idportenIdentities = pgTable(
  "idporten_identities",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    /** The campaign the sign-in started from: the identity registers there only. */
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    nationalIdEnc: text("national_id_enc").notNull(),
    nationalIdHash: text("national_id_hash").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("idporten_identities_token").on(t.tokenHash),
    index("idporten_identities_expires").on(t.expiresAt),
  ],
);
