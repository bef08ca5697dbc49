import type { ExtendRowsResponse } from "../src/contracts/extensions.ts";
import type { Row, Sheet } from "../src/contracts/overviews.ts";
import { addDays } from "../src/domain/dates.ts";
import { ok, type Session } from "./client.ts";

/**
 * Access that follows the placement (issue 14): FOU's bulk extension of a whole sheet's placements
 * (2,000 rows at scale 1) to one later end date, in one transaction and one request; its statement
 * count goes into the report's table. The rows with valid dates are extended to the day after the
 * sheet's latest end (within the period, so within the trust's allowance), a dry run first.
 */
export async function measureBulkExtension(fou: Session, sheetId: string) {
  const { sheet, rows } = JSON.parse((await ok(fou, `/api/sheets/${sheetId}/rows`)).body.toString()) as {
    sheet: Sheet;
    rows: Row[];
  };
  const dated = rows.filter((r) => r.startDate && r.endDate && !r.anonymisedAt);
  const latest = dated.reduce((m, r) => ((r.endDate as string) > m ? (r.endDate as string) : m), sheet.startDate);
  const endDate = addDays([latest, sheet.endDate].sort().at(-1) as string, 1);
  const post = (dryRun: boolean, rowIds: string[]) =>
    ok(fou, `/api/rows/extend${dryRun ? "?dryRun=true" : ""}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rowIds, endDate }),
    });
  const check = JSON.parse(
    (
      await post(
        true,
        dated.map((r) => r.id),
      )
    ).body.toString(),
  ) as ExtendRowsResponse;
  const refused = new Set(check.refused.map((r) => r.rowId));
  const rowIds = dated.map((r) => r.id).filter((id) => !refused.has(id));
  if (rowIds.length === 0) throw new Error("no row of the sheet can be extended");
  const answer = await post(false, rowIds);
  const made = JSON.parse(answer.body.toString()) as ExtendRowsResponse;
  if (made.rows !== rowIds.length) throw new Error(`the extension of ${rowIds.length} rows extended ${made.rows}`);
  return {
    label: `access — bulk extension of ${rowIds.length.toLocaleString("en")} rows (one transaction)`,
    statements: answer.queries ?? -1,
  };
}
