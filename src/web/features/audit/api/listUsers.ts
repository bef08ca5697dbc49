import { useQuery } from "@tanstack/react-query";
import type { User } from "../../../../contracts/users.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/users — the trust's people, for the "who" filter of the audit log. */
export const listUsers = () => apiGet<User[]>("/api/users");

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: listUsers });
}
