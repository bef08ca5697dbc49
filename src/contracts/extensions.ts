import { z } from "zod";
import { extensionRefusals } from "../domain/extension.ts";
import { dateInput, isoDate, pageQuery as page, sortDirection, uuidSchema } from "./common.ts";
import { portalFormatSchema } from "./orders.ts";

/**
 * Extending placements (SPEC §3.2 step 6): FOU gives rows of one or many sheets a later end date
 * (`POST /api/rows/extend`), their lines go on the IT provider's extension list
 * (`GET /api/extensions`), and the IT provider marks them done (`POST /api/extensions/mark`).
 */

/** `POST /api/rows/extend`: rows of the caller's trust and their new end date; `?dryRun=true` checks only. */
export const extendRowsBody = z.object({
  rowIds: z.array(uuidSchema).min(1).max(5000),
  endDate: dateInput,
});
export const extendRowsQuery = z.object({ dryRun: z.stringbool().optional() });

/** A row that may not be extended to the date: `extension.<code>`; `too_late` names the last allowed day. */
export const refusedRowSchema = z.object({
  rowId: uuidSchema,
  name: z.string(),
  sheetName: z.string(),
  code: z.enum(extensionRefusals),
  lastAllowed: isoDate.optional(),
  lastAllowedText: z.string().optional(),
});
export type RefusedExtensionRow = z.infer<typeof refusedRowSchema>;

/**
 * The report of an extension: in a dry run, the rows that would be extended and the refused ones;
 * otherwise (all extended) the rows and lines changed. A refused request answers 400 (a date) or 409
 * (an anonymised or withdrawn row) with the same `refused` list in its details.
 */
export const extendRowsResponse = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  lines: z.number().int(),
  refused: z.array(refusedRowSchema),
});
export type ExtendRowsResponse = z.infer<typeof extendRowsResponse>;

/** The IT provider's extension list: one item per extended line. */
export const extensionStateSchema = z.enum(["extended", "done"]);
export const extensionSortSchema = z.enum(["name", "end", "system", "trust", "extended"]);
export const extensionsQuery = z.object({
  /** A student's name, e-mail or username, the system or the order's reference. */
  q: z.string().trim().max(100).optional(),
  trustId: uuidSchema.optional(),
  institutionId: uuidSchema.optional(),
  state: extensionStateSchema.default("extended"),
  sort: extensionSortSchema.default("end"),
  dir: sortDirection,
  format: portalFormatSchema.optional(),
  ...page,
});
export type ExtensionsQuery = z.infer<typeof extensionsQuery>;

export const extensionItemSchema = z.object({
  lineId: uuidSchema,
  trust: z.object({ id: uuidSchema, name: z.string() }),
  institution: z.object({ id: uuidSchema, shortName: z.string() }),
  sheetName: z.string(),
  rowId: uuidSchema,
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  system: z.object({ id: uuidSchema, name: z.string() }),
  role: z.string(),
  reference: z.string().nullable(),
  validFrom: isoDate,
  /** The end before the extension (`extended_from`) → the new end (`valid_to`). */
  extendedFrom: isoDate.nullable(),
  validTo: isoDate,
  state: extensionStateSchema,
  extendedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type ExtensionItem = z.infer<typeof extensionItemSchema>;
export const extensionListSchema = z.object({ items: z.array(extensionItemSchema), total: z.number().int() });

/** `POST /api/extensions/mark`: extended lines the IT provider has carried out (all or none). */
export const markExtensionsBody = z.object({ lineIds: z.array(uuidSchema).min(1).max(5000) });
export const markExtensionsResponse = z.object({ updated: z.number().int() });
