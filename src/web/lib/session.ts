import { useQuery } from "@tanstack/react-query";
import type { Me } from "../../contracts/auth.ts";
import { allowsCaller, type PolicyName } from "../../contracts/policies.ts";
import { fetchMe } from "../api/fetchMe.ts";
import { queryKeys } from "./queryKeys.ts";

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in person inside the authenticated part of the app (the layout guarantees it). */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useSession is used outside the signed-in part of the app");
  return data;
}

/**
 * Whether the signed-in person holds `policy` (src/contracts/policies.ts): by a role at the active
 * trust, or as a system administrator where the policy says so — what the server checks.
 */
export function may(me: Me, policy: PolicyName): boolean {
  return allowsCaller({ roles: me.roles, isSystemAdmin: me.user.isSystemAdmin }, policy);
}

/** The distinct trusts the person has memberships in, in the order the server lists them. */
export function trustsOf(me: Me): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const m of me.memberships) if (!seen.has(m.trustId)) seen.set(m.trustId, m.trustName);
  return [...seen].map(([id, name]) => ({ id, name }));
}
