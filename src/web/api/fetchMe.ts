import { sessionSchema } from "../../contracts/auth.ts";
import { apiGet } from "../lib/api.ts";

/**
 * GET /api/auth/session: the signed-in person, or null when nobody is signed in. An anonymous
 * visitor is answered 200, so the sign-in page logs no failed request in the console.
 */
export const fetchMe = async () => (await apiGet("/api/auth/session", sessionSchema)).me;
