import { AppError } from "../../shared/errors.ts";

export const institutionNotFound = () => new AppError("institutions.not_found", 404, "The institution was not found.");
export const agreementNotFound = () => new AppError("agreements.not_found", 404, "The agreement was not found.");
export const agreementExists = () =>
  new AppError("agreements.exists", 409, "The trust already has an agreement with this institution.");
export const institutionNameTaken = () =>
  new AppError("institutions.name_taken", 409, "An institution with this name or short name already exists.");
export const contactNotStudentAdmin = () =>
  new AppError(
    "agreements.contact_not_student_admin",
    400,
    "A contact person must be a student administrator at the trust.",
  );
export const agreementInUse = () =>
  new AppError("agreements.in_use", 409, "The institution still has coordinators or programmes at this trust.");
