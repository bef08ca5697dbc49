import type { z } from "zod";
import { administratorRole } from "../../../contracts/policies.ts";
import type { createUserBody, membershipBody, updateUserBody } from "../../../contracts/users.ts";
import type { Role } from "../../../contracts/vocabulary.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { hashPassword } from "../../shared/passwords.ts";
import { type AuditContext, writeAudit } from "../audit/audit.public.ts";
import { hasAgreement } from "../institutions/institutions.public.ts";
import { findTrust } from "../trusts/trusts.public.ts";
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

/**
 * Sends a new person without a password the link to set one, in the caller's transaction (the
 * account-requests module's inviter, handed in by the composition root).
 */
export type Invite = (
  tx: DbOrTx,
  input: { userId: string; trustId: string; name: string; trustName: string },
) => Promise<void>;

/** Ends all sessions of a person (the auth module's `endSessions`, handed in by the composition root). */
export type EndSessions = (tx: DbOrTx, userId: string) => Promise<void>;

export function createUsersUsecases({
  db,
  clock,
  invite,
  endSessions,
}: {
  db: Db;
  clock: Clock;
  invite: Invite;
  endSessions: EndSessions;
}) {
  async function findInTrust(tx: DbOrTx, trustId: string, userId: string) {
    const [user] = await createUsersRepository({ db: tx }).listForTrust(trustId, userId);
    if (!user) throw userNotFound();
    return user;
  }

  async function addMembership(tx: DbOrTx, actor: Actor, trustId: string, userId: string, input: MembershipInput) {
    const users = createUsersRepository({ db: tx });
    const institutionId = input.institutionId ?? null;
    if (institutionId && !(await hasAgreement(tx, trustId, institutionId))) throw noAgreement();
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
    /** How many people `list` gives (the start page). */
    async count(actor: Actor) {
      return createUsersRepository({ db }).countForTrust(requirePolicy(actor, "users.manage"));
    },

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
            const trust = await findTrust(tx, trustId);
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
        if (input.active === false || passwordHash) await endSessions(tx, userId);
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

/** A new trust's first admin: the person with the e-mail address (created if new) gets the admin role there. */
export async function appointAdmin(
  tx: DbOrTx,
  ctx: AuditContext,
  input: { trustId: string; email: string; name: string; passwordHash: string | null },
) {
  const users = createUsersRepository({ db: tx });
  let admin = await users.findByEmail(input.email);
  if (!admin) {
    admin = await users.create({ email: input.email, name: input.name, passwordHash: input.passwordHash });
    await writeAudit(tx, ctx, { entity: "user", entityId: admin.id, action: "create", fields: ["email", "name"] });
  }
  const membership = await users.addMembership({ userId: admin.id, trustId: input.trustId, role: administratorRole });
  await writeAudit(tx, ctx, {
    entity: "membership",
    entityId: membership.id,
    action: "create",
    fields: ["user_id", "role"],
  });
}

/**
 * Gives the person with the e-mail address (created if new) the role at the trust, unless they hold
 * it already, with the audit rows; returns the person.
 */
export async function grantRole(
  tx: DbOrTx,
  ctx: AuditContext,
  input: { email: string; name: string; trustId: string; role: Role; institutionId: string | null },
) {
  const users = createUsersRepository({ db: tx });
  let user = await users.findByEmail(input.email);
  if (!user) {
    user = await users.create({ email: input.email, name: input.name });
    await writeAudit(tx, ctx, { entity: "user", entityId: user.id, action: "create", fields: ["email", "name"] });
  }
  const membership = { userId: user.id, trustId: input.trustId, role: input.role, institutionId: input.institutionId };
  if (!(await users.findSameMembership(membership))) {
    const added = await users.addMembership(membership);
    await writeAudit(tx, ctx, {
      entity: "membership",
      entityId: added.id,
      action: "create",
      fields: ["user_id", "role", "institution_id"],
      institutionId: input.institutionId,
    });
  }
  return user;
}
