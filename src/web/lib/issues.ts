import { z } from "zod";
import { type ApiError, type ErrorIssue, errorIssueSchema } from "../../contracts/common.ts";

const issuesSchema = z.array(errorIssueSchema);

/**
 * The refused values of an error answer (`details.issues`), each with the dotted path of its field
 * in the request as the server names it (`email`, `firstAdmin.name`, `rows.0.lastName`). Null when
 * the answer carries none. Forms and the grid map errors to their fields by these paths alone.
 */
export function errorIssues(details: ApiError["details"]): ErrorIssue[] | null {
  const parsed = issuesSchema.safeParse(details?.issues);
  return parsed.success ? parsed.data : null;
}
