import { z } from "zod";
import { languageSchema, uuidSchema } from "./common.ts";

export const outboxStatusValues = ["queued", "sending", "sent", "failed", "kept"] as const;
export const outboxStatusSchema = z.enum(outboxStatusValues);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const outboxMessageSchema = z.object({
  id: uuidSchema,
  trustId: uuidSchema.nullable(),
  recipientUserId: uuidSchema.nullable(),
  to: z.string(),
  template: z.string(),
  language: languageSchema,
  subject: z.string(),
  text: z.string(),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const devMailboxSchema = z.object({
  /** `smtp` when SMTP_URL is set; `kept` when messages stay in the database and only show here. */
  delivery: z.enum(["smtp", "kept"]),
  messages: z.array(outboxMessageSchema),
});
export type DevMailbox = z.infer<typeof devMailboxSchema>;
