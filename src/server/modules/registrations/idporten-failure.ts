import type { IdportenFailureCode } from "../../../contracts/registrations-public.ts";

/**
 * A sign-in with ID-porten that did not succeed. The routes never answer these as JSON: they send
 * the browser back to the form with `?idporten-feil=<code>`.
 */
export class IdportenSignInError extends Error {
  constructor(
    readonly code: IdportenFailureCode,
    /** For the log only; never shown to the student. */
    readonly reason: string,
  ) {
    super(reason);
  }
}
export const idportenFailure = (code: IdportenFailureCode, reason: string) => new IdportenSignInError(code, reason);
