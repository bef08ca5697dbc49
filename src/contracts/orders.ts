import { z } from "zod";
import { isoDate, pageQuery as page, text, uuidSchema } from "./common.ts";
import {
  changeTypeSchema,
  lineChangeSchema,
  orderLineSchema,
  orderLineStateSchema,
  userNameRefSchema,
} from "./order-lines.ts";

export * from "./order-lines.ts";
export * from "./readiness.ts";

/**
 * Orders of access to clinical systems (SPEC §3.2 steps 4–5): FOU orders a submitted sheet's ready
 * rows; an order has one line per student and system, with the role and the access-profile version
 * it was ordered with and the placement's dates as validity. The line states and who moves them are
 * `orderLineTransitions` in src/domain/order-lines.ts (printed in docs/architecture.md).
 */

export const orderStateSchema = z.enum(["draft", "ordered", "cancelled"]);
export type OrderState = z.infer<typeof orderStateSchema>;

/**
 * Why a row is not ordered (`refused`: never, until fixed) or what FOU must accept first (`warning`).
 * refused: `row_errors` (the row has errors), `not_in_hr` (its person is not transferred to HR),
 * `no_person`, `already_ordered` (a line for it stands), `unknown_programme`, `no_profile`,
 * `anonymised`, `withdrawn` (the student is withdrawn from the placement); warnings: `lead_time` (starts sooner than the trust's lead time; `days` until the
 * start), `email_unconfirmed` (the username's e-mail address is not confirmed).
 */
export const orderRefusalCodes = [
  "row_errors",
  "not_in_hr",
  "no_person",
  "already_ordered",
  "unknown_programme",
  "no_profile",
  "anonymised",
  "withdrawn",
] as const;
export const orderWarningCodes = ["lead_time", "email_unconfirmed"] as const;
export const orderReasonSchema = z.object({
  code: z.enum([...orderRefusalCodes, ...orderWarningCodes]),
  /** `lead_time`: days from today to the start; `unknown_programme`: the row's study programme. */
  days: z.number().int().optional(),
  programme: z.string().optional(),
});
export type OrderReason = z.infer<typeof orderReasonSchema>;

export const orderSystemSchema = z.object({
  systemId: uuidSchema,
  systemName: z.string(),
  role: z.string(),
  /** `changed`: the system's access changes; `new`: a system the row's new programme adds. */
  changeType: changeTypeSchema,
});

/** One row as the order sees it: ready, ready once its warnings are accepted, or refused (with why). */
export const orderRowCheckSchema = z.object({
  rowId: uuidSchema,
  name: z.string(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  /** `change`: an ordered row changed since its order, ordered again as a change (its `changes` from → to). */
  outcome: z.enum(["ready", "warning", "refused", "change"]),
  reasons: z.array(orderReasonSchema),
  /** The systems and roles it is (or would be) ordered with. */
  systems: z.array(orderSystemSchema),
  /** A changed row's changes since its order, from → to. */
  changes: z.array(lineChangeSchema),
});
export type OrderRowCheck = z.infer<typeof orderRowCheckSchema>;

/** `POST /api/orders`: some rows of a submitted sheet; warned-about rows need `acceptWarnings`. */
export const createOrderBody = z.object({
  sheetId: uuidSchema,
  rowIds: z.array(uuidSchema).min(1).max(5000),
  acceptWarnings: z.boolean().optional(),
});
export type CreateOrderBody = z.input<typeof createOrderBody>;
export const createOrderQuery = z.object({ dryRun: z.stringbool().optional() });

export const orderSummarySchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  state: orderStateSchema,
  reference: z.string().nullable(),
  institution: z.object({ id: uuidSchema, name: z.string(), shortName: z.string() }),
  overviewId: uuidSchema,
  sheetId: uuidSchema,
  sheetName: z.string(),
  rowCount: z.number().int(),
  lineCount: z.number().int(),
  /** Lines per state (only states with lines). */
  lineStates: z.partialRecord(orderLineStateSchema, z.number().int()),
  /** The first start date of its rows. */
  startsOn: isoDate.nullable(),
  createdAt: z.string(),
  createdBy: userNameRefSchema,
  orderedAt: z.string().nullable(),
  orderedBy: userNameRefSchema,
  cancelledAt: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderSchema = orderSummarySchema.extend({ lines: z.array(orderLineSchema) });
export type Order = z.infer<typeof orderSchema>;

/** The answer to `POST /api/orders`: the check of every row asked for, and the order unless a dry run. */
export const createOrderResponse = z.object({
  dryRun: z.boolean(),
  rows: z.array(orderRowCheckSchema),
  counts: z.object({
    ready: z.number().int(),
    warning: z.number().int(),
    refused: z.number().int(),
    change: z.number().int(),
  }),
  /** The lines the order has (or would have). */
  lineCount: z.number().int(),
  order: orderSummarySchema.nullable(),
});
export type CreateOrderResponse = z.infer<typeof createOrderResponse>;

export const orderSortSchema = z.enum(["number", "created", "sheet", "institution", "starts"]);
export const ordersQuery = z.object({
  /** The order's number, its reference, its sheet's name or its institution. */
  q: z.string().trim().max(100).optional(),
  state: orderStateSchema.optional(),
  sheetId: uuidSchema.optional(),
  institutionId: uuidSchema.optional(),
  sort: orderSortSchema.default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  ...page,
});
export const orderListSchema = z.object({ items: z.array(orderSummarySchema), total: z.number().int() });

export const portalFormatSchema = z.enum(["xlsx", "csv"]);
export const orderExportQuery = z.object({ format: portalFormatSchema.default("xlsx") });

/**
 * The ordering portal file's columns (one line per student and system), chosen and ordered per
 * trust (`portalColumns` in the trust's settings); the default is all of them in this order.
 */
export const portalColumns = [
  "lineId",
  "changeType",
  "lastName",
  "firstName",
  "nationalId",
  "birthDate",
  "email",
  "mobile",
  "username",
  "institution",
  "programme",
  "placementSite",
  "system",
  "role",
  "validFrom",
  "validTo",
  "limits",
  "changes",
] as const;
export const portalColumnSchema = z.enum(portalColumns);
export type PortalColumn = z.infer<typeof portalColumnSchema>;
export const defaultPortalColumns: readonly PortalColumn[] = portalColumns;

export const markOrderedBody = z.object({ reference: text(100) });

/**
 * The portal's status report (`POST /api/orders/status-import`): which of its column headers holds
 * each field, set once per trust (`portalStatusColumns`). A line is found by `lineId` (the portal
 * file's first column, which the portal keeps) or by `reference`, `nationalId` and `system`.
 */
export const statusReportFields = [
  "lineId",
  "reference",
  "nationalId",
  "system",
  "status",
  "username",
  "reason",
] as const;
export const statusReportColumnsSchema = z.object(
  Object.fromEntries(statusReportFields.map((f) => [f, z.string().trim().max(100)])) as Record<
    (typeof statusReportFields)[number],
    z.ZodString
  >,
);
export type StatusReportColumns = z.infer<typeof statusReportColumnsSchema>;
export const defaultStatusReportColumns: StatusReportColumns = {
  lineId: "Praksistilgang-ID",
  reference: "Referanse",
  nationalId: "Fødselsnummer",
  system: "System",
  status: "Status",
  username: "Brukernavn",
  reason: "Begrunnelse",
};
export const statusImportQuery = z.object({ dryRun: z.stringbool().optional() });

/**
 * The answer to `POST /api/orders/status-import`: what the portal's status report changes (each line
 * from → to) and what it could not match or apply, each with the file's row number. The same for a
 * dry run and a save (the save's is computed by the same code before it commits).
 * - `unknown_reference`: no order of the trust has the row's reference;
 * - `unknown_line`: no line has the row's line ID, or the order has no line of that national ID and system;
 * - `not_applicable`: the line is already in that state or has moved elsewhere (`state` says where);
 * - `duplicate_line`: two or more rows of the file name the same line (none of them is applied);
 * - `unknown_status`: the status is none of the words the import knows (`value`);
 * - `username_missing` / `reason_missing`: an implemented line without a username, a rejected one without a reason.
 */
export const statusImportProblemCodes = [
  "unknown_reference",
  "unknown_line",
  "not_applicable",
  "duplicate_line",
  "unknown_status",
  "username_missing",
  "reason_missing",
] as const;
export const statusImportChangeSchema = z.object({
  rowNumber: z.number().int(),
  lineId: uuidSchema,
  lastName: z.string(),
  firstName: z.string(),
  system: z.string(),
  reference: z.string().nullable(),
  from: orderLineStateSchema,
  to: orderLineStateSchema,
  username: z.string().nullable(),
});
export const statusImportProblemSchema = z.object({
  rowNumber: z.number().int(),
  code: z.enum(statusImportProblemCodes),
  /** The line, when the row found one. */
  lineId: uuidSchema.nullable(),
  /** `not_applicable`: the line's current state. */
  state: orderLineStateSchema.nullable(),
  /** `unknown_status`: the word as the file has it; `unknown_reference`: the reference; `unknown_line`: the line ID. */
  value: z.string().nullable(),
});
export const statusImportReportSchema = z.object({
  dryRun: z.boolean(),
  saved: z.boolean(),
  rowsRead: z.number().int(),
  changes: z.array(statusImportChangeSchema),
  problems: z.array(statusImportProblemSchema),
  /** Mapped columns the file lacks that it can do without (the other way of finding a line). */
  missingColumns: z.array(z.object({ field: z.enum(statusReportFields), header: z.string() })),
});
export type StatusImportReport = z.infer<typeof statusImportReportSchema>;
