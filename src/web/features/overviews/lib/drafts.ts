import type { Row, RowField, Sheet } from "../../../../contracts/overviews.ts";
import { parseDate } from "../../../../domain/dates.ts";
import type { Site } from "../../../../domain/placement-row/context.ts";
import type { CellProblem, CheckContext } from "./cells.ts";

/** A value typed into a cell and not yet saved: its problems, and whether its save is under way. */
export type Draft = { value: string; problems: CellProblem[]; saving: boolean };
/** The drafts of the grid, by row and field. */
export type Drafts = Record<string, Partial<Record<RowField, Draft>>>;

/** The drafts with one cell's draft set, or removed (null). */
export function withDraft(drafts: Drafts, rowId: string, field: RowField, draft: Draft | null): Drafts {
  const forRow = { ...(drafts[rowId] ?? {}) };
  if (draft) forRow[field] = draft;
  else delete forRow[field];
  return { ...drafts, [rowId]: forRow };
}

/** What a cell of `row` is checked against: the sheet, the trust's sites, and the row's placement dates as typed. */
export function checkContextOf(
  sheet: Pick<Sheet, "kind" | "startDate" | "endDate">,
  testMode: boolean,
  sites: Site[],
  row: Row,
  drafts: Drafts,
): CheckContext {
  const startDraft = drafts[row.id]?.startDate?.value;
  const endDraft = drafts[row.id]?.endDate?.value;
  return {
    kind: sheet.kind,
    testMode,
    periodStart: sheet.startDate,
    periodEnd: sheet.endDate,
    sites,
    row,
    startDate: startDraft !== undefined ? parseDate(startDraft) : row.startDate,
    endDate: endDraft !== undefined ? parseDate(endDraft) : row.endDate,
  };
}
