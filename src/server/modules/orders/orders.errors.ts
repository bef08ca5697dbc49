import type { OrderRowCheck } from "../../../contracts/orders.ts";
import { AppError } from "../../shared/errors.ts";

/** The field of the request an error is about, as `details.issues` names it. */
const at = (path: string, code: string) => ({ issues: [{ path, message: code }] });

export const orderNotFound = () => new AppError("orders.not_found", 404, "The order was not found.");
export const orderSheetNotFound = () =>
  new AppError("orders.sheet_not_found", 404, "The sheet was not found.", at("sheetId", "orders.sheet_not_found"));
export const sheetNotSubmitted = () =>
  new AppError("orders.sheet_not_submitted", 409, "Only a submitted sheet's rows are ordered.");
/** Row ids that are not rows of the sheet. */
export const unknownRows = (rowIds: string[] = []) =>
  new AppError("orders.unknown_rows", 400, "Some rows are not rows of the sheet.", {
    ...at("rowIds", "orders.unknown_rows"),
    rowIds,
    count: rowIds.length,
  });
/** Rows that may not be ordered: nothing is saved; the report says why for each row. */
export const rowsRefused = (rows: OrderRowCheck[] = []) =>
  new AppError("orders.rows_refused", 409, "Some rows may not be ordered: order only the ready ones.", {
    count: rows.filter((r) => r.outcome === "refused").length,
    rows,
  });
/** Rows with warnings, not accepted (`acceptWarnings`). */
export const warningsNotAccepted = (rows: OrderRowCheck[] = []) =>
  new AppError("orders.warnings_not_accepted", 409, "Some rows have warnings: accept them to order.", {
    count: rows.filter((r) => r.outcome === "warning").length,
    rows,
  });
/** The rows asked for would give no line (every system already ordered). */
export const nothingToOrder = () => new AppError("orders.nothing_to_order", 409, "The rows give nothing to order.");
/** An order that is no longer a draft (marked ordered or cancelled): its current state in `details.state`. */
export const orderNotDraft = (state = "ordered") =>
  new AppError("orders.not_draft", 409, "The order is no longer a draft.", { state });
export const referenceTaken = () =>
  new AppError(
    "orders.reference_taken",
    409,
    "Another order of the trust has this reference.",
    at("reference", "orders.reference_taken"),
  );
