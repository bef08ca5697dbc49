import type { TFunction } from "i18next";
import signInTexts from "../i18n/nb.json?sign-in";
import { isApiError } from "./api.ts";
import { errorIssues } from "./issues.ts";

/**
 * The texts of the error codes (nb is the master: every locale has its keys, locales.test.ts); all
 * of `errors` is among the texts the first load carries.
 */
const codeTexts: Record<string, string> = signInTexts.errors.codes;

export function errorKey(code: string): string {
  return `errors.codes.${code.replaceAll(".", "_")}`;
}

/** Whether the code has its own text under `errors.codes.<code with dots as _>`. */
export function hasCodeText(code: string): boolean {
  return Object.hasOwn(codeTexts, code.replaceAll(".", "_"));
}

/** For errors without a text of their own: a text by the HTTP status. */
const statusTexts: Record<number, string> = {
  403: "errors.codes.auth_forbidden",
  404: "errors.codes.not_found",
  409: "errors.codes.conflict",
  413: "errors.codes.upload_too_large",
};

/**
 * The values of an error's details a text may use ({{name}}, {{max}}); `reason` picks the text's
 * variant (`upload_too_large_unpacked_inflated`, an i18next context).
 */
function textValues(details: Record<string, unknown> | undefined): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (typeof value === "string" || typeof value === "number") values[key] = value;
  }
  if (typeof details?.reason === "string") values.context = details.reason;
  return values;
}

/** The translated message for any thrown error; unknown codes get a text by status or the generic one. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (hasCodeText(error.code)) return t(errorKey(error.code), textValues(error.details));
    const byStatus = statusTexts[error.status];
    if (byStatus) return t(byStatus);
  }
  return t("errors.unknown");
}

export type FieldErrors = Record<string, string>;

/**
 * Field errors from a `validation.failed` answer, keyed by the path of each of its `details.issues`
 * (`email`, `membership.institutionId`: the field's path in the request). The server's messages
 * are English, so each field gets a translated message: the form's own message for that field
 * when it has one, else a generic one.
 */
export function serverFieldErrors(t: TFunction, error: unknown, messages: Record<string, string> = {}): FieldErrors {
  if (!isApiError(error) || error.code !== "validation.failed") return {};
  const result: FieldErrors = {};
  for (const { path } of errorIssues(error.details) ?? []) {
    if (!path || result[path]) continue;
    result[path] = messages[path] ?? t("errors.fieldInvalid");
  }
  return result;
}
