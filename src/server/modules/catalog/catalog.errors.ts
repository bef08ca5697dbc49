import { AppError } from "../../shared/errors.ts";

export const professionNotFound = () => new AppError("professions.not_found", 404, "The profession was not found.");
export const programmeNotFound = () => new AppError("programmes.not_found", 404, "The programme was not found.");
export const placementSiteNotFound = () =>
  new AppError("placement_sites.not_found", 404, "The placement site was not found.");
export const nameTaken = () => new AppError("catalog.name_taken", 409, "Something with this name already exists.");
export const inUse = () => new AppError("catalog.in_use", 409, "It is still in use and cannot be deleted.");
export const institutionWithoutAgreement = () =>
  new AppError("programmes.no_agreement", 400, "The trust has no agreement with this institution.");
