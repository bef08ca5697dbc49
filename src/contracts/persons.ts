import { z } from "zod";
import { email, text, uuidSchema } from "./common.ts";

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
  username: text(100).nullable().optional(),
  birthDate: z.iso.date().nullable().optional(),
});
export type PersonInput = z.input<typeof personInputSchema>;

/**
 * The context of a reveal: coordinators name the institution through which they see the person
 * (the overview row's institution); FOU and admins may name one for the audit trail. The body may
 * be left out.
 */
export const revealNationalIdBody = z.object({ institutionId: uuidSchema.optional() }).nullish();
export const revealNationalIdResponse = z.object({ nationalId: z.string().regex(/^\d{11}$/) });
