import { z } from "zod";
import { pageQuery as page, sortDirection, text, uuidSchema } from "./common.ts";

/**
 * The trust's clinical systems (fagsystemer: DIPS Arena, Metavision …) and the roles each has
 * ("Student sykepleie"), kept by its admins (SPEC §3.2, §3.5). Access profiles name a system and
 * one of its roles (`access-profiles.ts`). A system is archived, never deleted: old profile
 * versions and order lines keep pointing at it. Lists are paged with `limit`/`offset` and return `total`.
 */

/** Whether a list shows the systems (or profiles) in use, the archived ones, or both. */
export const archiveFilterSchema = z.enum(["active", "archived", "all"]);
export type ArchiveFilter = z.infer<typeof archiveFilterSchema>;

/** One current access profile that uses a system, with the role it gives there. */
export const systemUseSchema = z.object({ profileId: uuidSchema, professionName: z.string(), role: z.string() });

export const clinicalSystemSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  /** The roles the system has, in the admin's order. */
  roles: z.array(z.string()),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  /**
   * The current, not archived access profiles that use the system: while any does, the system is
   * not archived and the role it gives is not removed.
   */
  usedBy: z.array(systemUseSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClinicalSystem = z.infer<typeof clinicalSystemSchema>;

/** A role's name as the IT provider knows it. Names are unique within a system, whatever their case. */
const rolesInput = z
  .array(text(120))
  .min(1)
  .max(40)
  .superRefine((roles, ctx) => {
    const seen = new Set<string>();
    roles.forEach((role, index) => {
      const key = role.toLocaleLowerCase("nb");
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: "clinical_systems.duplicate_role" });
      seen.add(key);
    });
  });

export const createClinicalSystemBody = z.object({ name: text(120), roles: rolesInput });
export type CreateClinicalSystemBody = z.input<typeof createClinicalSystemBody>;

/** Rename, change the roles, archive (`archived: true`) or restore (`archived: false`). */
export const updateClinicalSystemBody = z
  .object({ name: text(120), roles: rolesInput, archived: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "validation.empty_update" });
export type UpdateClinicalSystemBody = z.input<typeof updateClinicalSystemBody>;

export const clinicalSystemSortSchema = z.enum(["name", "updated"]);
export const clinicalSystemsQuery = z.object({
  /** Part of the system's name or of one of its roles. */
  q: z.string().trim().max(100).optional(),
  status: archiveFilterSchema.default("active"),
  sort: clinicalSystemSortSchema.default("name"),
  dir: sortDirection,
  ...page,
});
export const clinicalSystemListSchema = z.object({ items: z.array(clinicalSystemSchema), total: z.number().int() });
