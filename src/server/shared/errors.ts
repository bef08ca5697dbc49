/**
 * Errors with stable dotted codes. One handler turns them into responses; the web maps the
 * codes to translated messages. `message` is the English fallback for API clients. Every code the
 * server sends is made by a factory in this file or in a module's or plugin's `*.errors.ts`, so a
 * test can collect them all (src/server/error-codes.test.ts).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError("auth.unauthenticated", 401, "Sign in to continue.");
export const forbidden = () => new AppError("auth.forbidden", 403, "Your role may not do this.");
export const validationFailed = (issues: { path: string; message: string }[]) =>
  new AppError("validation.failed", 400, "Some fields are not valid.", { issues });

/** Refusals of a multipart upload (shared/upload.ts), before its file is read. */
export const uploadTooLarge = () =>
  new AppError("upload.too_large", 413, "The file is larger than 10 MB. Remove unused sheets or images and try again.");
export const uploadMissing = () =>
  new AppError("upload.missing", 400, "Attach the file as the multipart field 'file'.", {
    issues: [{ path: "file", message: "required" }],
  });
export const uploadMalformed = () =>
  new AppError(
    "upload.malformed",
    400,
    "The upload could not be read as multipart/form-data (it may have been cut off). Send the file again.",
    { issues: [{ path: "file", message: "malformed" }] },
  );
