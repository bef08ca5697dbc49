import { randomBytes, randomUUID } from "node:crypto";
import type { IdportenIdentity } from "../../../contracts/registrations-public.ts";
import { maskNationalId, validateNationalId } from "../../../domain/national-id.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { OidcAdapter, OidcClaims } from "../../shared/oidc.ts";
import type { IdentityProvidersUsecases } from "../identity-providers/identity-providers.public.ts";
import { trustSettingsOf } from "../trusts/trusts.public.ts";
import { idportenCampaignNotFound, idportenIdentityNotFound } from "./idporten.errors.ts";
import { idportenFailure } from "./idporten-failure.ts";
import {
  createIdportenRepository,
  idportenIdentityTtlMs,
  idportenLoginTtlMs,
  idportenNationalIdPlace,
  sha256,
} from "./idporten-identities.ts";

/** ID-porten releases the name with `profile`; `pid` comes with `openid`. */
const idportenScope = "openid profile";

/** The student's name from the claims: `given_name` and `family_name`, else `name` split at its last space. */
export function nameFromClaims(claims: Record<string, unknown>): { firstName: string; lastName: string } | null {
  const given = typeof claims.given_name === "string" ? claims.given_name.trim() : "";
  const family = typeof claims.family_name === "string" ? claims.family_name.trim() : "";
  if (given && family) return { firstName: given, lastName: family };
  const name = typeof claims.name === "string" ? claims.name.trim().replace(/\s+/g, " ") : "";
  const at = name.lastIndexOf(" ");
  if (at <= 0) return null;
  return { firstName: name.slice(0, at), lastName: name.slice(at + 1) };
}

/**
 * "Logg inn med ID-porten" on the students' public form: OIDC code flow with PKCE against the
 * trust's `idporten` provider. It never creates a user or a session: what ID-porten verified waits
 * 30 minutes under a one-time token for the form's registration to take it.
 */
export function createIdportenUsecases(deps: {
  db: Db;
  clock: Clock;
  crypto: DataCrypto;
  oidc: OidcAdapter;
  identityProviders: IdentityProvidersUsecases;
  /** PUBLIC_URL + /api/public/idporten/callback. */
  redirectUri: string;
}) {
  const { db, clock, crypto, oidc, identityProviders, redirectUri } = deps;
  const repo = createIdportenRepository({ db });

  return {
    /** Where the form of a campaign (or personal link) `token` starts "Logg inn med ID-porten"; null when the trust has none. */
    async startUrl(trustId: string, token: string): Promise<string | null> {
      return (await identityProviders.idportenSettings(trustId)) ? `/api/public/campaigns/${token}/idporten` : null;
    },

    /** Starts a sign-in from a campaign's (or personal link's) form: where to send the browser, and its state. */
    async start(campaignToken: string) {
      const campaign = await repo.findCampaignByToken(campaignToken);
      if (!campaign) throw idportenCampaignNotFound();
      const settings = await identityProviders.idportenSettings(campaign.trustId);
      if (!settings) throw idportenFailure("idporten.unavailable", "the trust has no enabled ID-porten");
      const secrets = oidc.newLoginSecrets();
      let url: URL;
      try {
        url = await oidc.authorizationUrl(settings, redirectUri, secrets, idportenScope);
      } catch (err) {
        throw idportenFailure("idporten.unavailable", `discovery failed: ${(err as Error).message}`);
      }
      const now = clock.now();
      await repo.createLogin(
        {
          providerId: settings.id,
          campaignId: campaign.id,
          stateHash: sha256(secrets.state),
          nonce: secrets.nonce,
          codeVerifier: secrets.codeVerifier,
          createdAt: now,
          expiresAt: new Date(now.getTime() + idportenLoginTtlMs),
        },
        now,
      );
      return { url: url.href, state: secrets.state };
    },

    /**
     * Completes a sign-in from ID-porten's answer: the state must be this browser's and unused, the
     * code is exchanged with the PKCE verifier, the `pid` claim checked as a national ID (with the
     * trust's test mode). Answers the one-time token the form takes the identity with.
     */
    async complete(input: {
      query: { code?: string; state?: string; error?: string };
      /** The query string exactly as ID-porten sent it, "?" included. */
      search: string;
      browserState: string | undefined;
    }): Promise<string> {
      const { state, code, error } = input.query;
      if (!state || !input.browserState || state !== input.browserState) {
        throw idportenFailure("idporten.state_invalid", "state missing or not this browser's");
      }
      const login = await repo.takeLogin(sha256(state));
      const now = clock.now();
      if (!login || login.expiresAt.getTime() <= now.getTime()) {
        throw idportenFailure("idporten.state_invalid", login ? "sign-in expired" : "unknown or used state");
      }
      if (error) {
        throw idportenFailure(
          error === "access_denied" ? "idporten.cancelled" : "idporten.failed",
          `idporten: ${error}`,
        );
      }
      if (!code) throw idportenFailure("idporten.failed", "no code");
      const campaign = await repo.findCampaign(login.campaignId);
      const settings = campaign ? await identityProviders.idportenSettings(campaign.trustId) : null;
      if (!campaign || settings?.id !== login.providerId) {
        throw idportenFailure("idporten.unavailable", "campaign or provider removed or disabled");
      }
      const callbackUrl = new URL(redirectUri);
      callbackUrl.search = input.search;
      let claims: OidcClaims;
      try {
        claims = await oidc.exchangeCode(settings, callbackUrl, {
          state,
          nonce: login.nonce,
          codeVerifier: login.codeVerifier,
        });
      } catch (err) {
        throw idportenFailure("idporten.failed", `code exchange failed: ${(err as Error).message}`);
      }
      const { testMode } = await trustSettingsOf(db, campaign.trustId);
      const pid = typeof claims.pid === "string" ? validateNationalId(claims.pid, { testMode }) : null;
      if (!pid?.ok) throw idportenFailure("idporten.failed", "no valid pid claim");
      const name = nameFromClaims(claims);
      if (!name) throw idportenFailure("idporten.failed", "no name claims");
      const id = randomUUID();
      const token = randomBytes(32).toString("base64url");
      await repo.createIdentity(
        {
          id,
          trustId: campaign.trustId,
          campaignId: campaign.id,
          tokenHash: sha256(token),
          nationalIdEnc: crypto.encrypt(pid.value, idportenNationalIdPlace(id)),
          nationalIdHash: crypto.hash(pid.value),
          ...name,
          createdAt: now,
          expiresAt: new Date(now.getTime() + idportenIdentityTtlMs),
        },
        now,
      );
      return token;
    },

    /** What ID-porten verified, for the form to show (masked); the token stays usable. */
    async identity(token: string): Promise<IdportenIdentity> {
      const row = await repo.peekIdentity(token, clock.now());
      if (!row) throw idportenIdentityNotFound();
      return {
        firstName: row.firstName,
        lastName: row.lastName,
        nationalIdMasked: maskNationalId(crypto.decrypt(row.nationalIdEnc, idportenNationalIdPlace(row.id))),
      };
    },
  };
}
export type IdportenUsecases = ReturnType<typeof createIdportenUsecases>;
