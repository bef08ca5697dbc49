import { z } from "zod";
import { isIsoDate } from "../domain/dates.ts";
import { holdsNationalId } from "../domain/free-text.ts";
import { languages, roles } from "./vocabulary.ts";

export const roleSchema = z.enum(roles);
export const languageSchema = z.enum(languages);

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
/** A date in an answer: `YYYY-MM-DD` as stored. */
export const isoDate = z.string().regex(datePattern, "Use YYYY-MM-DD.");
/**
 * A date a request sends: `YYYY-MM-DD` and a day by the app's one date rule (`isIsoDate` in
 * src/domain/dates.ts: a day the calendar has, years 1900–2199); else `date.invalid` on the field.
 */
export const dateInput = z
  .string()
  .regex(datePattern, { message: "date.invalid", abort: true })
  .refine(isIsoDate, { message: "date.invalid" });

export const uuidSchema = z.uuid();
export const idParams = z.object({ id: uuidSchema });

/** Every error answer: a stable dotted code the web translates, and an English fallback message. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof errorSchema>;

/**
 * One refused value of an error answer (`details.issues`, with `validation.failed`, `rows.invalid`,
 * `validation.nul_character` …): the dotted path of the field in the request (`email`,
 * `rows.0.lastName`) and a problem code or an English message.
 */
export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

export const personRefSchema = z.object({ id: uuidSchema, name: z.string(), email: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

/** A non-empty trimmed text, as people type it into forms. */
export const text = (max = 200) => z.string().trim().min(1).max(max);
/**
 * An e-mail address. One holding a national ID (`01019012345@uib.no`) is refused (`email.national_id`):
 * an address is an identifier, never masked, and no school or trust gives out such addresses.
 */
export const email = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email())
    .pipe(z.string().max(254))
    .refine((v) => !holdsNationalId(v), "email.national_id");

/** Whether the server will take this as an e-mail address (forms check before sending). */
export const isEmail = (value: string) => email().safeParse(value).success;
export const optionalUrl = () =>
  z
    .union([z.url({ protocol: /^https?$/ }), z.literal("")])
    .nullable()
    .transform((v) => (v === "" ? null : v));

/** `limit`/`offset` paging of a list query (answers carry `total`). */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const sortDirection = z.enum(["asc", "desc"]).default("asc");
