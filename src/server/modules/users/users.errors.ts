import { AppError } from "../../shared/errors.ts";

export const userNotFound = () => new AppError("users.not_found", 404, "The user was not found.");
export const membershipNotFound = () => new AppError("memberships.not_found", 404, "The membership was not found.");
export const membershipExists = () => new AppError("memberships.exists", 409, "The person already has this role.");
export const noAgreement = () =>
  new AppError("memberships.no_agreement", 400, "The trust has no agreement with this institution.");
export const lastMembership = () =>
  new AppError("memberships.last", 409, "This is the person's last role at the trust: deactivate the person instead.");
export const cannotDeactivateSelf = () => new AppError("users.self", 409, "You cannot deactivate yourself.");
