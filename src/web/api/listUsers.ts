import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { userSchema } from "../../contracts/users.ts";
import { apiGet } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

/** GET /api/users — the people with memberships at the active trust. */
export const listUsers = () => apiGet("/api/users", z.array(userSchema));

export function useUsers(enabled = true) {
  return useQuery({ queryKey: queryKeys.users, queryFn: listUsers, enabled });
}
