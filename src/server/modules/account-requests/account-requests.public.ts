/**
 * What other modules may use of the account-requests module: its use-cases, and the inviter that
 * sends a new person the link to set a password (the users module is handed it as its `Invite`).
 */
export { type AccountRequestsUsecases, createAccountRequestsUsecases } from "./account-requests.usecases.ts";
export { createInviter, type Inviter } from "./invitations.ts";
