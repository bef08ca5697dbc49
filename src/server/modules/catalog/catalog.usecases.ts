import type { z } from "zod";
import type { placementSiteBody, programmeBody } from "../../../contracts/catalog.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { type AuditEntry, writeAudit } from "../audit/audit.public.ts";
import { hasAgreement } from "../institutions/institutions.public.ts";
import {
  institutionWithoutAgreement,
  inUse,
  nameTaken,
  placementSiteNotFound,
  professionNotFound,
  programmeNotFound,
} from "./catalog.errors.ts";
import { type CatalogRepository, createCatalogRepository } from "./catalog.repository.ts";

type ProgrammeInput = z.infer<typeof programmeBody>;
type SiteInput = z.infer<typeof placementSiteBody>;

/** What the catalog asks of the modules above it (wired in module-links.ts). */
export interface ProfessionLinks {
  /** Whether an access profile (archived ones too) is for the profession. */
  inUse(tx: DbOrTx, trustId: string, professionId: string): Promise<boolean>;
}

/** Programmes, professions and placement sites: read by the trust's people, kept by its admins. */
export function createCatalogUsecases({ db, links }: { db: Db; links: ProfessionLinks }) {
  const repo = createCatalogRepository({ db });

  /** Runs an admin's change and its audit row in one transaction. */
  async function adminChange<T>(
    actor: Actor,
    change: (r: CatalogRepository, trustId: string, tx: DbOrTx) => Promise<{ result: T; audit: AuditEntry }>,
  ) {
    const trustId = requirePolicy(actor, "catalog.manage");
    return db.transaction(async (tx) => {
      const { result, audit } = await change(createCatalogRepository({ db: tx }), trustId, tx);
      await writeAudit(tx, auditContext(actor), audit);
      return result;
    });
  }

  async function programmeOut(r: CatalogRepository, trustId: string, id: string) {
    const [row] = await r.listProgrammes(trustId, undefined, id);
    return row as NonNullable<typeof row>;
  }

  async function checkProgramme(
    r: CatalogRepository,
    tx: DbOrTx,
    trustId: string,
    input: ProgrammeInput,
    exceptId?: string,
  ) {
    if (!(await r.findProfession(trustId, input.professionId))) throw professionNotFound();
    if (!(await hasAgreement(tx, trustId, input.institutionId))) throw institutionWithoutAgreement();
    const same = await r.findProgrammeByName(trustId, input.institutionId, input.name);
    if (same && same.id !== exceptId) throw nameTaken();
  }

  return {
    async listProfessions(actor: Actor) {
      return repo.listProfessions(requirePolicy(actor, "catalog.read"));
    },
    createProfession: (actor: Actor, name: string) =>
      adminChange(actor, async (r, trustId) => {
        if (await r.findProfessionByName(trustId, name)) throw nameTaken();
        const result = await r.createProfession(trustId, name);
        return { result, audit: { entity: "profession", entityId: result.id, action: "create", fields: ["name"] } };
      }),
    renameProfession: (actor: Actor, id: string, name: string) =>
      adminChange(actor, async (r, trustId) => {
        if (!(await r.findProfession(trustId, id))) throw professionNotFound();
        const same = await r.findProfessionByName(trustId, name);
        if (same && same.id !== id) throw nameTaken();
        await r.renameProfession(id, name);
        return {
          result: { id, name },
          audit: { entity: "profession", entityId: id, action: "update", fields: ["name"] },
        };
      }),
    deleteProfession: (actor: Actor, id: string) =>
      adminChange(actor, async (r, trustId, tx) => {
        if (!(await r.findProfession(trustId, id))) throw professionNotFound();
        if ((await r.countProgrammesOfProfession(id)) > 0 || (await links.inUse(tx, trustId, id))) throw inUse();
        await r.deleteProfession(id);
        return { result: { ok: true as const }, audit: { entity: "profession", entityId: id, action: "delete" } };
      }),

    /** How many professions, programmes and placement sites `listProfessions`, `listProgrammes` and `listPlacementSites` give. */
    async counts(actor: Actor) {
      const trustId = requirePolicy(actor, "catalog.read");
      return repo.counts(trustId, seesWholeTrust(actor, "catalog.read") ? undefined : actor.institutionIds);
    },

    /** Coordinators see their own institution's programmes only. */
    async listProgrammes(actor: Actor) {
      const trustId = requirePolicy(actor, "catalog.read");
      const seesAll = seesWholeTrust(actor, "catalog.read");
      return repo.listProgrammes(trustId, seesAll ? undefined : actor.institutionIds);
    },
    createProgramme: (actor: Actor, input: ProgrammeInput) =>
      adminChange(actor, async (r, trustId, tx) => {
        await checkProgramme(r, tx, trustId, input);
        const { id } = await r.createProgramme({ ...input, trustId });
        return {
          result: await programmeOut(r, trustId, id),
          audit: {
            entity: "programme",
            entityId: id,
            action: "create",
            fields: ["name", "institution_id", "profession_id"],
            institutionId: input.institutionId,
          },
        };
      }),
    updateProgramme: (actor: Actor, id: string, input: ProgrammeInput) =>
      adminChange(actor, async (r, trustId, tx) => {
        const [before] = await r.listProgrammes(trustId, undefined, id);
        if (!before) throw programmeNotFound();
        await checkProgramme(r, tx, trustId, input, id);
        await r.updateProgramme(id, input);
        const fields = (["name", "institutionId", "professionId"] as const)
          .filter((k) => before[k] !== input[k])
          .map((k) => ({ name: "name", institutionId: "institution_id", professionId: "profession_id" })[k]);
        return {
          result: await programmeOut(r, trustId, id),
          audit: { entity: "programme", entityId: id, action: "update", fields, institutionId: input.institutionId },
        };
      }),
    deleteProgramme: (actor: Actor, id: string) =>
      adminChange(actor, async (r, trustId) => {
        const [before] = await r.listProgrammes(trustId, undefined, id);
        if (!before) throw programmeNotFound();
        await r.deleteProgramme(id);
        return {
          result: { ok: true as const },
          audit: { entity: "programme", entityId: id, action: "delete", institutionId: before.institutionId },
        };
      }),

    async listPlacementSites(actor: Actor) {
      return repo.listPlacementSites(requirePolicy(actor, "catalog.read"));
    },
    createPlacementSite: (actor: Actor, input: SiteInput) =>
      adminChange(actor, async (r, trustId) => {
        if (await r.findPlacementSiteByName(trustId, input.name)) throw nameTaken();
        const result = await r.createPlacementSite({ trustId, name: input.name, department: input.department });
        return {
          result,
          audit: { entity: "placement_site", entityId: result.id, action: "create", fields: ["name", "department"] },
        };
      }),
    updatePlacementSite: (actor: Actor, id: string, input: SiteInput) =>
      adminChange(actor, async (r, trustId) => {
        const before = await r.findPlacementSite(trustId, id);
        if (!before) throw placementSiteNotFound();
        const same = await r.findPlacementSiteByName(trustId, input.name);
        if (same && same.id !== id) throw nameTaken();
        await r.updatePlacementSite(id, { name: input.name, department: input.department });
        const fields = (["name", "department"] as const).filter((k) => before[k] !== input[k]);
        return {
          result: { id, name: input.name, department: input.department },
          audit: { entity: "placement_site", entityId: id, action: "update", fields },
        };
      }),
    deletePlacementSite: (actor: Actor, id: string) =>
      adminChange(actor, async (r, trustId) => {
        if (!(await r.findPlacementSite(trustId, id))) throw placementSiteNotFound();
        await r.deletePlacementSite(id);
        return { result: { ok: true as const }, audit: { entity: "placement_site", entityId: id, action: "delete" } };
      }),
  };
}
export type CatalogUsecases = ReturnType<typeof createCatalogUsecases>;
