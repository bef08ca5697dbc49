import type { Me } from "../../contracts/auth.ts";
import { apiGetJson } from "../lib/api.ts";

/** The answer for an anonymous visitor, known without the session's schema (and without Zod). */
const isAnonymous = (answer: unknown) =>
  typeof answer === "object" && answer !== null && "me" in answer && answer.me === null;

/**
 * GET /api/auth/session: the signed-in person, or null when nobody is signed in. An anonymous
 * visitor is answered 200, so the sign-in page logs no failed request in the console. A signed-in
 * person's answer is parsed with `sessionSchema`, loaded then: the sign-in page does not load Zod.
 */
export async function fetchMe(): Promise<Me | null> {
  const answer = await apiGetJson("/api/auth/session");
  if (isAnonymous(answer)) return null;
  const { sessionSchema } = await import("../../contracts/auth.ts");
  return sessionSchema.parse(answer).me;
}
