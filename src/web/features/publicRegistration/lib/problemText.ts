import type { TFunction } from "i18next";
import type { ApiError } from "../../../../contracts/common.ts";
import { isApiError } from "../../../lib/api.ts";
import { errorIssues } from "../../../lib/issues.ts";
import { problemText } from "../../../lib/problems.ts";
import type { FieldProblem } from "./formRules.ts";

const problemCode = /^[a-z_]+\.[a-z_]+$/;

/** The text of a field's problem, in the page's language. */
export function fieldProblemText(t: TFunction, problem: FieldProblem): string {
  return problemText(t, problem.code, undefined, problem.details);
}

/**
 * The server's refusal field by field (its `details.issues`, by the field's path): a problem code
 * gets its text, an English message the field's generic one. Empty for an answer without issues.
 */
export function serverProblems(t: TFunction, error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const result: Record<string, string> = {};
  for (const { path, message } of errorIssues(error.details as ApiError["details"]) ?? []) {
    const field = path.split(".")[0];
    if (!field || result[field]) continue;
    result[field] = problemCode.test(message) ? fieldProblemText(t, { code: message }) : t("errors.fieldInvalid");
  }
  return result;
}
