import { z } from "zod";
import { uuidSchema } from "./common.ts";

export const auditQuery = z.object({
  actorId: uuidSchema.optional(),
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(60).optional(),
  /** Inclusive, ISO date-time or date. */
  from: z.coerce.date().optional(),
  /** Exclusive. */
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The cursor `next` of the previous page. */
  before: z.string().max(100).optional(),
});

export const auditEventSchema = z.object({
  id: uuidSchema,
  at: z.string(),
  actor: z.object({ id: uuidSchema, name: z.string(), email: z.string() }).nullable(),
  institutionId: uuidSchema.nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  fields: z.array(z.string()),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `before` for the next page; null on the last page. */
  next: z.string().nullable(),
});
