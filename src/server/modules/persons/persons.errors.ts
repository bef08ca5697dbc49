import type { NationalIdError } from "../../../domain/national-id.ts";
import { AppError } from "../../shared/errors.ts";

export const personNotFound = () => new AppError("persons.not_found", 404, "The person was not found.");
export const noNationalId = () =>
  new AppError("persons.no_national_id", 404, "No national ID is recorded for this person.");
export const nationalIdExists = () =>
  new AppError("persons.national_id_exists", 409, "A person with this national ID already exists at the trust.");
/** `code` is the domain's reason, e.g. `national_id.checksum` (one of `nationalIdErrors`). */
export const invalidNationalId = (code: NationalIdError) =>
  new AppError(code, 400, "The national ID is not valid.", { field: "nationalId" });
export const invalidMobile = () =>
  new AppError("persons.mobile_invalid", 400, "The mobile number is not valid.", { field: "mobile" });
export const mergeSamePerson = () =>
  new AppError("persons.merge_same", 400, "A person cannot be merged with themselves.", { field: "otherId" });
export const mergeConflictingNationalIds = () =>
  new AppError(
    "persons.merge_conflicting_national_ids",
    409,
    "Both persons hold a national ID, and they differ: they are not the same student.",
  );
export const mergeAnonymised = () =>
  new AppError("persons.merge_anonymised", 409, "An anonymised person cannot be merged.");
