import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { DataCrypto } from "../../shared/crypto.ts";

/**
 * The single-purpose tokens of registration: 32 random bytes (base64url) handed out once, of which
 * only the SHA-256 is stored. A campaign's public token is not random but a keyed hash of its id and
 * salt, so FOU and the coordinator can be shown the same link again without storing it.
 */
export const newToken = () => randomBytes(32).toString("base64url");
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");
export const newSalt = () => randomUUID();

/** The campaign's public token (43 base64url characters, 256 bits). */
export const campaignToken = (crypto: DataCrypto, campaignId: string, salt: string) =>
  crypto.hash(`campaign-link:${campaignId}:${salt}`);

/** Whether a string can be a token at all (anything else is 404 without a look-up). */
export const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The web app's public pages. */
export const publicPaths = {
  campaign: (token: string) => `/registrer/${token}`,
  confirm: (token: string) => `/registrer/bekreft/${token}`,
  personal: (token: string) => `/registrer/min/${token}`,
};
