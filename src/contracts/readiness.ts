import { z } from "zod";
import { orderStates } from "../domain/statuses.ts";
import { dateInput, isoDate, pageQuery as page, sortDirection, uuidSchema } from "./common.ts";

/** The readiness of one student on one sheet: each step with its date (null: not yet). */
export const readinessStepsSchema = z.object({
  registered: z.string().nullable(),
  transferred: z.string().nullable(),
  ordered: z.string().nullable(),
  approved: z.string().nullable(),
  implemented: z.string().nullable(),
  usernameSent: z.string().nullable(),
});
export const readinessItemSchema = z.object({
  rowId: uuidSchema,
  personId: uuidSchema.nullable(),
  lastName: z.string(),
  firstName: z.string(),
  institution: z.object({ id: uuidSchema, shortName: z.string() }),
  overviewId: uuidSchema,
  sheetId: uuidSchema,
  sheetName: z.string(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  steps: readinessStepsSchema,
  /** The row's Bestilt state. */
  orderState: z.enum(orderStates),
  /** Its student's Læringsportalen user (`learningPortalStateOf`, src/domain/learning-portal.ts). */
  learningPortal: z.enum(["not_needed", "needed", "requested", "created"]),
  /** Every step done. */
  ready: z.boolean(),
  /** Days from today to the start (negative once started). */
  daysToStart: z.number().int().nullable(),
  username: z.string().nullable(),
  usernameVerified: z.boolean(),
  /** FOU's message on a rejection, for the coordinators; FOU and admins also see the IT provider's reason. */
  rejectMessage: z.string().nullable(),
  /** FOU and admins only (null for coordinators): the portal's reference. */
  reference: z.string().nullable(),
});
export type ReadinessItem = z.infer<typeof readinessItemSchema>;
export const readinessSortSchema = z.enum(["start", "name", "sheet", "institution", "state"]);
export const readinessQuery = z.object({
  q: z.string().trim().max(100).optional(),
  sheetId: uuidSchema.optional(),
  overviewId: uuidSchema.optional(),
  institutionId: uuidSchema.optional(),
  /** Placements starting on or after / on or before. */
  from: dateInput.optional(),
  to: dateInput.optional(),
  /** Only students not ready this many days (or fewer) before their start. */
  notReadyDays: z.coerce.number().int().min(0).max(365).optional(),
  /** Only students whose row's Bestilt cell is in this state (`rejected`: the start page's number). */
  orderState: z.enum(orderStates).optional(),
  sort: readinessSortSchema.default("start"),
  dir: sortDirection,
  ...page,
});
export const readinessListSchema = z.object({
  items: z.array(readinessItemSchema),
  total: z.number().int(),
  counts: z.object({ students: z.number().int(), ready: z.number().int(), notReady: z.number().int() }),
});
