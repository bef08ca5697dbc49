import { AppError } from "../../shared/errors.ts";

/** Errors of campaigns and the public registration form (`campaign.*`, `registration.*`). */
export const campaignNotFound = () => new AppError("campaign.not_found", 404, "The campaign was not found.");
export const campaignSheetMismatch = () =>
  new AppError(
    "campaign.sheet_mismatch",
    400,
    "The sheet is not in the document, or the document is not the institution's.",
    {
      field: "sheetId",
    },
  );
export const campaignDeadlinePast = () =>
  new AppError("campaign.deadline_past", 400, "The deadline is in the past.", { field: "deadline" });
export const personalLinkTooLong = () =>
  new AppError("campaign.personal_link_too_long", 400, "A personal link lasts at most 60 days, from today.", {
    field: "validUntil",
  });
/** An unknown or expired public link: the same answer for every kind of token. */
export const linkNotFound = () => new AppError("registration.link_not_found", 404, "The link is not valid.");
export const campaignClosed = () =>
  new AppError("registration.campaign_closed", 409, "The registration for this campaign is closed.");
export const registrationNotEditable = () =>
  new AppError("registration.not_editable", 409, "The deadline has passed: the details can no longer be changed.");
/** Too many links nobody issued from one address: wait `retryAfterSeconds`. */
export const tooManyUnknownLinks = (retryAfterSeconds: number) =>
  new AppError("registration.rate_limited", 429, "Too many links that do not work. Wait and try again.", {
    retryAfterSeconds,
  });
