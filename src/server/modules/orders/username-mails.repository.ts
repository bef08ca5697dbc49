import { and, asc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { orderLines, usernameMails, usernames } from "./orders.table.ts";

const username = sql`coalesce(${usernames.username}, ${persons.username})`;
/** The placement's first day: the row's earliest line whose username the app sends. */
const startsOn = sql`(select min(${orderLines.validFrom})::text from ${orderLines}
  where ${orderLines.rowId} = ${usernameMails.rowId} and ${orderLines.personId} = ${usernameMails.personId}
    and ${orderLines.state} = 'implemented' and ${orderLines.usernameDelivery} = 'app')`;

/**
 * The username e-mails of placement rows (one per person and placement, not per line), held until
 * their day and queued once through the outbox.
 */
export function createUsernameMailsRepository({ db }: { db: DbOrTx }) {
  return {
    /** A held e-mail for each row that has none yet: one statement for any number. */
    async hold(mails: { trustId: string; rowId: string; personId: string; dueOn: string }[]) {
      if (mails.length === 0) return;
      await db.insert(usernameMails).values(mails).onConflictDoNothing({ target: usernameMails.rowId });
    },

    /**
     * The e-mails due on or before `today` and not yet queued, locked (skipping those another run
     * holds), with what the e-mail says: the person's name, address and language, their username,
     * the placement's first day and the trust. A person whose address is not confirmed (any more),
     * or who has no username or implemented line to tell of, stays held.
     */
    due(today: string, limit: number) {
      return db
        .select({
          id: usernameMails.id,
          trustId: usernameMails.trustId,
          trustName: trusts.name,
          trustLanguage: trusts.defaultLanguage,
          personId: usernameMails.personId,
          firstName: persons.firstName,
          email: persons.email,
          emailConfirmedAt: persons.emailConfirmedAt,
          language: persons.language,
          username: sql<string>`${username}`,
          startsOn: sql<string>`${startsOn}`,
        })
        .from(usernameMails)
        .innerJoin(persons, eq(persons.id, usernameMails.personId))
        .innerJoin(trusts, eq(trusts.id, usernameMails.trustId))
        .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
        .where(
          and(
            isNull(usernameMails.queuedAt),
            lte(usernameMails.dueOn, today),
            isNull(persons.anonymisedAt),
            isNotNull(persons.email),
            isNotNull(persons.emailConfirmedAt),
            sql`${username} is not null`,
            sql`${startsOn} is not null`,
          ),
        )
        .orderBy(asc(usernameMails.dueOn), asc(usernameMails.id))
        .limit(limit)
        .for("update", { of: usernameMails, skipLocked: true });
    },

    async markQueued(ids: string[], at: Date) {
      if (ids.length === 0) return;
      await db
        .update(usernameMails)
        .set({ queuedAt: at })
        .where(anyOf(usernameMails.id, ids, "uuid"));
    },
  };
}
