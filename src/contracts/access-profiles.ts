import { z } from "zod";
import { archiveFilterSchema } from "./clinical-systems.ts";
import { pageQuery as page, sortDirection, text, uuidSchema } from "./common.ts";

/**
 * Access profiles (tilgangsprofiler, SPEC §3.5, seed 5.5 a): per profession of the trust, the
 * clinical systems its students get, with the role in each, and the limits that apply to
 * students. A profile is versioned: each change of its systems, roles or limits makes a new,
 * immutable version, and an order line keeps the version it was ordered with (its id). One
 * profile per profession is current (not archived); archived profiles and all versions stay readable.
 */

export const accessProfileItemSchema = z.object({
  systemId: uuidSchema,
  systemName: z.string(),
  role: z.string(),
  /** The system has been archived since: the version keeps it as it was. */
  systemArchived: z.boolean(),
  /** The system no longer has this role: the version keeps it as it was. */
  roleRemoved: z.boolean(),
});
export type AccessProfileItem = z.infer<typeof accessProfileItemSchema>;

/** One version of a profile, as it was made; never changed. */
export const accessProfileVersionSchema = z.object({
  /** What an order line refers to. */
  id: uuidSchema,
  version: z.number().int(),
  items: z.array(accessProfileItemSchema),
  /** The limits and restrictions that apply to students (free text for the IT provider). */
  limits: z.string(),
  /** What changed and why, as the admin wrote it. */
  note: z.string().nullable(),
  createdAt: z.string(),
  /** The name of who made it; null when the person is gone. */
  createdBy: z.string().nullable(),
});
export type AccessProfileVersion = z.infer<typeof accessProfileVersionSchema>;

export const accessProfileSchema = z.object({
  id: uuidSchema,
  professionId: uuidSchema,
  professionName: z.string(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  /** The version orders use now (the newest). */
  current: accessProfileVersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccessProfile = z.infer<typeof accessProfileSchema>;

/** One profile with all its versions, newest first (`GET /api/access-profiles/{id}`). */
export const accessProfileWithVersionsSchema = accessProfileSchema.extend({
  versions: z.array(accessProfileVersionSchema),
});
export type AccessProfileWithVersions = z.infer<typeof accessProfileWithVersionsSchema>;

/** A system and the role in it; each system once per profile (`access_profiles.duplicate_system`). */
const itemsInput = z
  .array(z.object({ systemId: uuidSchema, role: text(120) }))
  .min(1)
  .max(40)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.systemId))
        ctx.addIssue({ code: "custom", path: [index, "systemId"], message: "access_profiles.duplicate_system" });
      seen.add(item.systemId);
    });
  });
const limitsInput = z.string().trim().max(4000);
const noteInput = z.string().trim().max(500);

export const createAccessProfileBody = z.object({
  professionId: uuidSchema,
  items: itemsInput,
  limits: limitsInput.default(""),
  note: noteInput.optional(),
});
export type CreateAccessProfileBody = z.input<typeof createAccessProfileBody>;

/**
 * New systems, roles or limits make a new version (`note` says why; an unchanged content makes
 * none); `archived` archives or restores the profile without a new version. `basedOnVersion`, when
 * given, is the version the change was made from: a newer one answers 409 `access_profiles.version_conflict`.
 */
export const updateAccessProfileBody = z
  .object({
    items: itemsInput.optional(),
    limits: limitsInput.optional(),
    note: noteInput.optional(),
    archived: z.boolean().optional(),
    basedOnVersion: z.number().int().min(1).optional(),
  })
  .refine((v) => v.items !== undefined || v.limits !== undefined || v.archived !== undefined, {
    message: "validation.empty_update",
  });
export type UpdateAccessProfileBody = z.input<typeof updateAccessProfileBody>;

export const accessProfileSortSchema = z.enum(["profession", "version", "updated"]);
export const accessProfilesQuery = z.object({
  /** Part of the profession's name or of a system's name in the current version. */
  q: z.string().trim().max(100).optional(),
  professionId: uuidSchema.optional(),
  /** Profiles whose current version uses this system. */
  systemId: uuidSchema.optional(),
  status: archiveFilterSchema.default("active"),
  sort: accessProfileSortSchema.default("profession"),
  dir: sortDirection,
  ...page,
});
export const accessProfileListSchema = z.object({ items: z.array(accessProfileSchema), total: z.number().int() });
