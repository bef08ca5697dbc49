import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A person at the test identity provider: their `sub` and the claims it releases. */
export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  /** ID-porten's national ID claim. */
  pid?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 with a random port and one registered
 * client. Its login and consent are completed without pages: `signIn` plays the browser, following
 * the redirects with its own cookie jar, and signs in as the account given.
 */
export async function startTestProvider(client: { clientId: string; clientSecret: string; redirectUri: string }) {
  const accounts = new Map<string, TestAccount>();
  /** The account the next login interaction signs in as. */
  let loginAs: string | null = null;
  // biome-ignore lint/suspicious/noExplicitAny: oidc-provider has no types
  let provider: any;

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      if (!loginAs) throw new Error("no account to sign in as");
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: loginAs } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  const server = createServer((req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(req, res).catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    cookies: { keys: ["oidc-test-cookie-key"] },
    claims: {
      openid: ["sub", "pid"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ ...account }) };
    },
  });
  // Quiet: the provider reports refused requests (a replayed code) as events, not to the console.
  provider.on("server_error", (_ctx: unknown, err: Error) => console.error("oidc-provider:", err));

  /** Follows redirects from `url` with a fresh cookie jar until one leads to the redirect URI; answers that URL. */
  async function signIn(url: string, account: TestAccount): Promise<URL> {
    accounts.set(account.sub, account);
    loginAs = account.sub;
    const jar = new Map<string, string>();
    let next = new URL(url);
    for (let hop = 0; hop < 12; hop++) {
      if (next.href.startsWith(client.redirectUri)) return next;
      const res = await fetch(next, {
        redirect: "manual",
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const header of res.headers.getSetCookie()) {
        const [pair] = header.split(";");
        const at = (pair as string).indexOf("=");
        const name = (pair as string).slice(0, at);
        const value = (pair as string).slice(at + 1);
        if (value === "" || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
        else jar.set(name, value);
      }
      const location = res.headers.get("location");
      if (!location) throw new Error(`no redirect from ${next.href}: ${res.status} ${await res.text()}`);
      next = new URL(location, next);
    }
    throw new Error("too many redirects");
  }

  return {
    issuer,
    accounts,
    signIn,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;
