import { useQuery } from "@tanstack/react-query";
import type { User } from "../../../../contracts/users.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/users — people with memberships at the active trust (admin). */
export const listUsers = () => apiGet<User[]>("/api/users");

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: listUsers });
}
