import { z } from "zod";
import { dateInput, uuidSchema } from "./common.ts";
import { problemSchema, rowFieldSchema, sheetKindSchema } from "./overviews.ts";

/** The Excel import of a document (SPEC §3.6): the periods of new sheets and the report of a check or a save. */

/** Period dates for sheets of an imported file that do not exist yet, keyed by sheet name. */
export const importPeriodsSchema = z.record(z.string(), z.object({ startDate: dateInput, endDate: dateInput }));

export const importRowReportSchema = z.object({
  /** The row's number in the file (1-based, as Excel shows it). */
  rowNumber: z.number().int(),
  action: z.enum(["add", "change", "unchanged"]),
  rowId: uuidSchema.nullable(),
  label: z.string(),
  problems: z.array(problemSchema.extend({ column: z.string().nullable() })),
  changes: z.array(z.object({ field: rowFieldSchema, from: z.string().nullable(), to: z.string().nullable() })),
});

export const importSheetReportSchema = z.object({
  name: z.string(),
  kind: sheetKindSchema,
  sheetId: uuidSchema.nullable(),
  /** A new sheet needs its period dates (the `periods` field of the upload) before it can be saved. */
  needsPeriod: z.boolean(),
  /**
   * Checks that could not run yet: those against the period (`date.outside_period`) while a new
   * sheet's period is not given. Every other check has run.
   */
  pendingChecks: z.array(z.enum(["date.outside_period"])),
  /** Rows with at least one error: what the grid will count ("4 rader med feil") once saved. */
  errorRowCount: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(importRowReportSchema),
  removedRows: z.array(z.object({ rowId: uuidSchema, label: z.string() })),
  /** Ignored columns, found header row, state columns ignored … */
  notices: z.array(z.object({ code: z.string(), column: z.string().nullable() })),
});

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  /** False on a dry run, or when something stops saving (a new sheet without period dates). */
  saved: z.boolean(),
  sheets: z.array(importSheetReportSchema),
  /** Errors found, in every sheet; final only when `complete`. */
  errorCount: z.number().int(),
  errorRowCount: z.number().int(),
  warningCount: z.number().int(),
  /** Whether every check has run (no sheet has `pendingChecks`), so the counts are final. */
  complete: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
