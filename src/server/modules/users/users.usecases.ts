import type { z } from "zod";
import type { createUserBody, membershipBody, updateUserBody } from "../../../contracts/users.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { hashPassword } from "../../shared/passwords.ts";
import type { Inviter } from "../account-requests/invitations.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { createInstitutionsRepository } from "../institutions/institutions.repository.ts";
import { createTrustsRepository } from "../trusts/trusts.repository.ts";
import {
  cannotDeactivateSelf,
  lastMembership,
  membershipExists,
  membershipNotFound,
  noAgreement,
  userNotFound,
} from "./users.errors.ts";
import { createUsersRepository } from "./users.repository.ts";

type MembershipInput = z.infer<typeof membershipBody>;

export function createUsersUsecases({ db, clock, invite }: { db: Db; clock: Clock; invite: Inviter }) {
  async function findInTrust(tx: DbOrTx, trustId: string, userId: string) {
    const [user] = await createUsersRepository({ db: tx }).listForTrust(trustId, userId);
    if (!user) throw userNotFound();
    return user;
  }

  async function addMembership(tx: DbOrTx, actor: Actor, trustId: string, userId: string, input: MembershipInput) {
    const users = createUsersRepository({ db: tx });
    const institutionId = input.institutionId ?? null;
    if (
      institutionId &&
      !(await createInstitutionsRepository({ db: tx }).findAgreementByInstitution(trustId, institutionId))
    ) {
      throw noAgreement();
    }
    if (await users.findSameMembership({ userId, trustId, role: input.role, institutionId })) throw membershipExists();
    const membership = await users.addMembership({ userId, trustId, role: input.role, institutionId });
    await writeAudit(tx, auditContext(actor), {
      entity: "membership",
      entityId: membership.id,
      action: "create",
      fields: ["user_id", "role", "institution_id"],
      institutionId,
    });
  }

  return {
    async list(actor: Actor) {
      const trustId = requirePolicy(actor, "users.manage");
      return createUsersRepository({ db }).listForTrust(trustId);
    },

    /** Creates the person, or gives an existing person (known from another trust) a role here. */
    async create(actor: Actor, input: z.infer<typeof createUserBody>) {
      const trustId = requirePolicy(actor, "users.manage");
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction(async (tx) => {
        const users = createUsersRepository({ db: tx });
        let user = await users.findByEmail(input.email);
        if (!user) {
          user = await users.create({ email: input.email, name: input.name, passwordHash });
          await writeAudit(tx, auditContext(actor), {
            entity: "user",
            entityId: user.id,
            action: "create",
            fields: passwordHash ? ["email", "name", "password"] : ["email", "name"],
          });
          if (!passwordHash) {
            const trust = await createTrustsRepository({ db: tx }).find(trustId);
            await invite(tx, { userId: user.id, trustId, name: user.name, trustName: trust?.name ?? "" });
          }
        }
        await addMembership(tx, actor, trustId, user.id, input.membership);
        return findInTrust(tx, trustId, user.id);
      });
    },

    async update(actor: Actor, userId: string, input: z.infer<typeof updateUserBody>) {
      const trustId = requirePolicy(actor, "users.manage");
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return db.transaction(async (tx) => {
        const before = await findInTrust(tx, trustId, userId);
        if (input.active === false && userId === actor.userId) throw cannotDeactivateSelf();
        const users = createUsersRepository({ db: tx });
        const fields: string[] = [];
        if (input.name !== undefined && input.name !== before.name) fields.push("name");
        if (passwordHash) fields.push("password");
        if (input.active !== undefined && input.active !== before.active) fields.push("deactivated_at");
        if (fields.length === 0) return before;
        await users.update(userId, {
          name: input.name,
          passwordHash,
          deactivatedAt: input.active === undefined ? undefined : input.active ? null : clock.now(),
        });
        if (input.active === false || passwordHash) await users.endSessions(userId);
        await writeAudit(tx, auditContext(actor), {
          entity: "user",
          entityId: userId,
          action: input.active === false ? "deactivate" : input.active === true ? "reactivate" : "update",
          fields,
        });
        return findInTrust(tx, trustId, userId);
      });
    },

    async addMembership(actor: Actor, userId: string, input: MembershipInput) {
      const trustId = requirePolicy(actor, "users.manage");
      return db.transaction(async (tx) => {
        await findInTrust(tx, trustId, userId);
        await addMembership(tx, actor, trustId, userId, input);
        return findInTrust(tx, trustId, userId);
      });
    },

    async removeMembership(actor: Actor, membershipId: string) {
      const trustId = requirePolicy(actor, "users.manage");
      return db.transaction(async (tx) => {
        const users = createUsersRepository({ db: tx });
        const membership = await users.findMembership(trustId, membershipId);
        if (!membership) throw membershipNotFound();
        const user = await findInTrust(tx, trustId, membership.userId);
        if (user.memberships.length === 1) throw lastMembership();
        await users.removeMembership(membershipId);
        await writeAudit(tx, auditContext(actor), {
          entity: "membership",
          entityId: membershipId,
          action: "delete",
          institutionId: membership.institutionId,
        });
        return findInTrust(tx, trustId, membership.userId);
      });
    },
  };
}
export type UsersUsecases = ReturnType<typeof createUsersUsecases>;
