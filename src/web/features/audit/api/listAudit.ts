import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { auditPageSchema } from "../../../../contracts/audit.ts";
import { apiGet } from "../../../lib/api.ts";

export type AuditPage = z.infer<typeof auditPageSchema>;

/** The filters of the audit log, as the API takes them (from/to as ISO moments). */
export type AuditFilter = {
  actorId?: string;
  entity?: string;
  action?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

const PAGE_SIZE = 50;

/** GET /api/audit — the trust's audit trail, newest first, one page after `before`. */
export const listAudit = (filter: AuditFilter, before?: string) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) search.set(key, value);
  search.set("limit", String(PAGE_SIZE));
  if (before) search.set("before", before);
  return apiGet<AuditPage>(`/api/audit?${search.toString()}`);
};

/** Page after page ("Vis flere") with the `next` cursor. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam }) => listAudit(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
