import type { z } from "zod";
import type { createTrustBody, updateTrustSettingsBody } from "../../../contracts/trusts.ts";
import { type Actor, requireMay, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { type AuditContext, changedFields, columnName, writeAudit } from "../audit/audit.public.ts";
import { trustNameTaken } from "./trusts.errors.ts";
import { createTrustsRepository } from "./trusts.repository.ts";

/**
 * Gives a new trust its first admin, with the audit rows, in the trust's transaction: the users
 * module's `appointAdmin`, handed in by the composition root (the trusts module sits below users).
 */
export type AppointAdmin = (
  tx: DbOrTx,
  ctx: AuditContext,
  input: { trustId: string; email: string; name: string; passwordHash: string | null },
) => Promise<void>;

export function createTrustsUsecases({ db, appointAdmin }: { db: Db; appointAdmin: AppointAdmin }) {
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
          // The lists and the mapping are compared by value, not by reference.
          fields: changedFields<Record<string, unknown>>(
            Object.fromEntries(Object.entries(before).map(([k, v]) => [k, JSON.stringify(v)])),
            Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === undefined ? v : JSON.stringify(v)])),
          ).map(columnName),
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
        if (await trusts.findByName(input.name)) throw trustNameTaken();
        const trust = await trusts.create({ name: input.name });
        const ctx = { ...auditContext(actor), trustId: trust.id };
        await writeAudit(tx, ctx, { entity: "trust", entityId: trust.id, action: "create", fields: ["name"] });
        await appointAdmin(tx, ctx, {
          trustId: trust.id,
          email: input.firstAdmin.email,
          name: input.firstAdmin.name,
          passwordHash: input.firstAdmin.passwordHash ?? null,
        });
        return trust;
      });
    },
  };
}
export type TrustsUsecases = ReturnType<typeof createTrustsUsecases>;
