import { z } from "zod";
import { languageSchema, roleSchema, uuidSchema } from "./common.ts";
import { emailNotificationsSchema } from "./notifications.ts";

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1000),
});

export const membershipSchema = z.object({
  id: uuidSchema,
  trustId: uuidSchema,
  trustName: z.string(),
  role: roleSchema,
  institutionId: uuidSchema.nullable(),
  institutionName: z.string().nullable(),
  institutionShortName: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const trustSummarySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  testMode: z.boolean(),
  defaultLanguage: languageSchema,
  studentInfoUrl: z.string().nullable(),
  itHelpUrl: z.string().nullable(),
  /** For previews of deadlines and names before something is created. */
  deadlineDays: z.number().int(),
  namingStandard: z.object({
    document: z.string(),
    sheet: z.string(),
    internationalSheet: z.string(),
    file: z.string(),
  }),
});

export const meSchema = z.object({
  user: z.object({
    id: uuidSchema,
    email: z.string(),
    name: z.string(),
    language: languageSchema.nullable(),
    /** Notifications by e-mail: each at once, a daily digest, or none. */
    emailNotifications: emailNotificationsSchema,
    isSystemAdmin: z.boolean(),
  }),
  memberships: z.array(membershipSchema),
  /** The trust the person works in now, with the settings the UI needs. */
  activeTrust: trustSummarySchema.nullable(),
  /** Roles at the active trust. */
  roles: z.array(roleSchema),
});
export type Me = z.infer<typeof meSchema>;

/** The web app's session probe: the signed-in person, or null for an anonymous caller (not an error). */
export const sessionSchema = z.object({ me: meSchema.nullable() });
export type Session = z.infer<typeof sessionSchema>;

export const switchTrustBody = z.object({ trustId: uuidSchema });
/** The person's own preferences; a field left out stays as it is. */
export const updateMeBody = z.object({
  language: languageSchema.nullable().optional(),
  emailNotifications: emailNotificationsSchema.optional(),
});
