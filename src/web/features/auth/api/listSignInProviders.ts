import { useQuery } from "@tanstack/react-query";
import type { SignInProvider } from "../../../../contracts/identity-providers.ts";
import { signInProviderKinds } from "../../../../contracts/vocabulary.ts";
import { apiGetJson } from "../../../lib/api.ts";

const kinds: readonly string[] = signInProviderKinds;

const isProvider = (value: unknown): value is SignInProvider => {
  if (typeof value !== "object" || value === null) return false;
  const { id, trustName, kind, displayName } = value as Record<string, unknown>;
  return (
    typeof id === "string" &&
    typeof trustName === "string" &&
    typeof kind === "string" &&
    kinds.includes(kind) &&
    typeof displayName === "string"
  );
};

/**
 * The providers of an answer as `signInProviderSchema` (src/contracts/identity-providers.ts) has
 * them, checked without Zod: the sign-in page does not load it. Throws on any other shape.
 */
export function signInProvidersOf(answer: unknown): SignInProvider[] {
  if (!Array.isArray(answer) || !answer.every(isProvider)) {
    throw new TypeError("GET /api/auth/providers answered a shape the sign-in page does not know.");
  }
  return answer.map(({ id, trustName, kind, displayName }) => ({ id, trustName, kind, displayName }));
}

/** GET /api/auth/providers — the identity providers to offer on the sign-in page (public). */
export const listSignInProviders = async () => signInProvidersOf(await apiGetJson("/api/auth/providers"));

export function useSignInProviders() {
  return useQuery({ queryKey: ["auth", "providers"], queryFn: listSignInProviders, staleTime: 5 * 60_000 });
}
