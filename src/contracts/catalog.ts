import { z } from "zod";
import { text, uuidSchema } from "./common.ts";

export const professionSchema = z.object({ id: uuidSchema, name: z.string() });
export const professionBody = z.object({ name: text(120) });

export const programmeSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  institutionId: uuidSchema,
  institutionShortName: z.string(),
  professionId: uuidSchema,
  professionName: z.string(),
});
export const programmeBody = z.object({ name: text(120), institutionId: uuidSchema, professionId: uuidSchema });

export const placementSiteSchema = z.object({ id: uuidSchema, name: z.string(), department: z.string().nullable() });
export const placementSiteBody = z.object({
  name: text(160),
  department: z
    .string()
    .trim()
    .max(160)
    .nullable()
    .optional()
    .transform((v) => v || null),
});
