import { z } from "zod";
import { isIsoDate } from "../domain/dates.ts";
import { uuidSchema } from "./common.ts";

const dateTime = z.iso.datetime({ offset: true, local: true });

/**
 * A moment to filter by: a date by the app's date rule (`isIsoDate`; its start in UTC) or an ISO
 * date-time on such a date. Anything else is refused with `date.invalid` on the field.
 */
const moment = z
  .string()
  .refine((v) => isIsoDate(v.slice(0, 10)) && (v.length === 10 || dateTime.safeParse(v).success), {
    message: "date.invalid",
  })
  .transform((v) => new Date(v));

export const auditQuery = z.object({
  actorId: uuidSchema.optional(),
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(60).optional(),
  /** Inclusive, ISO date-time or date. */
  from: moment.optional(),
  /** Exclusive. */
  to: moment.optional(),
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
