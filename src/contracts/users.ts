import { z } from "zod";
import { email, roleSchema, text, uuidSchema } from "./common.ts";
import { heldForInstitution } from "./policies.ts";

export const userMembershipSchema = z.object({
  id: uuidSchema,
  role: roleSchema,
  institutionId: uuidSchema.nullable(),
  institutionShortName: z.string().nullable(),
});

export const userSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  hasPassword: z.boolean(),
  /** Memberships at the caller's active trust only. */
  memberships: z.array(userMembershipSchema),
});
export type User = z.infer<typeof userSchema>;

export const membershipBody = z
  .object({ role: roleSchema, institutionId: uuidSchema.nullable().optional() })
  .refine((m) => heldForInstitution(m.role) === Boolean(m.institutionId), {
    message: "A coordinator needs an institution; other roles have none.",
    path: ["institutionId"],
  });

export const createUserBody = z.object({
  name: text(200),
  email: email(),
  /** Optional: people who sign in through their organisation need none. */
  password: z.string().min(12).max(1000).optional(),
  membership: membershipBody,
});

export const updateUserBody = z.object({
  name: text(200).optional(),
  active: z.boolean().optional(),
  password: z.string().min(12).max(1000).optional(),
});
