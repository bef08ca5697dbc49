import { z } from "zod";
import { isIsoDate } from "../domain/dates.ts";
import type { AnsweredValues } from "../domain/placement-row/answer.ts";
import {
  type RowInput as DomainRowInput,
  type FieldInfo,
  fieldInfos,
  rowFields,
} from "../domain/placement-row/fields.ts";
import type {
  Problem as DomainProblem,
  ProblemDetails as DomainProblemDetails,
} from "../domain/placement-row/problem.ts";
import { sheetKinds } from "../domain/sheet-kind.ts";
import { orderStates } from "../domain/statuses.ts";
import { dateInput, isoDate, pageQuery as page, sortDirection, uuidSchema } from "./common.ts";
import { noticesSchema } from "./notices.ts";

/**
 * Placement overviews (SPEC §3.2, §3.3, §3.6, §7): one document per student group, one sheet per
 * period (and separate international sheets), one row per student. Dates are `YYYY-MM-DD`
 * calendar dates in Europe/Oslo; moments are ISO date-times.
 */

export const sheetKindSchema = z.enum(sheetKinds);
export const periodLabelSchema = z.enum(["Periode", "Semester"]);
export const deadlineStateSchema = z.enum(["on_time", "due_soon", "late", "submitted", "submitted_late"]);
export const registrationStateSchema = z.enum(["not_registered", "registered", "transferred"]);
/** The Bestilt cell (`orderStates`, with the states of access after the order). */
export const orderStateSchema = z.enum(orderStates);
export const learningPortalStateSchema = z.enum(["not_needed", "needed", "requested", "created"]);

/** The editable fields of a row, from the row's field registry (src/domain/placement-row/fields.ts). */
export const rowFieldSchema = z.enum(rowFields);
export type RowField = z.infer<typeof rowFieldSchema>;

/**
 * What a check found, for a message that says more than that a value is wrong; `reason` picks the
 * text and the other fields fill it in (src/domain/national-id.ts, contact.ts and placement-row.ts):
 * - `national_id.*`, `d_number.*`: `digits` (how many, not 11), `characters` (the non-digits found,
 *   each once), `date_digits` (`dateDigits`, the first six, are no date), `leading_zero` (10 digits
 *   that fail with the zero Excel may have dropped put back; `dateDigits` with `.invalid_date`)
 * - `email.invalid`: `too_long`, `spaces`, `missing_at`, `several_at`, `missing_name`, `missing_domain`
 * - `mobile.invalid`: `characters`, `digits` (a Norwegian number with `digits` digits, not 8),
 *   `not_norwegian` (8 digits outside the numbering plan), `foreign` (not possible for its country code)
 * - `rows.unknown_placement_site`: `not_in_list`, with the `name` as typed
 * - `date.outside_period`: `period`, with the period's `start` and `end`
 * - `rows.duplicate_student`: how the student was recognised (`national_id`, `email`, `name` with
 *   birth date) and, in an import report, the other `rows` of the file with the same student
 */
export const problemDetailsSchema = z.object({
  reason: z.string(),
  digits: z.number().int().optional(),
  characters: z.string().optional(),
  dateDigits: z.string().optional(),
  name: z.string().optional(),
  start: isoDate.optional(),
  end: isoDate.optional(),
  rows: z.array(z.number().int()).optional(),
}) satisfies z.ZodType<DomainProblemDetails>;
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

/** A problem with one cell (or the whole row when `field` is null), with a stable code the web translates. */
export const problemSchema = z.object({
  field: rowFieldSchema.nullable(),
  code: z.string(),
  /** Nearest placement-site names, for `rows.unknown_placement_site`. */
  suggestions: z.array(z.string()).optional(),
  /** Whether it only warns (e.g. national_id.leading_zero_restored); errors block submission. */
  warning: z.boolean().optional(),
  details: problemDetailsSchema.optional(),
}) satisfies z.ZodType<DomainProblem>;
export type Problem = z.infer<typeof problemSchema>;

export const studentGroupSchema = z.object({
  id: uuidSchema,
  institutionId: uuidSchema,
  institutionShortName: z.string(),
  programmeId: uuidSchema,
  programmeName: z.string(),
  cohort: z.number().int(),
});

export const sheetSchema = z.object({
  id: uuidSchema,
  overviewId: uuidSchema,
  kind: sheetKindSchema,
  name: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  /** Start minus the trust's deadline days. */
  deadline: isoDate,
  deadlineState: deadlineStateSchema,
  submittedAt: z.string().nullable(),
  submittedBy: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  rowCount: z.number().int(),
  /** Rows with at least one error. */
  problemRowCount: z.number().int(),
  /** Rows whose Registrert cell is green (the person is transferred to the HR system). */
  registeredCount: z.number().int(),
  /** Rows whose Bestilt cell is green. */
  orderedCount: z.number().int(),
  position: z.number().int(),
});
export type Sheet = z.infer<typeof sheetSchema>;

export const overviewSchema = z.object({
  id: uuidSchema,
  /** From the trust's naming standard, e.g. "HVL Sykepleie kull 2024". */
  name: z.string(),
  /** The export's file name, e.g. "Praksisoversikt HVL Sykepleie kull 2024.xlsx". */
  fileName: z.string(),
  group: studentGroupSchema,
  sheets: z.array(sheetSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Overview = z.infer<typeof overviewSchema>;

/**
 * What the list sorts by: the document's name, its institution (then name), its earliest deadline
 * still open (documents with none last), or its rows with errors over all its sheets.
 */
export const overviewSortSchema = z.enum(["name", "institution", "deadline", "problems"]);
/**
 * The documents behind the start page's numbers: `due`, those with a sheet not submitted whose
 * deadline is near or passed (`due_soon`, `late`); `problems`, those with a row with an error.
 */
export const overviewShowSchema = z.enum(["due", "problems"]);
export const overviewListQuery = z.object({
  institutionId: uuidSchema.optional(),
  /** Part of the document's name, its institution's short or full name, or its programme's name. */
  q: z.string().trim().max(100).optional(),
  show: overviewShowSchema.optional(),
  sort: overviewSortSchema.default("name"),
  dir: sortDirection,
  ...page,
});
/** A page of documents with their sheets, and how many match in all. */
export const overviewListSchema = z.object({ items: z.array(overviewSchema), total: z.number().int() });
export type OverviewList = z.infer<typeof overviewListSchema>;

export const createOverviewBody = z.object({
  /** Required for FOU and admins; a coordinator's own institution by default. */
  institutionId: uuidSchema.optional(),
  programmeId: uuidSchema,
  cohort: z.number().int().min(2000).max(2100),
});

export const createSheetBody = z
  .object({
    kind: sheetKindSchema,
    label: periodLabelSchema,
    number: z.number().int().min(1).max(20),
    startDate: dateInput,
    endDate: dateInput,
    /** Copy the rows of this sheet (same document) to start the next period. */
    copyFromSheetId: uuidSchema.optional(),
  })
  .refine((s) => !isIsoDate(s.startDate) || !isIsoDate(s.endDate) || s.endDate > s.startDate, {
    message: "The period must end after it starts.",
    path: ["endDate"],
  });

/** A change kept after submission, shown in red with who and when (national IDs masked). */
export const changeSchema = z.object({
  id: uuidSchema,
  sheetId: uuidSchema,
  sheetName: z.string(),
  rowId: uuidSchema.nullable(),
  /** "Etternavn, Fornavn" of the row, for the change list. */
  rowLabel: z.string().nullable(),
  kind: z.enum([
    "sheet_added",
    "row_added",
    "row_removed",
    "cell_changed",
    "comment_added",
    "row_withdrawn",
    "row_extended",
  ]),
  field: rowFieldSchema.nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  by: z.object({ id: uuidSchema, name: z.string() }),
  at: z.string(),
});
export type Change = z.infer<typeof changeSchema>;

export const commentSchema = z.object({
  id: uuidSchema,
  body: z.string(),
  author: z.object({ id: uuidSchema, name: z.string() }),
  at: z.string(),
});
/** A new comment, with a notice when national IDs in it were masked. */
export const createdCommentSchema = commentSchema.extend({ notices: noticesSchema });

/** A row's values as answered, by each field's form (`AnsweredValues` in src/domain/placement-row/answer.ts). */
type RowValuesShape = { [K in keyof AnsweredValues]: z.ZodType<AnsweredValues[K]> };

const valueSchemas = (f: FieldInfo): [string, z.ZodType][] => {
  switch (f.form) {
    case "date":
      return [[f.key, isoDate.nullable()]];
    case "nationalId":
      return [[`${f.key}Masked`, z.string().nullable()]];
    case "site":
      return [
        [f.key, uuidSchema.nullable()],
        [f.cellKey, z.string()],
      ];
    default:
      return [[f.key, z.string()]];
  }
};
const rowValuesShape = Object.fromEntries(fieldInfos.flatMap(valueSchemas)) as RowValuesShape;

/** What each field takes as input (`RowInput` in src/domain/placement-row/fields.ts): strings as typed up to its length; the site by id, or by name (paste, import). */
type RowInputShape = { [K in keyof DomainRowInput]-?: z.ZodOptional<z.ZodType<Exclude<DomainRowInput[K], undefined>>> };

const inputSchemas = (f: FieldInfo): [string, z.ZodType][] =>
  f.form === "site"
    ? [
        [f.key, uuidSchema.nullable().optional()],
        [f.cellKey, z.string().max(f.maxLength).optional()],
      ]
    : [[f.key, z.string().max(f.maxLength).optional()]];
const rowInputShape = Object.fromEntries(fieldInfos.flatMap(inputSchemas)) as RowInputShape;

export const rowSchema = z.object({
  id: uuidSchema,
  sheetId: uuidSchema,
  /** Optimistic locking: send it back with PATCH and DELETE. */
  version: z.number().int(),
  position: z.number().int(),
  personId: uuidSchema.nullable(),
  ...rowValuesShape,
  registrationState: registrationStateSchema,
  orderState: orderStateSchema,
  learningPortalState: learningPortalStateSchema,
  problems: z.array(problemSchema),
  /** The latest change of each field after submission, for red cells with who/when. */
  changes: z.array(changeSchema),
  comments: z.array(commentSchema),
  /** Added after the sheet was submitted: the whole row shows in red. */
  addedAfterSubmission: z.boolean(),
  /**
   * When the student's personal data were deleted after the retention period (SPEC §4), else null.
   * Such a row has no problems and is read-only: PATCH, DELETE and comments answer 409 `rows.anonymised`.
   */
  anonymisedAt: z.string().nullable(),
  /** A withdrawn student (`POST /api/rows/{id}/withdraw`), else null: read-only (409 `rows.withdrawn`). */
  withdrawn: z
    .object({
      on: isoDate,
      reason: z.string(),
      by: z.object({ id: uuidSchema, name: z.string() }).nullable(),
      at: z.string(),
    })
    .nullable(),
  /** The end date before FOU first extended the placement (`POST /api/rows/extend`), else null: "Forlenget fra". */
  extendedFrom: isoDate.nullable(),
});
export type Row = z.infer<typeof rowSchema>;

/** What a person types or pastes into a row; every field optional, strings as typed, the site by id or by name. */
export const rowInputSchema = z.object(rowInputShape);
export type RowInput = z.infer<typeof rowInputSchema>;

/** One row, or several pasted at once. */
export const createRowsBody = z.union([z.object({ rows: z.array(rowInputSchema).min(1).max(5000) }), rowInputSchema]);
export const updateRowBody = rowInputSchema.extend({ version: z.number().int() });
export const deleteRowQuery = z.object({ version: z.coerce.number().int() });
/** Free text: national IDs in it are masked. */
export const commentBody = z.object({ body: z.string().trim().min(1).max(2000) });

export const sheetRowsSchema = z.object({ sheet: sheetSchema, rows: z.array(rowSchema) });
export const createdRowsSchema = z.object({ rows: z.array(rowSchema) });

export const submitResultSchema = z.object({
  sheet: sheetSchema,
  /** True when submitted after the deadline: "levert for sent — tilgang kan ikke garanteres i tide". */
  late: z.boolean(),
});

export const changesSchema = z.object({ changes: z.array(changeSchema) });

/** A row's national ID in full (POST /api/rows/{id}/reveal-national-id; audited, never cached). */
export const revealedNationalIdSchema = z.object({ nationalId: z.string() });
