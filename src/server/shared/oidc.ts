import * as client from "openid-client";

/**
 * The identity-provider adapter: OpenID Connect authorization code flow with PKCE (S256), state
 * and nonce, through openid-client. Everything a sign-in needs between the two requests is kept by
 * the caller (in the database), so any instance can take the callback; the discovered provider
 * metadata is only a cache.
 */
export interface OidcProviderSettings {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes whenever the settings change (the row's updated_at), so a cached discovery is not reused. */
  version: string;
}

export interface OidcLoginSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Claims of the verified ID token, completed from the userinfo endpoint when it had no e-mail. */
export type OidcClaims = Record<string, unknown> & { sub: string };

export interface OidcAdapter {
  newLoginSecrets(): OidcLoginSecrets;
  /**
   * Where to send the browser; discovers the provider first (throws when it cannot be reached).
   * `scope` defaults to `openid email profile` (staff); ID-porten asks for `openid profile`.
   */
  authorizationUrl(
    provider: OidcProviderSettings,
    redirectUri: string,
    secrets: OidcLoginSecrets,
    scope?: string,
  ): Promise<URL>;
  /**
   * Checks the authorization response in `callbackUrl` (the registered redirect URI with the query the
   * provider sent) against the state, exchanges the code with the PKCE verifier and checks the ID
   * token, its nonce included. Throws on any failure.
   */
  exchangeCode(provider: OidcProviderSettings, callbackUrl: URL, secrets: OidcLoginSecrets): Promise<OidcClaims>;
}

const staffScope = "openid email profile";
const cacheMs = 15 * 60_000;
const timeoutSeconds = 10;
const emailClaims = ["email", "preferred_username", "upn"];

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

export function createOidcAdapter(): OidcAdapter {
  const cache = new Map<string, { config: client.Configuration; at: number }>();

  async function configurationOf(p: OidcProviderSettings): Promise<client.Configuration> {
    const key = `${p.id}:${p.version}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < cacheMs) return hit.config;
    const issuer = new URL(p.issuer);
    // Plain http only for a provider on this machine (development and tests); the contract refuses others.
    const insecure = issuer.protocol === "http:" && isLoopback(issuer);
    const options = { timeout: timeoutSeconds, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) };
    // client_secret_post (what Entra ID documents), or client_secret_basic when the provider offers only that.
    let config = await client.discovery(
      issuer,
      p.clientId,
      p.clientSecret,
      client.ClientSecretPost(p.clientSecret),
      options,
    );
    const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
    if (methods && !methods.includes("client_secret_post") && methods.includes("client_secret_basic")) {
      config = new client.Configuration(
        config.serverMetadata(),
        p.clientId,
        p.clientSecret,
        client.ClientSecretBasic(p.clientSecret),
      );
      if (insecure) client.allowInsecureRequests(config);
      config.timeout = timeoutSeconds;
    }
    for (const [k] of cache) if (k.startsWith(`${p.id}:`)) cache.delete(k);
    cache.set(key, { config, at: Date.now() });
    return config;
  }

  return {
    newLoginSecrets: () => ({
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    }),

    async authorizationUrl(p, redirectUri, secrets, scope = staffScope) {
      const config = await configurationOf(p);
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope,
        response_type: "code",
        state: secrets.state,
        nonce: secrets.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: "S256",
      });
    },

    async exchangeCode(p, callbackUrl, secrets) {
      const config = await configurationOf(p);
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error("The provider sent no ID token.");
      const claims: OidcClaims = { ...idToken };
      // Some providers (Feide) put the e-mail in the userinfo answer only.
      if (!emailClaims.some((c) => typeof claims[c] === "string") && config.serverMetadata().userinfo_endpoint) {
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        for (const [k, v] of Object.entries(userinfo)) if (!(k in claims)) claims[k] = v;
      }
      return claims;
    },
  };
}
