import { z } from "zod";
import { accessFields, changeTypes, orderLineStates } from "../domain/order-lines.ts";
import { dateInput, isoDate, pageQuery as page, sortDirection, text, uuidSchema } from "./common.ts";

/**
 * The lines of orders (SPEC §3.2 steps 4–6): one student and one clinical system each, as FOU, admins
 * and the IT provider see them, and the IT provider's queue with its decisions.
 */

export const orderLineStateSchema = z.enum(orderLineStates);

export const changeTypeSchema = z.enum(changeTypes);

/** One change of an ordered row, from → to: dates ISO (shown dd.mm.yyyy), the site and programme by name. */
export const lineChangeSchema = z.object({
  field: z.enum(accessFields),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type LineChangeDto = z.infer<typeof lineChangeSchema>;

export const userNameRefSchema = z.object({ id: uuidSchema, name: z.string() }).nullable();

/** One line as FOU, admins and the IT provider see it. */
export const orderLineSchema = z.object({
  id: uuidSchema,
  orderId: uuidSchema,
  orderNumber: z.number().int(),
  /** The portal's reference of its order; null before it is ordered. */
  reference: z.string().nullable(),
  trust: z.object({ id: uuidSchema, name: z.string() }),
  institution: z.object({ id: uuidSchema, shortName: z.string() }),
  sheetId: uuidSchema,
  sheetName: z.string(),
  rowId: uuidSchema,
  personId: uuidSchema,
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  placementSite: z.string(),
  system: z.object({ id: uuidSchema, name: z.string() }),
  role: z.string(),
  profileVersionId: uuidSchema,
  profileVersion: z.number().int(),
  exceptionId: uuidSchema.nullable(),
  validFrom: isoDate,
  validTo: isoDate,
  state: orderLineStateSchema,
  acceptedWarnings: z.array(z.string()),
  /** The person's username: recorded by the IT provider, or (`usernameVerified` false) typed by the student. */
  username: z.string().nullable(),
  usernameVerified: z.boolean(),
  usernameDelivery: z.enum(["app", "provider"]).nullable(),
  rejectReason: z.string().nullable(),
  fouMessage: z.string().nullable(),
  orderedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: userNameRefSchema,
  implementedAt: z.string().nullable(),
  implementedBy: userNameRefSchema,
  rejectedAt: z.string().nullable(),
  rejectedBy: userNameRefSchema,
  /** What the line asks of the IT provider: new access, a change (of `replacesLineId`), an extension, a removal. */
  changeType: changeTypeSchema,
  replacesLineId: uuidSchema.nullable(),
  /** A changed line's, or a change order's line's, changes from → to; empty for others. */
  changes: z.array(lineChangeSchema),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

/** The IT provider's queue (`GET /api/order-lines`): lines of every trust the caller serves. */
export const orderLineStateFilterSchema = z.enum(["open", ...orderLineStates, "all"]);
export const orderLineSortSchema = z.enum(["start", "name", "system", "trust", "state"]);
export const orderLinesQuery = z.object({
  /** A student's name, e-mail or username, the system or the order's reference. */
  q: z.string().trim().max(100).optional(),
  trustId: uuidSchema.optional(),
  institutionId: uuidSchema.optional(),
  systemId: uuidSchema.optional(),
  orderId: uuidSchema.optional(),
  /** Lines whose validity starts on or after / on or before. */
  from: dateInput.optional(),
  to: dateInput.optional(),
  state: orderLineStateFilterSchema.default("open"),
  changeType: changeTypeSchema.optional(),
  sort: orderLineSortSchema.default("start"),
  dir: sortDirection,
  ...page,
});
export const orderLineListSchema = z.object({ items: z.array(orderLineSchema), total: z.number().int() });

const lineIds = z.array(uuidSchema).min(1).max(5000);
export const approveLinesBody = z.object({ lineIds });
export const rejectLinesBody = z.object({ lineIds, reason: text(1000) });
/** Each line with the person's username; one username per person per request (else 409). */
export const implementLinesBody = z.object({
  lines: z
    .array(z.object({ id: uuidSchema, username: text(64) }))
    .min(1)
    .max(5000),
});
export const decideLinesResponse = z.object({ updated: z.number().int() });

/** `PATCH /api/order-lines/{id}`: FOU's message for the coordinators on a rejected line (null or empty clears it). */
export const updateOrderLineBody = z.object({
  fouMessage: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .transform((v) => (v ? v : null)),
});
