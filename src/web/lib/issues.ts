import type { ApiError, ErrorIssue } from "../../contracts/common.ts";

/** One refused value as `errorIssueSchema` (src/contracts/common.ts) has it, checked without Zod. */
const isIssue = (value: unknown): value is ErrorIssue =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as ErrorIssue).path === "string" &&
  typeof (value as ErrorIssue).message === "string";

/**
 * The refused values of an error answer (`details.issues`), each with the dotted path of its field
 * in the request as the server names it (`email`, `firstAdmin.name`, `rows.0.lastName`). Null when
 * the answer carries none. Forms and the grid map errors to their fields by these paths alone.
 */
export function errorIssues(details: ApiError["details"]): ErrorIssue[] | null {
  const issues = details?.issues;
  return Array.isArray(issues) && issues.every(isIssue) ? issues.map(({ path, message }) => ({ path, message })) : null;
}
