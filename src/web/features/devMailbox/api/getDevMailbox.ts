import { useQuery } from "@tanstack/react-query";
import { devMailboxSchema } from "../../../../contracts/outbox.ts";
import { apiGet } from "../../../lib/api.ts";

/** GET /api/dev-mailbox — the active trust's e-mail, newest first, and how it is delivered. */
export const getDevMailbox = () => apiGet("/api/dev-mailbox", devMailboxSchema);

export function useDevMailbox() {
  return useQuery({ queryKey: ["dev-mailbox"], queryFn: getDevMailbox, refetchInterval: 30_000 });
}
