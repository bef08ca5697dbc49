import type { z } from "zod";
import type { accountRequestBody } from "../../../contracts/account-requests.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { maskFreeText } from "../../shared/free-text.ts";
import { hashPassword } from "../../shared/passwords.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { endSessions } from "../auth/auth.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { Outbox } from "../outbox/outbox.public.ts";
import { grantRole, setPasswordHash } from "../users/users.public.ts";
import {
  accountRequestNotFound,
  alreadyDecided,
  institutionNotAtTrust,
  invitationInvalid,
  unknownTrust,
} from "./account-requests.errors.ts";
import { createAccountRequestsRepository } from "./account-requests.repository.ts";
import { hashInvitationToken, type Inviter } from "./invitations.ts";

type RequestInput = z.infer<typeof accountRequestBody>;

/**
 * Account requests from the sign-in page, decided by the trust's admins: approval creates the
 * person (or gives an existing one the role) and invites them; a decline tells them why.
 */
export function createAccountRequestsUsecases(deps: {
  db: Db;
  clock: Clock;
  outbox: Outbox;
  notifier: Notifier;
  invite: Inviter;
}) {
  const { db, clock } = deps;
  const repo = createAccountRequestsRepository({ db });

  async function findPendingForAdmin(
    r: ReturnType<typeof createAccountRequestsRepository>,
    trustId: string,
    id: string,
  ) {
    const [request] = await r.list(trustId, { id });
    if (!request) throw accountRequestNotFound();
    if (request.status !== "pending") throw alreadyDecided();
    return request;
  }

  return {
    publicTrusts: () => repo.publicTrusts(),

    /**
     * Anyone may ask; the answer is the same whether or not the e-mail is known or already asked,
     * so the form reveals nothing about who has an account. The name and message are free text:
     * national IDs in them are masked before anything is stored or sent, and the notices say so.
     */
    async submit(input: RequestInput, requestId: string) {
      const trust = await repo.findTrust(input.trustId);
      if (!trust) throw unknownTrust();
      const institutionId = input.institutionId ?? null;
      if (institutionId && !(await repo.hasAgreement(trust.id, institutionId))) throw institutionNotAtTrust();
      const name = maskFreeText("name", input.name);
      const message = maskFreeText("message", input.message ?? "");
      await db.transaction(async (tx) => {
        const r = createAccountRequestsRepository({ db: tx });
        if (await r.findPending(trust.id, input.email)) return;
        const created = await r.insert({
          trustId: trust.id,
          name: name.text,
          email: input.email,
          institutionId,
          role: input.role,
          message: message.text || null,
          createdAt: clock.now(),
        });
        await writeAudit(
          tx,
          { actorId: null, trustId: trust.id, requestId },
          {
            entity: "account_request",
            entityId: created.id,
            action: "create",
            fields: ["name", "email", "institution_id", "role", ...(created.message ? ["message"] : [])],
            institutionId,
          },
        );
        const [listed] = await r.list(trust.id, { id: created.id });
        await deps.notifier.notify(tx, {
          trustId: trust.id,
          userIds: await r.adminIds(trust.id),
          kind: "account_request.received",
          link: "/admin/tilgangsforesporsler",
          message: {
            key: "account_request.received",
            params: { name: name.text, institution: listed?.institution?.shortName ?? trust.name },
          },
        });
      });
      return [...name.notices, ...message.notices];
    },

    async list(actor: Actor, status?: "pending" | "approved" | "declined") {
      const trustId = requirePolicy(actor, "accountRequests.review");
      return repo.list(trustId, { status });
    },

    async approve(actor: Actor, id: string) {
      const trustId = requirePolicy(actor, "accountRequests.review");
      return db.transaction(async (tx) => {
        const r = createAccountRequestsRepository({ db: tx });
        const request = await findPendingForAdmin(r, trustId, id);
        const trust = await r.findTrust(trustId);
        const ctx = auditContext(actor);
        const institutionId = request.institution?.id ?? null;
        const user = await grantRole(tx, ctx, {
          email: request.email,
          name: request.name,
          trustId,
          role: request.role,
          institutionId,
        });
        if (user.passwordHash) {
          await deps.notifier.notify(tx, {
            trustId,
            userIds: [user.id],
            kind: "account_request.role_given",
            link: "/",
            message: { key: "account_request.role_given", params: { trust: trust?.name ?? "", role: request.role } },
          });
        } else {
          await deps.invite(tx, { userId: user.id, trustId, name: user.name, trustName: trust?.name ?? "" });
        }
        await r.decide(id, { status: "approved", decidedBy: actor.userId, decidedAt: clock.now() });
        await writeAudit(tx, ctx, {
          entity: "account_request",
          entityId: id,
          action: "approve",
          fields: ["status"],
          institutionId,
        });
        const [decided] = await r.list(trustId, { id });
        return decided as NonNullable<typeof decided>;
      });
    },

    /** Declines with a reason e-mailed to the person; national IDs in the reason are masked first (notices). */
    async decline(actor: Actor, id: string, typedReason: string) {
      const trustId = requirePolicy(actor, "accountRequests.review");
      const { text: reason, notices } = maskFreeText("reason", typedReason);
      return db.transaction(async (tx) => {
        const r = createAccountRequestsRepository({ db: tx });
        const request = await findPendingForAdmin(r, trustId, id);
        const trust = await r.findTrust(trustId);
        await r.decide(id, {
          status: "declined",
          decidedBy: actor.userId,
          decidedAt: clock.now(),
          declineReason: reason,
        });
        await deps.outbox.enqueueEmail(tx, {
          trustId,
          to: request.email,
          language: trust?.defaultLanguage ?? "nb",
          template: "account-request-declined",
          params: { name: request.name, trustName: trust?.name ?? "", reason },
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "account_request",
          entityId: id,
          action: "decline",
          fields: ["status", "decline_reason"],
          institutionId: request.institution?.id ?? null,
        });
        const [decided] = await r.list(trustId, { id });
        return { ...(decided as NonNullable<typeof decided>), notices };
      });
    },

    /** Sets the password of the person an invitation was sent to; the link works once. */
    async setPassword(input: { token: string; password: string }, requestId: string) {
      const tokenHash = hashInvitationToken(input.token);
      const invitation = await repo.findInvitation(tokenHash);
      const now = clock.now();
      if (!invitation || invitation.usedAt || invitation.expiresAt <= now) throw invitationInvalid();
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        const used = await createAccountRequestsRepository({ db: tx }).useInvitation(tokenHash, now);
        if (!used) throw invitationInvalid();
        await setPasswordHash(tx, used.userId, passwordHash);
        await endSessions(tx, used.userId);
        await writeAudit(
          tx,
          { actorId: used.userId, trustId: invitation.trustId, requestId },
          {
            entity: "user",
            entityId: used.userId,
            action: "set_password",
            fields: ["password"],
          },
        );
      });
      return { ok: true as const };
    },
  };
}
export type AccountRequestsUsecases = ReturnType<typeof createAccountRequestsUsecases>;
