import { z } from "zod";
import { email, languageSchema, optionalUrl, text, uuidSchema } from "./common.ts";

export const trustSettingsSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  testMode: z.boolean(),
  deadlineDays: z.number().int(),
  defaultLanguage: languageSchema,
  studentInfoUrl: z.string().nullable(),
  itHelpUrl: z.string().nullable(),
  learningPortalEmail: z.string().nullable(),
  retentionMonths: z.number().int(),
  dNumberNeedsManualUser: z.boolean(),
});
export type TrustSettings = z.infer<typeof trustSettingsSchema>;

export const updateTrustSettingsBody = z
  .object({
    testMode: z.boolean(),
    deadlineDays: z.number().int().min(0).max(180),
    defaultLanguage: languageSchema,
    studentInfoUrl: optionalUrl(),
    itHelpUrl: optionalUrl(),
    learningPortalEmail: z
      .union([email(), z.literal("")])
      .nullable()
      .transform((v) => v || null),
    retentionMonths: z.number().int().min(1).max(120),
    dNumberNeedsManualUser: z.boolean(),
  })
  .partial();

export const createTrustBody = z.object({
  name: text(160),
  firstAdmin: z.object({ name: text(200), email: email() }),
});
