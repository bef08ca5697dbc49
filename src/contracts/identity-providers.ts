import { z } from "zod";
import { text, uuidSchema } from "./common.ts";
import { signInProviderKinds } from "./vocabulary.ts";

/**
 * Entra ID for a trust's own staff, Feide for the institutions' staff; ID-porten only for the
 * students' public registration form (it never signs anyone in here, and is never a sign-in button).
 */
export const identityProviderKinds = ["entra_id", "feide", "idporten"] as const;
export const identityProviderKindSchema = z.enum(identityProviderKinds);
export type IdentityProviderKind = z.infer<typeof identityProviderKindSchema>;

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** An issuer identifier: https, or plain http on this machine only (local development and tests). */
export const issuerSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((v) => {
    const url = new URL(v);
    return url.protocol === "https:" || loopbackHosts.has(url.hostname);
  }, "The issuer must use https.")
  .refine((v) => !new URL(v).search && !new URL(v).hash, "The issuer has no query or fragment.");

/** A button on the sign-in page: `GET /api/auth/oidc/{id}/start` begins the sign-in. */
export const signInProviderSchema = z.object({
  id: uuidSchema,
  trustName: z.string(),
  kind: z.enum(signInProviderKinds),
  displayName: z.string(),
});
export type SignInProvider = z.infer<typeof signInProviderSchema>;

/** Where to go after signing in: a path of this app (never another site). */
export const oidcStartQuery = z.object({
  returnTo: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])[^\s]*$/, "A path of this app, starting with one /.")
    .optional(),
});

/** What the provider sends back to the callback; everything is checked by hand, so all are optional. */
export const oidcCallbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

export const identityProviderSchema = z.object({
  id: uuidSchema,
  kind: identityProviderKindSchema,
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  enabled: z.boolean(),
  /** The redirect URI to register at the provider for this app (ID-porten has its own). */
  redirectUri: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

export const createIdentityProviderBody = z.object({
  kind: identityProviderKindSchema,
  displayName: text(100),
  issuer: issuerSchema,
  clientId: text(500),
  /** Write-only: stored encrypted, never returned. */
  clientSecret: z.string().min(1).max(2000),
  enabled: z.boolean().default(true),
});

/** Fields left out stay; a new client secret replaces the old one. */
export const updateIdentityProviderBody = z.object({
  kind: identityProviderKindSchema.optional(),
  displayName: text(100).optional(),
  issuer: issuerSchema.optional(),
  clientId: text(500).optional(),
  clientSecret: z.string().min(1).max(2000).optional(),
  enabled: z.boolean().optional(),
});
