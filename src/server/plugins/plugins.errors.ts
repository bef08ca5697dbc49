import { AppError } from "../shared/errors.ts";

/** The answers of the error handler and the request guards for errors that are not AppErrors. */
export const duplicate = () => new AppError("conflict.duplicate", 409, "This already exists.");
export const tooManyRequests = () =>
  new AppError("auth.rate_limited", 429, "Too many attempts. Wait a little and try again.");
/** A client error Fastify or a plugin raised; `message` is theirs. */
export const requestInvalid = (status: number, message: string) => new AppError("request.invalid", status, message);
export const fileTooLarge = (status: number, message: string) => new AppError("upload.too_large", status, message);
export const serverError = () => new AppError("server.error", 500, "Something went wrong on our side. Try again.");
export const routeNotFound = (method: string, path: string) =>
  new AppError("route.not_found", 404, `No route ${method} ${path}.`);
export const nulCharacter = (path: string) =>
  new AppError("validation.nul_character", 400, "Text may not contain the NUL character (U+0000).", {
    issues: [{ path, message: "validation.nul_character" }],
  });
