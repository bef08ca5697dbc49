import { z } from "zod";
import { personRefSchema, text, uuidSchema } from "./common.ts";

export const institutionSchema = z.object({ id: uuidSchema, name: z.string(), shortName: z.string() });
export type Institution = z.infer<typeof institutionSchema>;

export const createInstitutionBody = z.object({
  name: text(200),
  shortName: text(20),
});

export const agreementSchema = z.object({
  id: uuidSchema,
  institution: institutionSchema,
  mainContact: personRefSchema.nullable(),
  deputyContact: personRefSchema.nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const createAgreementBody = z.object({
  institutionId: uuidSchema,
  mainContactId: uuidSchema.nullable().optional(),
  deputyContactId: uuidSchema.nullable().optional(),
});
export const updateAgreementBody = z.object({
  mainContactId: uuidSchema.nullable(),
  deputyContactId: uuidSchema.nullable(),
});
