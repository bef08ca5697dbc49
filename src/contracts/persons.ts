import { z } from "zod";
import { holdsNationalId } from "../domain/free-text.ts";
import { dateInput, email, text, uuidSchema } from "./common.ts";

/** A person (student) as the API shows them: the national ID only masked (`010190 *****`). */
export const personSchema = z.object({
  id: uuidSchema,
  firstName: z.string(),
  lastName: z.string(),
  /** `YYYY-MM-DD`. */
  birthDate: z.string().nullable(),
  nationalIdMasked: z.string().nullable(),
  email: z.string().nullable(),
  emailConfirmed: z.boolean(),
  /** E.164. */
  mobile: z.string().nullable(),
  username: z.string().nullable(),
  hrTransferredAt: z.string().nullable(),
  learningPortalState: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

/**
 * A person's details as a sheet, an upload or a registration gives them. The national ID may be a
 * number (a workbook cell) and is validated by the domain's national-id wrapper with the trust's
 * test mode; the mobile number is turned into E.164.
 */
export const personInputSchema = z.object({
  nationalId: z
    .union([z.string().max(40), z.number()])
    .nullable()
    .optional(),
  firstName: text(100),
  lastName: text(100),
  email: email().nullable().optional(),
  mobile: z.string().trim().max(40).nullable().optional(),
  /** An identifier, never masked: one that holds a national ID is refused (`username.national_id`). */
  username: text(100)
    .refine((v) => !holdsNationalId(v), "username.national_id")
    .nullable()
    .optional(),
  birthDate: dateInput.nullable().optional(),
});
export type PersonInput = z.input<typeof personInputSchema>;

/**
 * The context of a reveal: coordinators name the institution through which they see the person
 * (the overview row's institution); FOU and admins may name one for the audit trail. The body may
 * be left out.
 */
export const revealNationalIdBody = z.object({ institutionId: uuidSchema.optional() }).nullish();
export const revealNationalIdResponse = z.object({ nationalId: z.string().regex(/^\d{11}$/) });

/** Why two or more persons may be the same student: the same e-mail, or the same names and birth date. */
export const duplicateReasonSchema = z.enum(["email", "name_birth_date"]);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

export const duplicatesQuery = z.object({
  reason: duplicateReasonSchema.optional(),
  /** Part of the e-mail or name the groups share. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A person in a group of likely duplicates, with the institutions whose rows name them. */
export const duplicatePersonSchema = personSchema
  .pick({ id: true, firstName: true, lastName: true, birthDate: true, nationalIdMasked: true, email: true })
  .extend({
    institutions: z.array(z.object({ id: uuidSchema, name: z.string(), shortName: z.string(), rows: z.number() })),
    createdAt: z.string(),
  });

export const duplicateGroupSchema = z.object({
  reason: duplicateReasonSchema,
  /** What the persons share, lower-cased: the e-mail, or "etternavn, fornavn, YYYY-MM-DD". */
  key: z.string(),
  persons: z.array(duplicatePersonSchema),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;

export const duplicatesResponse = z.object({
  groups: z.array(duplicateGroupSchema),
  /** Groups matching the filters, over every page. */
  total: z.number(),
});

/** Merge `otherId` into the person of the path: the other person's rows move to it and it is deleted. */
export const mergePersonBody = z.object({ otherId: uuidSchema });
export const mergePersonResponse = z.object({ person: personSchema, movedRows: z.number() });
