import { useQuery } from "@tanstack/react-query";
import type { User } from "../../../../contracts/users.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/users — here used to offer the student administrators as FOU contacts. */
export const listUsers = () => apiGet<User[]>("/api/users");

export function useUsers(enabled = true) {
  return useQuery({ queryKey: queryKeys.users, queryFn: listUsers, enabled });
}
