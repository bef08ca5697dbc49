import type { z } from "zod";
import type {
  createAgreementBody,
  createInstitutionBody,
  updateAgreementBody,
} from "../../../contracts/institutions.ts";
import { type Actor, requireMay, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { forbidden } from "../../shared/errors.ts";
import { changedFields, writeAudit } from "../audit/audit.public.ts";
import {
  agreementExists,
  agreementInUse,
  agreementNotFound,
  contactNotStudentAdmin,
  institutionNameTaken,
  institutionNotFound,
} from "./institutions.errors.ts";
import { createInstitutionsRepository } from "./institutions.repository.ts";

type InstitutionInput = z.infer<typeof createInstitutionBody>;

/**
 * What the institutions module asks of the modules above it (wired by the composition root, from
 * the users and catalog modules' public files): an agreement names users as its FOU contacts, and is
 * in use while the trust has coordinators or programmes at the institution.
 */
export interface AgreementLinks {
  /** The people with these ids (name and e-mail), in any order. */
  people(tx: DbOrTx, ids: string[]): Promise<{ id: string; name: string; email: string }[]>;
  /** Whether every one of these people may be an agreement's contact at the trust (policy `agreements.contact`). */
  allMayBeContacts(tx: DbOrTx, trustId: string, ids: string[]): Promise<boolean>;
  /** Whether the trust has coordinators or programmes at the institution. */
  inUse(tx: DbOrTx, trustId: string, institutionId: string): Promise<boolean>;
}

export function createInstitutionsUsecases({ db, links }: { db: Db; links: AgreementLinks }) {
  const repo = createInstitutionsRepository({ db });

  async function checkContacts(tx: DbOrTx, trustId: string, ids: (string | null | undefined)[]) {
    const given = ids.filter((id): id is string => Boolean(id));
    if (!(await links.allMayBeContacts(tx, trustId, given))) throw contactNotStudentAdmin();
  }

  /** The trust's agreements (or the one with `agreementId`), each with its contacts' names and e-mail. */
  async function agreementsOf(tx: DbOrTx, trustId: string, agreementId?: string) {
    const rows = await createInstitutionsRepository({ db: tx }).listAgreements(trustId, agreementId);
    const ids = [...new Set(rows.flatMap((r) => [r.mainContactId, r.deputyContactId]).filter((id) => id !== null))];
    const people = new Map((ids.length > 0 ? await links.people(tx, ids) : []).map((p) => [p.id, p]));
    const contact = (id: string | null) => (id ? (people.get(id) ?? null) : null);
    return rows.map((r) => ({
      id: r.id,
      institution: r.institution,
      mainContact: contact(r.mainContactId),
      deputyContact: contact(r.deputyContactId),
    }));
  }

  async function ensureNameFree(input: InstitutionInput, exceptId?: string) {
    const all = await repo.listAll();
    const clash = all.some(
      (i) =>
        i.id !== exceptId &&
        (i.name.toLowerCase() === input.name.toLowerCase() ||
          i.shortName.toLowerCase() === input.shortName.toLowerCase()),
    );
    if (clash) throw institutionNameTaken();
  }

  return {
    /** What the caller may see: the trust's institutions, or a coordinator's own only. */
    async listVisible(actor: Actor) {
      if (!actor.trustId) {
        if (actor.isSystemAdmin) return repo.listAll();
        throw forbidden();
      }
      const seesAll = seesWholeTrust(actor, "institutions.read");
      return repo.listForTrust(actor.trustId, seesAll ? undefined : actor.institutionIds);
    },

    /** How many institutions `listVisible` gives. */
    async countVisible(actor: Actor) {
      if (!actor.trustId) {
        if (actor.isSystemAdmin) return repo.countVisible(null);
        throw forbidden();
      }
      const seesAll = seesWholeTrust(actor, "institutions.read");
      return repo.countVisible(actor.trustId, seesAll ? undefined : actor.institutionIds);
    },

    async listAll(actor: Actor) {
      requireMay(actor, "institutions.manage");
      return repo.listAll();
    },

    async create(actor: Actor, input: InstitutionInput) {
      requireMay(actor, "institutions.manage");
      await ensureNameFree(input);
      return db.transaction(async (tx) => {
        const created = await createInstitutionsRepository({ db: tx }).create(input);
        await writeAudit(tx, auditContext(actor), {
          entity: "institution",
          entityId: created.id,
          action: "create",
          fields: ["name", "short_name"],
          institutionId: created.id,
        });
        return created;
      });
    },

    /** A trust's admin renames only institutions the trust has an agreement with. */
    async update(actor: Actor, id: string, input: InstitutionInput) {
      requireMay(actor, "institutions.manage");
      const before = await repo.find(id);
      const reachable =
        actor.isSystemAdmin || (actor.trustId && (await repo.findAgreementByInstitution(actor.trustId, id)));
      if (!before || !reachable) throw institutionNotFound();
      await ensureNameFree(input, id);
      return db.transaction(async (tx) => {
        const updated = await createInstitutionsRepository({ db: tx }).update(id, input);
        await writeAudit(tx, auditContext(actor), {
          entity: "institution",
          entityId: id,
          action: "update",
          fields: changedFields(before, input),
          institutionId: id,
        });
        return updated as NonNullable<typeof updated>;
      });
    },

    /** How many agreements `listAgreements` gives, and of those how many name the caller as a contact. */
    async countAgreements(actor: Actor) {
      const trustId = requirePolicy(actor, "agreements.read");
      const seesAll = seesWholeTrust(actor, "agreements.read");
      return repo.countAgreements(trustId, actor.userId, seesAll ? undefined : actor.institutionIds);
    },

    /** Coordinators see their own institution's agreement, to know their FOU contacts. */
    async listAgreements(actor: Actor) {
      const trustId = requirePolicy(actor, "agreements.read");
      const all = await agreementsOf(db, trustId);
      if (seesWholeTrust(actor, "agreements.read")) return all;
      return all.filter((a) => actor.institutionIds.includes(a.institution.id));
    },

    async createAgreement(actor: Actor, input: z.infer<typeof createAgreementBody>) {
      const trustId = requirePolicy(actor, "agreements.manage");
      if (!(await repo.find(input.institutionId))) throw institutionNotFound();
      return db.transaction(async (tx) => {
        const r = createInstitutionsRepository({ db: tx });
        if (await r.findAgreementByInstitution(trustId, input.institutionId)) throw agreementExists();
        await checkContacts(tx, trustId, [input.mainContactId, input.deputyContactId]);
        const created = await r.createAgreement({
          trustId,
          institutionId: input.institutionId,
          mainContactId: input.mainContactId ?? null,
          deputyContactId: input.deputyContactId ?? null,
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "agreement",
          entityId: created.id,
          action: "create",
          fields: ["institution_id", "main_contact_id", "deputy_contact_id"],
          institutionId: input.institutionId,
        });
        const [agreement] = await agreementsOf(tx, trustId, created.id);
        return agreement as NonNullable<typeof agreement>;
      });
    },

    async updateAgreement(actor: Actor, id: string, input: z.infer<typeof updateAgreementBody>) {
      const trustId = requirePolicy(actor, "agreements.manage");
      return db.transaction(async (tx) => {
        const r = createInstitutionsRepository({ db: tx });
        const before = await r.findAgreement(trustId, id);
        if (!before) throw agreementNotFound();
        await checkContacts(tx, trustId, [input.mainContactId, input.deputyContactId]);
        await r.updateAgreement(id, input);
        await writeAudit(tx, auditContext(actor), {
          entity: "agreement",
          entityId: id,
          action: "update",
          fields: changedFields(before, input).map((f) =>
            f === "mainContactId" ? "main_contact_id" : "deputy_contact_id",
          ),
          institutionId: before.institutionId,
        });
        const [agreement] = await agreementsOf(tx, trustId, id);
        return agreement as NonNullable<typeof agreement>;
      });
    },

    async deleteAgreement(actor: Actor, id: string) {
      const trustId = requirePolicy(actor, "agreements.manage");
      await db.transaction(async (tx) => {
        const r = createInstitutionsRepository({ db: tx });
        const agreement = await r.findAgreement(trustId, id);
        if (!agreement) throw agreementNotFound();
        if (await links.inUse(tx, trustId, agreement.institutionId)) throw agreementInUse();
        await r.deleteAgreement(id);
        await writeAudit(tx, auditContext(actor), {
          entity: "agreement",
          entityId: id,
          action: "delete",
          institutionId: agreement.institutionId,
        });
      });
      return { ok: true as const };
    },
  };
}
export type InstitutionsUsecases = ReturnType<typeof createInstitutionsUsecases>;
