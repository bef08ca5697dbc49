import type { statusReportFields } from "../../../contracts/orders.ts";
import { AppError } from "../../shared/errors.ts";

/** Errors of the ordering portal's status report (`status_import.*`). */

/** A column the trust's mapping names, and the report needs, is not in the file's header row: a changed layout. */
export const statusColumnMissing = (header: string, field: (typeof statusReportFields)[number]) =>
  new AppError(
    "status_import.column_missing",
    400,
    `The file has no column "${header}". Upload the ordering portal's status report, or have an admin map the trust's status report columns.`,
    { header, field, issues: [{ path: "file", message: "status_import.column_missing" }] },
  );
