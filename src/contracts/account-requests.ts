import { z } from "zod";
import { email, okSchema, roleSchema, text, uuidSchema } from "./common.ts";
import { noticesSchema } from "./notices.ts";
import { administratorRole, heldForInstitution } from "./policies.ts";

/** What the sign-in page offers a person without an account: the trusts and their institutions. */
export const publicTrustsSchema = z.array(
  z.object({
    id: uuidSchema,
    name: z.string(),
    institutions: z.array(z.object({ id: uuidSchema, name: z.string(), shortName: z.string() })),
  }),
);

export const accountRequestBody = z
  .object({
    trustId: uuidSchema,
    name: text(200),
    email: email(),
    /** Required for coordinators: the institution they work at. */
    institutionId: uuidSchema.nullable().optional(),
    role: roleSchema.exclude([administratorRole]),
    /** Free text, like `name`: national IDs in either are masked (a notice in the answer). */
    message: z.string().trim().max(1000).optional(),
  })
  .refine((r) => !heldForInstitution(r.role) || Boolean(r.institutionId), {
    message: "A coordinator names their institution.",
    path: ["institutionId"],
  });

export const accountRequestStatusSchema = z.enum(["pending", "approved", "declined"]);

export const accountRequestSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  institution: z.object({ id: uuidSchema, shortName: z.string(), name: z.string() }).nullable(),
  message: z.string().nullable(),
  status: accountRequestStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  declineReason: z.string().nullable(),
  /** An account with this e-mail exists already (approval then only adds the role). */
  existingUser: z.boolean(),
});
export type AccountRequest = z.infer<typeof accountRequestSchema>;

/** The answer to a request: the same whoever asks, with a notice when national IDs were masked. */
export const accountRequestSubmittedSchema = okSchema.extend({ notices: noticesSchema });

export const accountRequestListQuery = z.object({ status: accountRequestStatusSchema.optional() });
/** The reason is free text sent to the person: national IDs in it are masked (a notice in the answer). */
export const declineBody = z.object({ reason: text(1000) });
export const declinedAccountRequestSchema = accountRequestSchema.extend({ notices: noticesSchema });

export const setPasswordBody = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(12).max(1000),
});
