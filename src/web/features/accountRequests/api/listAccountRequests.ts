import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { type AccountRequest, accountRequestSchema } from "../../../../contracts/account-requests.ts";
import { apiGet } from "../../../lib/api.ts";
import { accountRequestKeys } from "./keys.ts";

/** GET /api/account-requests — the trust's account requests, newest first (admin). */
export const listAccountRequests = (status?: AccountRequest["status"]) =>
  apiGet("/api/account-requests", z.array(accountRequestSchema), { status });

export function useAccountRequests() {
  return useQuery({ queryKey: accountRequestKeys.list, queryFn: () => listAccountRequests() });
}

/** How many requests wait for a decision (the number next to the menu item); asked every minute. */
export function usePendingAccountRequestCount(enabled: boolean) {
  return useQuery({
    queryKey: accountRequestKeys.pending,
    queryFn: () => listAccountRequests("pending"),
    select: (requests) => requests.length,
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
}
