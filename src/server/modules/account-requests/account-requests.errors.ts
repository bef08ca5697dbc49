import { AppError } from "../../shared/errors.ts";

export const accountRequestNotFound = () =>
  new AppError("account_requests.not_found", 404, "The account request was not found.");
export const alreadyDecided = () =>
  new AppError("account_requests.decided", 409, "The request has already been approved or declined.");
export const unknownTrust = () => new AppError("trusts.not_found", 404, "The trust was not found.");
export const institutionNotAtTrust = () =>
  new AppError("account_requests.no_agreement", 400, "The trust has no agreement with this institution.");
export const invitationInvalid = () =>
  new AppError(
    "invitations.invalid",
    400,
    "The link has expired or has been used. Ask your administrator for a new one.",
  );
