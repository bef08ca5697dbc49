import { AppError } from "../../shared/errors.ts";

export const invalidCredentials = () =>
  new AppError("auth.invalid_credentials", 401, "The e-mail address or password is wrong.");
/** Too many failed sign-ins: the next attempt is checked after `retryAfterSeconds` (the Retry-After header). */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      "auth.rate_limited",
      429,
      `Too many failed sign-ins. Wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"} and try again.`,
      { retryAfterSeconds },
    );
  }
}
export const rateLimited = (retryAfterSeconds: number) => new RateLimited(retryAfterSeconds);
export const badOrigin = () => new AppError("auth.bad_origin", 403, "The request came from another site.");
export const notAMember = () => new AppError("trusts.not_found", 404, "The trust was not found.");
