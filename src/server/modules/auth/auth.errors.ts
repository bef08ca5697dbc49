import { AppError } from "../../shared/errors.ts";

export const invalidCredentials = () =>
  new AppError("auth.invalid_credentials", 401, "The e-mail address or password is wrong.");
export const rateLimited = () =>
  new AppError("auth.rate_limited", 429, "Too many failed sign-ins. Wait 15 minutes and try again.");
export const badOrigin = () => new AppError("auth.bad_origin", 403, "The request came from another site.");
export const notAMember = () => new AppError("trusts.not_found", 404, "The trust was not found.");
