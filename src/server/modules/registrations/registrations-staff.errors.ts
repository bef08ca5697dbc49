import { AppError } from "../../shared/errors.ts";

/** Errors of FOU's and the coordinators' side of registration: lists, matching, HR transfer. */
export const campaignNotFound = () => new AppError("campaign.not_found", 404, "The campaign was not found.");
export const registrationNotFound = () =>
  new AppError("registration.not_found", 404, "The registration was not found.");
export const matchPersonNotFound = () =>
  new AppError("registration.person_not_found", 404, "The person was not found.", { field: "personId" });
export const matchRowNotFound = () =>
  new AppError("registration.row_not_found", 404, "The row was not found at the campaign's institution.", {
    field: "rowId",
  });
export const rowWithoutPerson = () =>
  new AppError("registration.row_without_person", 409, "The row has no person to match to.", { field: "rowId" });
export const notMatched = () =>
  new AppError("registration.not_matched", 409, "The registration is not matched to anyone.");
export const nothingToConfirm = () =>
  new AppError("registration.nothing_to_confirm", 409, "The registration has nothing waiting for confirmation.");
export const hrTransferNotReady = (personIds: string[]) =>
  new AppError("hr_transfer.not_ready", 400, "Some of the persons are not ready for the HR transfer.", {
    issues: [{ path: "personIds", message: "hr_transfer.not_ready" }],
    personIds,
  });
export const hrTransferExportNotFound = () =>
  new AppError("hr_transfer.export_not_found", 404, "The export was not found.", { field: "exportId" });
