import { z } from "zod";
import { isoDate, pageQuery, uuidSchema } from "./common.ts";

/**
 * Læringsportalen users (SPEC §3.3, seed 5.3): students on international sheets without a
 * Norwegian national ID (and D-number holders where the trust says so) need a user made by hand.
 * FOU sends them in batches, by e-mail, to the trust's Læringsportalen address, and marks each user
 * created. No answer here holds a national ID or D-number.
 */

/** The states of a person who needs a manual user (`not_needed` people are not listed). */
export const learningPortalListStates = ["needed", "requested", "created"] as const;
export const learningPortalListStateSchema = z.enum(learningPortalListStates);
export type LearningPortalListState = z.infer<typeof learningPortalListStateSchema>;

export const learningPortalSortSchema = z.enum(["name", "start", "institution", "sheet", "state"]);

/** `GET /api/learning-portal`. */
export const learningPortalQuery = z.object({
  /** Name, e-mail address, home institution or sheet. */
  q: z.string().trim().max(100).optional(),
  state: learningPortalListStateSchema.optional(),
  institutionId: uuidSchema.optional(),
  sort: learningPortalSortSchema.default("start"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  ...pageQuery,
});

export const learningPortalBatchRefSchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  /** When it was sent (ISO time). */
  sentAt: z.string(),
});

/** One person who needs a manual user, with their first current or coming placement. */
export const learningPortalItemSchema = z.object({
  personId: uuidSchema,
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  homeInstitution: z.string(),
  institution: z.object({ id: uuidSchema, shortName: z.string() }),
  overviewId: uuidSchema,
  sheetId: uuidSchema,
  sheetName: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  state: learningPortalListStateSchema,
  /** The batch the person was last sent in; null while needed (or created without a batch). */
  batch: learningPortalBatchRefSchema.nullable(),
});
export type LearningPortalItem = z.infer<typeof learningPortalItemSchema>;

export const learningPortalListSchema = z.object({
  items: z.array(learningPortalItemSchema),
  total: z.number().int(),
  /** The trust's Læringsportalen address; null until it is set in the settings (batches are refused). */
  address: z.string().nullable(),
});
export type LearningPortalList = z.infer<typeof learningPortalListSchema>;

/** `POST /api/learning-portal/batches`: these persons, or every one still needed when none are given. */
export const learningPortalBatchBody = z.object({
  personIds: z.array(uuidSchema).max(2000).optional(),
});
export type LearningPortalBatchBody = z.input<typeof learningPortalBatchBody>;

export const learningPortalBatchSchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  toAddress: z.string(),
  personCount: z.number().int(),
  sentAt: z.string(),
  personIds: z.array(uuidSchema),
});
export type LearningPortalBatch = z.infer<typeof learningPortalBatchSchema>;

/** `POST /api/learning-portal/mark-created`. */
export const learningPortalMarkBody = z.object({
  personIds: z.array(uuidSchema).min(1).max(2000),
});
export type LearningPortalMarkBody = z.input<typeof learningPortalMarkBody>;
export const learningPortalMarkResponse = z.object({ created: z.number().int(), personIds: z.array(uuidSchema) });
