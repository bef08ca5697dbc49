import type { OidcFailureCode } from "../../../contracts/vocabulary.ts";
import { AppError } from "../../shared/errors.ts";

export const identityProviderNotFound = () =>
  new AppError("identity_providers.not_found", 404, "The identity provider was not found.");

/**
 * A sign-in through an identity provider that did not succeed. The routes never answer these as
 * JSON: they send the browser back to the sign-in page with `?feil=<code>`.
 */
export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcFailureCode,
    /** For the log only; never shown to the person. */
    readonly reason: string,
  ) {
    super(reason);
  }
}
export const oidcFailure = (code: OidcFailureCode, reason: string) => new OidcSignInError(code, reason);
