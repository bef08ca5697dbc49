import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";

export const identityProviderKindEnum = pgEnum("identity_provider_kind", ["entra_id", "feide", "idporten"]);

/** An organisation's OpenID Connect provider that people of a trust sign in through. */
export const identityProviders = pgTable(
  "identity_providers",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    /** Entra ID for the trust's own staff, Feide for the institutions' staff, ID-porten for the students' form. */
    kind: identityProviderKindEnum("kind").notNull(),
    /** The text of the sign-in button ("Helse Bergen (Entra ID)"). */
    displayName: text("display_name").notNull(),
    /** The issuer identifier; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    /** AES-256-GCM ciphertext (shared/crypto.ts) of the client secret; never returned by the API. */
    clientSecretEncrypted: text("client_secret_encrypted").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("identity_providers_trust").on(t.trustId)],
);

/** A person's account at an identity provider, linked on their first sign-in through it. */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    /** The provider's `sub` claim: stable for the person at that provider. */
    subject: text("subject").notNull(),
    createdAt: createdAt(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("user_identities_subject").on(t.providerId, t.subject),
    index("user_identities_user").on(t.userId),
  ],
);

/**
 * Sign-ins under way: what the callback needs to check the answer, kept in the database so that
 * any instance can take the callback. Deleted when used (a replayed callback finds nothing) and
 * worthless after `expires_at`.
 */
export const oidcLogins = pgTable(
  "oidc_logins",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    /** SHA-256 of the `state` parameter. */
    stateHash: text("state_hash").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    /** A path of this app to go to after signing in. */
    returnTo: text("return_to").notNull().default("/"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("oidc_logins_state").on(t.stateHash), index("oidc_logins_expires").on(t.expiresAt)],
);
