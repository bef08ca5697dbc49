/**
 * The signed-in person's schema, loaded when an answer is to be parsed: the calls the sign-in page
 * holds (signing in, choosing a language) must not put Zod into its first load.
 */
export const loadMeSchema = () => import("../../contracts/auth.ts").then((contract) => contract.meSchema);
