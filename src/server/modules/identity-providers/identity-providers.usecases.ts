import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  createIdentityProviderBody,
  IdentityProvider,
  IdentityProviderKind,
  SignInProvider,
  updateIdentityProviderBody,
} from "../../../contracts/identity-providers.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { CipherPlace, DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { OidcAdapter, OidcClaims, OidcProviderSettings } from "../../shared/oidc.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { type AuthUsecases, hashToken } from "../auth/auth.public.ts";
import { identityProviderNotFound, oidcFailure } from "./identity-providers.errors.ts";
import { createIdentityProvidersRepository } from "./identity-providers.repository.ts";
import type { identityProviders } from "./identity-providers.table.ts";

/** Where a provider's client secret is stored: its ciphertext decrypts only there. */
export const secretPlace = (id: string): CipherPlace => ({
  table: "identity_providers",
  column: "client_secret_encrypted",
  id,
});

/** How long a started sign-in may take at the provider. */
export const oidcLoginTtlMs = 10 * 60_000;

type ProviderRow = typeof identityProviders.$inferSelect;

/**
 * The person's e-mail from the provider's claims: `email` (unless the provider says it is not
 * verified); Entra ID often has it only as `preferred_username` or `upn`.
 */
export function emailFromClaims(kind: IdentityProviderKind, claims: Record<string, unknown>): string | null {
  const candidates = [claims.email_verified === false ? undefined : claims.email];
  if (kind === "entra_id") candidates.push(claims.preferred_username, claims.upn);
  for (const c of candidates) {
    if (typeof c === "string" && /^[^\s@]+@[^\s@]+$/.test(c.trim())) return c.trim().toLowerCase();
  }
  return null;
}

export function createIdentityProvidersUsecases(deps: {
  db: Db;
  clock: Clock;
  crypto: DataCrypto;
  oidc: OidcAdapter;
  auth: AuthUsecases;
  /** PUBLIC_URL + /api/auth/oidc/callback: registered at every staff provider. */
  redirectUri: string;
  /** PUBLIC_URL + /api/public/idporten/callback: registered at ID-porten. */
  idportenRedirectUri: string;
}) {
  const { db, clock, crypto, oidc, auth, redirectUri, idportenRedirectUri } = deps;
  const repo = createIdentityProvidersRepository({ db });

  const view = (row: ProviderRow): IdentityProvider => ({
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    enabled: row.enabled,
    redirectUri: row.kind === "idporten" ? idportenRedirectUri : redirectUri,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });

  const settingsOf = (row: ProviderRow): OidcProviderSettings => ({
    id: row.id,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: crypto.decrypt(row.clientSecretEncrypted, secretPlace(row.id)),
    version: String(row.updatedAt.getTime()),
  });

  return {
    /** Enabled providers of every trust: the buttons of the sign-in page. */
    async listForSignIn(): Promise<SignInProvider[]> {
      return (await repo.listEnabled()).flatMap((p) => (p.kind === "idporten" ? [] : [{ ...p, kind: p.kind }]));
    },

    /**
     * The trust's enabled ID-porten provider as the OIDC adapter needs it (its secret decrypted), or
     * null when the trust has none: only the students' public form uses it.
     */
    async idportenSettings(trustId: string): Promise<OidcProviderSettings | null> {
      const row = await repo.findIdporten(trustId);
      return row ? settingsOf(row) : null;
    },

    async list(actor: Actor): Promise<IdentityProvider[]> {
      const trustId = requirePolicy(actor, "identityProviders.manage");
      return (await repo.listForTrust(trustId)).map(view);
    },

    async create(actor: Actor, input: z.infer<typeof createIdentityProviderBody>): Promise<IdentityProvider> {
      const trustId = requirePolicy(actor, "identityProviders.manage");
      return db.transaction(async (tx) => {
        const id = randomUUID();
        const row = await createIdentityProvidersRepository({ db: tx }).create({
          id,
          trustId,
          kind: input.kind,
          displayName: input.displayName,
          issuer: input.issuer,
          clientId: input.clientId,
          clientSecretEncrypted: crypto.encrypt(input.clientSecret, secretPlace(id)),
          enabled: input.enabled,
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "identity_provider",
          entityId: row.id,
          action: "create",
          fields: ["kind", "display_name", "issuer", "client_id", "client_secret", "enabled"],
        });
        return view(row);
      });
    },

    async update(
      actor: Actor,
      id: string,
      input: z.infer<typeof updateIdentityProviderBody>,
    ): Promise<IdentityProvider> {
      const trustId = requirePolicy(actor, "identityProviders.manage");
      return db.transaction(async (tx) => {
        const r = createIdentityProvidersRepository({ db: tx });
        const before = await r.findInTrust(trustId, id);
        if (!before) throw identityProviderNotFound();
        const fields: string[] = [];
        const changes: Partial<typeof identityProviders.$inferInsert> = {};
        const plain = [
          ["kind", "kind"],
          ["displayName", "display_name"],
          ["issuer", "issuer"],
          ["clientId", "client_id"],
          ["enabled", "enabled"],
        ] as const;
        for (const [key, column] of plain) {
          const value = input[key];
          if (value !== undefined && value !== before[key]) {
            Object.assign(changes, { [key]: value });
            fields.push(column);
          }
        }
        if (input.clientSecret !== undefined) {
          changes.clientSecretEncrypted = crypto.encrypt(input.clientSecret, secretPlace(id));
          fields.push("client_secret");
        }
        if (fields.length === 0) return view(before);
        const row = await r.update(id, changes);
        await writeAudit(tx, auditContext(actor), {
          entity: "identity_provider",
          entityId: id,
          action: "update",
          fields,
        });
        return view(row);
      });
    },

    /** Removes the provider with the identities linked through it and the sign-ins under way. */
    async remove(actor: Actor, id: string): Promise<void> {
      const trustId = requirePolicy(actor, "identityProviders.manage");
      await db.transaction(async (tx) => {
        const r = createIdentityProvidersRepository({ db: tx });
        if (!(await r.findInTrust(trustId, id))) throw identityProviderNotFound();
        await r.remove(id);
        await writeAudit(tx, auditContext(actor), { entity: "identity_provider", entityId: id, action: "delete" });
      });
    },

    /**
     * Starts a sign-in: remembers state (hashed), nonce and PKCE verifier for ten minutes and answers
     * where to send the browser, and the state the browser must bring back.
     */
    async startSignIn(input: { providerId: string; returnTo: string | undefined }) {
      const provider = await repo.find(input.providerId);
      if (!provider?.enabled || provider.kind === "idporten") {
        throw oidcFailure("oidc.provider_unavailable", "unknown, disabled or not a staff provider");
      }
      const secrets = oidc.newLoginSecrets();
      let url: URL;
      try {
        url = await oidc.authorizationUrl(settingsOf(provider), redirectUri, secrets);
      } catch (err) {
        throw oidcFailure("oidc.provider_unavailable", `discovery failed: ${(err as Error).message}`);
      }
      const now = clock.now();
      await repo.deleteExpiredLogins(now);
      await repo.createLogin({
        providerId: provider.id,
        stateHash: hashToken(secrets.state),
        nonce: secrets.nonce,
        codeVerifier: secrets.codeVerifier,
        returnTo: input.returnTo ?? "/",
        createdAt: now,
        expiresAt: new Date(now.getTime() + oidcLoginTtlMs),
      });
      return { url: url.href, state: secrets.state };
    },

    /**
     * Completes a sign-in from the provider's answer: the state must be this browser's and unused,
     * the code is exchanged with the PKCE verifier and the ID token's nonce checked. A person is found
     * by the identity linked before, or on the first sign-in by e-mail among the active people with a
     * role at the provider's trust (and then linked). Opens a session at that trust.
     */
    async completeSignIn(input: {
      query: { code?: string; state?: string; error?: string };
      /** The query string exactly as the provider sent it, "?" included. */
      search: string;
      /** The state this browser started with (its short-lived cookie). */
      browserState: string | undefined;
      requestId: string;
    }) {
      const { state, code, error } = input.query;
      if (!state || !input.browserState || state !== input.browserState) {
        throw oidcFailure("oidc.state_invalid", "state missing or not this browser's");
      }
      const login = await repo.takeLogin(hashToken(state));
      const now = clock.now();
      if (!login || login.expiresAt.getTime() <= now.getTime()) {
        throw oidcFailure("oidc.state_invalid", login ? "sign-in expired" : "unknown or used state");
      }
      if (error) throw oidcFailure(error === "access_denied" ? "oidc.cancelled" : "oidc.failed", `provider: ${error}`);
      if (!code) throw oidcFailure("oidc.failed", "no code");
      const provider = await repo.find(login.providerId);
      if (!provider?.enabled || provider.kind === "idporten") {
        throw oidcFailure("oidc.provider_unavailable", "provider removed, disabled or not a staff provider");
      }

      const callbackUrl = new URL(redirectUri);
      callbackUrl.search = input.search;
      let claims: OidcClaims;
      try {
        claims = await oidc.exchangeCode(settingsOf(provider), callbackUrl, {
          state,
          nonce: login.nonce,
          codeVerifier: login.codeVerifier,
        });
      } catch (err) {
        throw oidcFailure("oidc.failed", `code exchange failed: ${(err as Error).message}`);
      }
      const email = emailFromClaims(provider.kind, claims);

      const token = await db.transaction(async (tx) => {
        const r = createIdentityProvidersRepository({ db: tx });
        const identity = await r.findIdentity(provider.id, claims.sub);
        let user: Awaited<ReturnType<typeof r.findUser>>;
        if (identity) {
          user = await r.findUser(identity.userId);
        } else {
          if (!email) throw oidcFailure("oidc.failed", "no e-mail claim");
          user = await r.findUserByEmail(email);
        }
        if (!user) throw oidcFailure("oidc.unknown_user", "no person with this e-mail");
        if (user.deactivatedAt) throw oidcFailure("oidc.user_deactivated", "person deactivated");
        if (!(await r.hasMembership(user.id, provider.trustId))) {
          throw oidcFailure("oidc.unknown_user", "no role at the provider's trust");
        }
        if (identity) {
          await r.touchIdentity(identity.id, now);
        } else {
          const linked = await r.linkIdentity({ userId: user.id, providerId: provider.id, subject: claims.sub });
          await writeAudit(
            tx,
            { actorId: user.id, trustId: provider.trustId, requestId: input.requestId },
            { entity: "user_identity", entityId: linked.id, action: "link", fields: ["provider_id", "subject"] },
          );
        }
        return auth.openSession(tx, { userId: user.id, activeTrustId: provider.trustId, requestId: input.requestId });
      });
      return { token, returnTo: login.returnTo };
    },
  };
}
export type IdentityProvidersUsecases = ReturnType<typeof createIdentityProvidersUsecases>;
