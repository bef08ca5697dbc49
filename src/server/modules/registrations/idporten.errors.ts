import { AppError, validationFailed } from "../../shared/errors.ts";

export const idportenCampaignNotFound = () =>
  new AppError("idporten.campaign_not_found", 404, "The registration link was not found.");
export const idportenIdentityNotFound = () =>
  new AppError("idporten.identity_not_found", 404, "The ID-porten sign-in was used already or has expired.");
/** A registration whose ID-porten sign-in is unknown, used or expired: the student signs in again. */
export const idportenTokenInvalid = () =>
  validationFailed([{ path: "idportenToken", message: "idporten.identity_not_found" }]);
