import type { WebcruiterField } from "../../../contracts/hr-transfer.ts";
import { AppError } from "../../shared/errors.ts";

/** Errors of the Webcruiter import (`webcruiter.*`). */

/** A column the trust's mapping requires (names, e-mail, mobile) is not in the file's header row. */
export const webcruiterColumnMissing = (header: string, field: WebcruiterField) =>
  new AppError(
    "webcruiter.column_missing",
    400,
    `The file has no column "${header}". Upload Webcruiter's applicant export, or have an admin map the trust's Webcruiter columns.`,
    { header, field, issues: [{ path: "file", message: "webcruiter.column_missing" }] },
  );
