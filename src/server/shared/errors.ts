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
