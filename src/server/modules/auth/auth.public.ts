import type { DbOrTx } from "../../shared/database.ts";
import { createAuthRepository } from "./auth.repository.ts";

/** What other modules may use of the auth module: its use-cases, the session token's hash, ending sessions. */
export { badOrigin } from "./auth.errors.ts";
export { type AuthUsecases, createAuthUsecases, hashToken, type SessionPolicy } from "./auth.usecases.ts";

/** Ends all sessions of a person, in the caller's transaction (deactivated, or given a new password). */
export const endSessions = (db: DbOrTx, userId: string) => createAuthRepository({ db }).endSessionsOf(userId);
