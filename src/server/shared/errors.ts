/**
 * Errors with stable dotted codes. One handler turns them into responses; the web maps the
 * codes to translated messages. `message` is the English fallback for API clients.
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
export const notFound = (what = "resource") => new AppError(`${what}.not_found`, 404, `The ${what} was not found.`);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 409, message, details);
export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 400, message, details);
