import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { auditPageSchema } from "../../../../contracts/audit.ts";
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
export const listAudit = (filter: AuditFilter, before?: string) =>
  apiGet("/api/audit", auditPageSchema, { ...filter, limit: PAGE_SIZE, before });

/** Page after page ("Vis flere") with the `next` cursor. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam }) => listAudit(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
