import { AppError } from "../../shared/errors.ts";

/** A person the caller may not see (another trust's), or none such: nothing confirms it exists. */
export const learningPortalPersonNotFound = (personId = "") =>
  new AppError("learning_portal.not_found", 404, "The person was not found.", {
    personId,
    issues: [{ path: "personIds", message: "learning_portal.not_found" }],
  });

/** Batches are refused until the trust's Læringsportalen address is set (the trust settings' `learningPortalEmail`). */
export const learningPortalNoAddress = () =>
  new AppError(
    "learning_portal.no_address",
    409,
    "Set the trust's Læringsportalen address (settings: learningPortalEmail) before sending a batch.",
    { setting: "learningPortalEmail" },
  );

/** A batch with no one in it: nobody given, or nobody waiting for a user. */
export const learningPortalEmptyBatch = () =>
  new AppError(
    "learning_portal.empty_batch",
    409,
    "No one in the batch: nobody is waiting for a Læringsportalen user.",
  );

/** A person who does not need a manual user (a Norwegian national ID, or no current or coming placement). */
export const learningPortalNotNeeded = (person: { personId: string; name: string } = { personId: "", name: "" }) =>
  new AppError("learning_portal.not_needed", 409, "The person does not need a Læringsportalen user made by hand.", {
    ...person,
  });

/** A person already sent in a batch (or whose user is made): nothing was sent. */
export const learningPortalAlreadyRequested = (
  person: { personId: string; name: string; state: string } = { personId: "", name: "", state: "requested" },
) =>
  new AppError("learning_portal.already_requested", 409, "The person's Læringsportalen user is already ordered.", {
    ...person,
  });

/** A user marked created a second time: nothing was changed. */
export const learningPortalAlreadyCreated = (person: { personId: string; name: string } = { personId: "", name: "" }) =>
  new AppError("learning_portal.already_created", 409, "The person's Læringsportalen user is already marked created.", {
    ...person,
  });
