/**
 * The app's fixed word lists as plain constants, without Zod: the sign-in page and the shell use
 * them, and loading Zod there would put about 29 kB gzip into the first load (docs/performance.md).
 * The schemas over them are in common.ts.
 */
export const roles = ["admin", "student_admin", "coordinator", "it_provider", "ehealth"] as const;
export type Role = (typeof roles)[number];

export const languages = ["nb", "nn", "en"] as const;
export type Language = (typeof languages)[number];

/**
 * The `feil` codes the sign-in page (`/logg-inn?feil=<code>`) gets when a sign-in through an
 * identity provider did not succeed; the web shows a translated message for each.
 */
export const oidcFailureCodes = [
  /** No active person with this e-mail has a role at the provider's trust: ask for access. */
  "oidc.unknown_user",
  /** The person's account here is deactivated. */
  "oidc.user_deactivated",
  /** The sign-in link was used already, expired (10 minutes) or started in another browser: try again. */
  "oidc.state_invalid",
  /** The person cancelled at the provider. */
  "oidc.cancelled",
  /** The provider is unknown, switched off or unreachable. */
  "oidc.provider_unavailable",
  /** Anything else (the provider refused, the answer did not check out, no e-mail claim): try again or use another way. */
  "oidc.failed",
] as const;
export type OidcFailureCode = (typeof oidcFailureCodes)[number];

/** The kinds of identity provider a sign-in button may be (ID-porten never signs anyone in here). */
export const signInProviderKinds = ["entra_id", "feide"] as const;
