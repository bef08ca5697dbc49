import type { TFunction } from "i18next";
import { isApiError } from "./api.ts";

/** Error codes with their own translation under `errors.codes.<code with dots as _>`. */
export const knownCodes = new Set([
  "auth.invalid_credentials",
  "auth.rate_limited",
  "auth.unauthenticated",
  "auth.forbidden",
  "auth.bad_origin",
  "validation.failed",
  "validation.nul_character",
  "users.not_found",
  "memberships.last",
  "agreements.exists",
  "agreements.not_found",
  "institutions.not_found",
  "institutions.name_taken",
  "catalog.name_taken",
  "catalog.in_use",
  "memberships.not_found",
  "memberships.exists",
  "trusts.name_taken",
  "trusts.not_found",
  "rows.anonymised",
  "persons.merge_same",
  "persons.merge_conflicting_national_ids",
  "persons.merge_anonymised",
  "network.failed",
]);

export function errorKey(code: string): string {
  return `errors.codes.${code.replaceAll(".", "_")}`;
}

/** The translated message for any thrown error; unknown codes get the generic message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (knownCodes.has(error.code)) return t(errorKey(error.code));
    if (error.status === 404) return t("errors.codes.not_found");
    if (error.status === 409) return t("errors.codes.conflict");
    if (error.status === 403) return t("errors.codes.auth_forbidden");
  }
  return t("errors.unknown");
}

export type FieldErrors = Record<string, string>;

/**
 * Field errors from a `validation.failed` answer, keyed by the dotted path of the field
 * (`membership.institutionId`). The server's messages are English, so each field gets a
 * translated message: the form's own message for that field when it has one, else a generic one.
 */
export function serverFieldErrors(t: TFunction, error: unknown, messages: Record<string, string> = {}): FieldErrors {
  if (!isApiError(error) || error.code !== "validation.failed") return {};
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return {};
  const result: FieldErrors = {};
  for (const issue of issues) {
    if (typeof issue !== "object" || issue === null) continue;
    const rawPath = (issue as { path?: unknown }).path;
    const path = Array.isArray(rawPath) ? rawPath.join(".") : typeof rawPath === "string" ? rawPath : "";
    const cleaned = path.replace(/^body\.?/, "");
    if (!cleaned || result[cleaned]) continue;
    result[cleaned] = messages[cleaned] ?? t("errors.fieldInvalid");
  }
  return result;
}
