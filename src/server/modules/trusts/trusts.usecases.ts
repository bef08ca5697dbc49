import type { z } from "zod";
import { administratorRole } from "../../../contracts/policies.ts";
import type { createTrustBody, updateTrustSettingsBody } from "../../../contracts/trusts.ts";
import { type Actor, requireMay, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Db } from "../../shared/database.ts";
import { changedFields, columnName, writeAudit } from "../audit/audit.public.ts";
import { createUsersRepository } from "../users/users.repository.ts";
import { trustNameTaken } from "./trusts.errors.ts";
import { createTrustsRepository } from "./trusts.repository.ts";

export function createTrustsUsecases({ db }: { db: Db }) {
  const repo = createTrustsRepository({ db });
  return {
    async getSettings(actor: Actor) {
      const trustId = requirePolicy(actor, "trust.settings");
      return (await repo.find(trustId)) as NonNullable<Awaited<ReturnType<typeof repo.find>>>;
    },

    async updateSettings(actor: Actor, input: z.infer<typeof updateTrustSettingsBody>) {
      const trustId = requirePolicy(actor, "trust.settings");
      return db.transaction(async (tx) => {
        const r = createTrustsRepository({ db: tx });
        const before = (await r.find(trustId)) as NonNullable<Awaited<ReturnType<typeof r.find>>>;
        const updated = await r.update(trustId, input);
        await writeAudit(tx, auditContext(actor), {
          entity: "trust",
          entityId: trustId,
          action: "update",
          fields: changedFields(before, input).map(columnName),
        });
        return updated;
      });
    },

    /** For the public accessibility statement: a contact is published information, nothing else is. */
    async accessibilityContacts() {
      const rows = await repo.accessibilityContacts();
      return rows.map((r) => ({ ...r, contact: r.contact as string }));
    },

    async list(actor: Actor) {
      requireMay(actor, "trusts.manage");
      return repo.list();
    },

    /** A system administrator creates a trust and its first admin (known by e-mail). */
    async create(
      actor: Actor,
      input: z.infer<typeof createTrustBody> & { firstAdmin: { passwordHash?: string | null } },
    ) {
      requireMay(actor, "trusts.manage");
      return db.transaction(async (tx) => {
        const trusts = createTrustsRepository({ db: tx });
        const users = createUsersRepository({ db: tx });
        if (await trusts.findByName(input.name)) throw trustNameTaken();
        const trust = await trusts.create({ name: input.name });
        const ctx = { ...auditContext(actor), trustId: trust.id };
        await writeAudit(tx, ctx, { entity: "trust", entityId: trust.id, action: "create", fields: ["name"] });
        let admin = await users.findByEmail(input.firstAdmin.email);
        if (!admin) {
          admin = await users.create({
            email: input.firstAdmin.email,
            name: input.firstAdmin.name,
            passwordHash: input.firstAdmin.passwordHash ?? null,
          });
          await writeAudit(tx, ctx, {
            entity: "user",
            entityId: admin.id,
            action: "create",
            fields: ["email", "name"],
          });
        }
        const membership = await users.addMembership({ userId: admin.id, trustId: trust.id, role: administratorRole });
        await writeAudit(tx, ctx, {
          entity: "membership",
          entityId: membership.id,
          action: "create",
          fields: ["user_id", "role"],
        });
        return trust;
      });
    },
  };
}
export type TrustsUsecases = ReturnType<typeof createTrustsUsecases>;
