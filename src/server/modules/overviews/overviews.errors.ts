import { AppError } from "../../shared/errors.ts";

export const overviewNotFound = () => new AppError("overviews.not_found", 404, "The overview was not found.");
export const sheetNotFound = () => new AppError("sheets.not_found", 404, "The sheet was not found.");
export const rowNotFound = () => new AppError("rows.not_found", 404, "The row was not found.");
export const overviewExists = (overviewId: string) =>
  new AppError("overviews.exists", 409, "This student group already has an overview document.", { overviewId });
export const sheetNameTaken = (name: string) =>
  new AppError("sheets.name_taken", 409, `The document already has a sheet named "${name}".`, { name });
export const programmeNotFound = () =>
  new AppError("programmes.not_found", 404, "The study programme was not found at the institution.");
export const institutionRequired = () =>
  new AppError("overviews.institution_required", 400, "Choose the institution of the student group.", {
    issues: [{ path: "institutionId", message: "required" }],
  });
export const copyKindMismatch = () =>
  new AppError("sheets.copy_kind_mismatch", 400, "A sheet can only be copied to a sheet of the same kind.");
export const invalidRow = (issues: { path: string; message: string }[]) =>
  new AppError("rows.invalid", 400, "Some values are not valid.", { issues });
export const rowConflict = (current: unknown) =>
  new AppError(
    "rows.conflict",
    409,
    "Someone else changed this row after you opened it. Compare with the current row and save again.",
    { current },
  );
export const rowAnonymised = () =>
  new AppError(
    "rows.anonymised",
    409,
    "The student's personal data in this row were deleted after the retention period, so the row can no longer be changed, removed or commented on.",
  );
export const versionRequired = () =>
  new AppError("rows.version_required", 400, "Send the version of the row you changed.", {
    issues: [{ path: "version", message: "required" }],
  });
export const sheetHasProblems = (rows: { rowId: string; label: string; codes: string[] }[]) =>
  new AppError("sheets.has_problems", 409, "Fix the rows with errors before submitting the sheet.", { rows });
export const alreadySubmitted = () => new AppError("sheets.already_submitted", 409, "The sheet is already submitted.");
export const invalidPeriods = () =>
  new AppError(
    "import.invalid_periods",
    400,
    "The field 'periods' must be JSON: { sheet name: { startDate, endDate } }.",
    {
      issues: [{ path: "periods", message: "invalid" }],
    },
  );
export const importInProgress = () =>
  new AppError("import.in_progress", 429, "You have an import running already. Wait for its answer, then try again.");
/** What a refused import is told to wait before trying again, in seconds. */
export const busyRetryAfterSeconds = 5;

export const importBusy = () =>
  new AppError("import.busy", 503, "Too many workbooks are being imported right now. Try again in a few seconds.", {
    retryAfterSeconds: busyRetryAfterSeconds,
  });
export const uploadTooComplex = () =>
  new AppError(
    "upload.too_complex",
    413,
    "The workbook needs more memory to read than an import may use. Split it into several files, or remove sheets you do not need, and try again.",
  );
