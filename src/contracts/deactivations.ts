import { z } from "zod";
import { deactivationReasons } from "../domain/order-lines.ts";
import { dateInput, isoDate, pageQuery as page, sortDirection, text, uuidSchema } from "./common.ts";
import { noticesSchema } from "./notices.ts";
import { rowSchema } from "./overviews.ts";

/**
 * The deactivation list (SPEC §3.2 step 6): the order lines whose access must end — a removed row,
 * a withdrawn student, the end of the placement — that the IT provider works from (every trust it
 * serves) and FOU and admins read (their own trust). Marked deactivated once.
 */

export const deactivationReasonSchema = z.enum(deactivationReasons);
export const deactivationStateSchema = z.enum(["to_deactivate", "deactivated"]);
export const deactivationSortSchema = z.enum(["from", "name", "system", "trust", "reason"]);

export const deactivationsQuery = z.object({
  /** A student's name, the username or the order's reference. */
  q: z.string().trim().max(100).optional(),
  trustId: uuidSchema.optional(),
  institutionId: uuidSchema.optional(),
  reason: deactivationReasonSchema.optional(),
  state: deactivationStateSchema.default("to_deactivate"),
  /** Lines whose access must end on or after / on or before (`deactivate_from`). */
  from: dateInput.optional(),
  to: dateInput.optional(),
  sort: deactivationSortSchema.default("from"),
  dir: sortDirection,
  format: z.enum(["xlsx", "csv"]).optional(),
  ...page,
});

export const deactivationItemSchema = z.object({
  lineId: uuidSchema,
  trust: z.object({ id: uuidSchema, name: z.string() }),
  institution: z.object({ id: uuidSchema, shortName: z.string() }),
  lastName: z.string(),
  firstName: z.string(),
  username: z.string().nullable(),
  system: z.object({ id: uuidSchema, name: z.string() }),
  role: z.string(),
  sheetName: z.string(),
  reference: z.string().nullable(),
  reason: deactivationReasonSchema,
  /** The withdrawal's reason as given (national IDs masked): FOU and admins only, null for the IT provider. */
  note: z.string().nullable(),
  deactivateFrom: isoDate,
  validTo: isoDate,
  state: deactivationStateSchema,
  deactivatedAt: z.string().nullable(),
  deactivatedBy: z.object({ id: uuidSchema, name: z.string() }).nullable(),
});
export type DeactivationItem = z.infer<typeof deactivationItemSchema>;
export const deactivationListSchema = z.object({ items: z.array(deactivationItemSchema), total: z.number().int() });

export const markDeactivatedBody = z.object({ lineIds: z.array(uuidSchema).min(1).max(5000) });
export const markDeactivatedResponse = z.object({ updated: z.number().int() });

/** A withdrawal of a student from a placement: from `date`, with a reason (national IDs masked). */
export const withdrawRowBody = z.object({ date: dateInput, reason: text(1000) });

/** The withdrawn row as it is now, and whether national IDs were masked in the reason. */
export const withdrawnRowSchema = z.object({ row: rowSchema, notices: noticesSchema });
