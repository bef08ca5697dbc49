import { createHash, randomBytes } from "node:crypto";
import type { Me } from "../../../contracts/auth.ts";
import type { EmailNotifications } from "../../../contracts/notifications.ts";
import { heldForInstitution } from "../../../contracts/policies.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import { namingStandardOf } from "../../../domain/naming-standard.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { timingDummyHash, verifyPassword } from "../../shared/passwords.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { savePreferences } from "../users/users.public.ts";
import { invalidCredentials, notAMember, rateLimited } from "./auth.errors.ts";
import { createAuthRepository } from "./auth.repository.ts";
import { failureWindowMs, waitMs } from "./auth.throttle.ts";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** Failed sign-ins per account before further attempts wait (auth.throttle.ts); an address gets five times as many. */
  maxFailures: number;
}

/** last_seen_at is written at most this often. */
const touchIntervalMs = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export function createAuthUsecases({
  db,
  clock,
  policy,
  crypto,
}: {
  db: Db;
  clock: Clock;
  policy: SessionPolicy;
  crypto: DataCrypto;
}) {
  const repo = createAuthRepository({ db });

  /**
   * Counts the attempt as a failure before its password is checked, unless it must wait; the lock
   * makes count and record one step, so parallel attempts cannot all pass the same count. Returns
   * the wait in ms (0: go on and check the password).
   */
  async function beginAttempt(emailHash: string, ip: string, now: Date): Promise<number> {
    return db.transaction(async (tx) => {
      const r = createAuthRepository({ db: tx });
      await r.lockFailures(emailHash, ip);
      const since = new Date(now.getTime() - failureWindowMs);
      await r.pruneFailures(since);
      const wait = waitMs(await r.recentFailures(emailHash, ip, since), policy.maxFailures, now);
      if (wait === 0) await r.recordFailure(emailHash, ip, now);
      return wait;
    });
  }

  async function me(userId: string, activeTrustId: string | null): Promise<Me> {
    const user = await repo.findUser(userId);
    if (!user) throw invalidCredentials();
    const memberships = await repo.listMemberships(userId);
    const trust = activeTrustId ? await repo.findTrust(activeTrustId) : undefined;
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        language: user.language,
        emailNotifications: user.emailNotifications,
        isSystemAdmin: user.isSystemAdmin,
      },
      memberships,
      activeTrust: trust
        ? {
            id: trust.id,
            name: trust.name,
            testMode: trust.testMode,
            defaultLanguage: trust.defaultLanguage,
            studentInfoUrl: trust.studentInfoUrl,
            itHelpUrl: trust.itHelpUrl,
            deadlineDays: trust.deadlineDays,
            namingStandard: namingStandardOf(trust),
          }
        : null,
      roles: [...new Set(memberships.filter((m) => m.trustId === activeTrustId).map((m) => m.role))],
    };
  }

  /**
   * Opens a session for a person who has proven who they are (password or identity provider), with
   * its sign_in audit row, in the caller's transaction; the returned token goes into the cookie only.
   */
  async function openSession(tx: DbOrTx, input: { userId: string; activeTrustId: string | null; requestId: string }) {
    const now = clock.now();
    const token = randomBytes(32).toString("base64url");
    await createAuthRepository({ db: tx }).createSession({
      tokenHash: hashToken(token),
      userId: input.userId,
      activeTrustId: input.activeTrustId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
    });
    await writeAudit(
      tx,
      { actorId: input.userId, trustId: input.activeTrustId, requestId: input.requestId },
      { entity: "user", entityId: input.userId, action: "sign_in" },
    );
    return token;
  }

  return {
    me,
    openSession,

    /**
     * Checks the password and opens a session; the returned token goes into the cookie only. The
     * attempt is throttled first (429 with the wait); a wrong password stays counted as a failure, the
     * right one forgets the account's failures from this address.
     */
    async login(input: { email: string; password: string; ip: string; requestId: string }) {
      // What was typed is kept only as a keyed hash; the prefix keeps these apart from other hashes.
      const emailHash = crypto.hash(`login:${input.email}`);
      const wait = await beginAttempt(emailHash, input.ip, clock.now());
      if (wait > 0) throw rateLimited(Math.ceil(wait / 1000));
      const user = await repo.findUserByEmail(input.email);
      const ok = await verifyPassword(user?.passwordHash ?? timingDummyHash, input.password);
      if (!user?.passwordHash || !ok || user.deactivatedAt) throw invalidCredentials();
      const memberships = await repo.listMemberships(user.id);
      const activeTrustId = memberships[0]?.trustId ?? null;
      const token = await db.transaction(async (tx) => {
        await createAuthRepository({ db: tx }).clearFailures(emailHash, input.ip);
        return openSession(tx, { userId: user.id, activeTrustId, requestId: input.requestId });
      });
      return { token, me: await me(user.id, activeTrustId) };
    },

    /** The actor behind a session token, or null when the session is unknown, idle too long or expired. */
    async authenticate(token: string, requestId: string | null): Promise<(Actor & { tokenHash: string }) | null> {
      const tokenHash = hashToken(token);
      const found = await repo.findSession(tokenHash);
      if (!found) return null;
      const { session, user, memberships } = found;
      const now = clock.now().getTime();
      const idle = now - session.lastSeenAt.getTime() > policy.idleMs;
      if (idle || session.expiresAt.getTime() <= now || user.deactivatedAt) {
        await repo.deleteSession(tokenHash);
        return null;
      }
      if (now - session.lastSeenAt.getTime() >= touchIntervalMs) await repo.touchSession(tokenHash, new Date(now));
      return {
        tokenHash,
        userId: user.id,
        isSystemAdmin: user.isSystemAdmin,
        trustId: memberships.length > 0 ? session.activeTrustId : null,
        roles: [...new Set(memberships.map((m) => m.role))],
        institutionIds: memberships.flatMap((m) =>
          heldForInstitution(m.role) && m.institutionId ? [m.institutionId] : [],
        ),
        requestId,
      };
    },

    async logout(actor: Actor & { tokenHash: string }) {
      await db.transaction(async (tx) => {
        await createAuthRepository({ db: tx }).deleteSession(actor.tokenHash);
        await writeAudit(tx, auditContext(actor), { entity: "user", entityId: actor.userId, action: "sign_out" });
      });
    },

    async switchTrust(actor: Actor & { tokenHash: string }, trustId: string) {
      const memberships = await repo.listMemberships(actor.userId);
      if (!memberships.some((m) => m.trustId === trustId)) throw notAMember();
      await repo.setActiveTrust(actor.tokenHash, trustId);
      return me(actor.userId, trustId);
    },

    /** The person's own preferences (UI language, notifications by e-mail); fields left out stay. */
    async updatePreferences(
      actor: Actor,
      input: { language?: Language | null; emailNotifications?: EmailNotifications },
    ) {
      await db.transaction(async (tx) => {
        const r = createAuthRepository({ db: tx });
        const before = await r.findUser(actor.userId);
        if (!before) throw invalidCredentials();
        const fields: string[] = [];
        if (input.language !== undefined && input.language !== before.language) fields.push("language");
        if (input.emailNotifications !== undefined && input.emailNotifications !== before.emailNotifications) {
          fields.push("email_notifications");
        }
        if (fields.length === 0) return;
        await savePreferences(tx, actor.userId, {
          language: input.language,
          emailNotifications: input.emailNotifications,
        });
        await writeAudit(tx, auditContext(actor), { entity: "user", entityId: actor.userId, action: "update", fields });
      });
      return me(actor.userId, actor.trustId);
    },
  };
}
export type AuthUsecases = ReturnType<typeof createAuthUsecases>;
