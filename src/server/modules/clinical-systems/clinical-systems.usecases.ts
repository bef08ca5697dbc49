import type { z } from "zod";
import type {
  ClinicalSystem,
  clinicalSystemsQuery,
  createClinicalSystemBody,
  updateClinicalSystemBody,
} from "../../../contracts/clinical-systems.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { roleInUse, systemInUse, systemNameTaken, systemNotFound } from "./clinical-systems.errors.ts";
import {
  type ClinicalSystemsRepository,
  createClinicalSystemsRepository,
  type SystemRow,
} from "./clinical-systems.repository.ts";

type SystemUse = Awaited<ReturnType<ClinicalSystemsRepository["usesOf"]>>[number];

/** A system as the API shows it, with the current profiles that use it. */
function systemOut(row: SystemRow, uses: SystemUse[]): ClinicalSystem {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles,
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    usedBy: uses
      .filter((u) => u.systemId === row.id)
      .map(({ profileId, professionName, role }) => ({ profileId, professionName, role })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The trust's clinical systems: read by admins and FOU, kept by admins; archived, never deleted. */
export function createClinicalSystemsUsecases({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createClinicalSystemsRepository({ db });

  return {
    async list(actor: Actor, query: z.infer<typeof clinicalSystemsQuery>) {
      const trustId = requirePolicy(actor, "clinicalSystems.read");
      const { items, total } = await repo.list({ trustId, q: query.q, status: query.status }, query);
      const uses = await repo.usesOf(items.map((s) => s.id));
      return { items: items.map((s) => systemOut(s, uses)), total };
    },

    async create(actor: Actor, input: z.infer<typeof createClinicalSystemBody>) {
      const trustId = requirePolicy(actor, "clinicalSystems.manage");
      return db.transaction(async (tx) => {
        const r = createClinicalSystemsRepository({ db: tx });
        if (await r.nameTaken(trustId, input.name)) throw systemNameTaken();
        const row = await r.insert({ trustId, name: input.name, roles: input.roles });
        await writeAudit(tx, auditContext(actor), {
          entity: "clinical_system",
          entityId: row.id,
          action: "create",
          fields: ["name", "roles"],
        });
        return systemOut(row, []);
      });
    },

    /**
     * Renames, changes the roles, archives or restores. A role that a current profile gives is not
     * removed, nor a system such a profile uses archived (409, naming the professions); older
     * profile versions keep the roles they were made with.
     */
    async update(actor: Actor, id: string, input: z.infer<typeof updateClinicalSystemBody>) {
      const trustId = requirePolicy(actor, "clinicalSystems.manage");
      return db.transaction(async (tx) => {
        const r = createClinicalSystemsRepository({ db: tx });
        const before = await r.findForUpdate(trustId, id);
        if (!before) throw systemNotFound();
        if (input.name !== undefined && (await r.nameTaken(trustId, input.name, id))) throw systemNameTaken();
        const uses = await r.usesOf([id]);
        const removed = input.roles ? before.roles.filter((role) => !input.roles?.includes(role)) : [];
        const stillGiven = uses.filter((u) => removed.includes(u.role));
        if (stillGiven.length > 0)
          throw roleInUse(
            [...new Set(stillGiven.map((u) => u.role))],
            stillGiven.map((u) => u.professionName),
          );
        const archiving = input.archived === true && before.archivedAt === null;
        const restoring = input.archived === false && before.archivedAt !== null;
        if (archiving && uses.length > 0) throw systemInUse(uses.map((u) => u.professionName));

        const fields: string[] = [];
        if (input.name !== undefined && input.name !== before.name) fields.push("name");
        if (input.roles && JSON.stringify(input.roles) !== JSON.stringify(before.roles)) fields.push("roles");
        if (fields.length === 0 && !archiving && !restoring) return systemOut(before, uses);
        const after = await r.update(id, {
          ...(fields.includes("name") ? { name: input.name } : {}),
          ...(fields.includes("roles") ? { roles: input.roles } : {}),
          ...(archiving ? { archivedAt: clock.now() } : restoring ? { archivedAt: null } : {}),
        });
        const ctx = auditContext(actor);
        if (fields.length > 0)
          await writeAudit(tx, ctx, { entity: "clinical_system", entityId: id, action: "update", fields });
        if (archiving || restoring)
          await writeAudit(tx, ctx, {
            entity: "clinical_system",
            entityId: id,
            action: archiving ? "archive" : "restore",
            fields: ["archived_at"],
          });
        return systemOut(after, uses);
      });
    },
  };
}
export type ClinicalSystemsUsecases = ReturnType<typeof createClinicalSystemsUsecases>;
