/** What other modules may use of the registrations module: the start page's counts. */
export { createRegistrationCounts, type RegistrationCounts } from "./registration-counts.repository.ts";
