import type { ApiError } from "../../../../contracts/common.ts";
import type { RowField } from "../../../../contracts/overviews.ts";
import { errorIssues } from "../../../lib/issues.ts";
import type { CellProblem } from "./cells.ts";

/**
 * The problems of the fields of a refused save, by the paths of the answer's `details.issues`
 * (the server names the field of a row by its key, `startDate`): each issue's message is its
 * problem code; a field the answer names no issue of gets `rows.invalid`. Null when the answer
 * carries no issues.
 */
export function issueProblems(
  details: ApiError["details"],
  fields: RowField[],
): Partial<Record<RowField, CellProblem[]>> | null {
  const issues = errorIssues(details);
  if (!issues) return null;
  const problems: Partial<Record<RowField, CellProblem[]>> = {};
  for (const field of fields) {
    const codes = issues.filter((i) => i.path === field).map((i) => ({ code: i.message }));
    problems[field] = codes.length > 0 ? codes : [{ code: "rows.invalid" }];
  }
  return problems;
}
