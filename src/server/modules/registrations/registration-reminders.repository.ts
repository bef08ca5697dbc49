import { and, asc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import { institutionRole } from "../../../contracts/policies.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import type { IsoDate } from "../../../domain/dates.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { overviews, placementRows, sheets } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { memberships, users } from "../users/users.table.ts";
import { campaignRowsOf, rowNotRegistered } from "./registration-counts.repository.ts";
import { campaigns, registrationReminders } from "./registrations.table.ts";

/** `student_7d` / `student_2d` to a student, `coordinator_3d` to each coordinator of the institution. */
export type ReminderKind = "student_7d" | "student_2d" | "coordinator_3d";

/** A student a campaign still asks to register: their row's name and e-mail, the person's language. */
export interface MissingStudent {
  /** The person's id, or the row's when it has no person: each student is reminded once per kind. */
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  sheetName: string;
  language: Language | null;
}

/** The reads and writes of the registration reminders. */
export function createRemindersRepository({ db }: { db: DbOrTx }) {
  return {
    /** Campaigns open on `today` whose deadline is `lastDay` or before, with what the e-mails name. */
    async openCampaignsDueWithin(today: IsoDate, lastDay: IsoDate) {
      return db
        .select({
          campaign: campaigns,
          trustName: trusts.name,
          defaultLanguage: trusts.defaultLanguage,
          institutionName: institutions.name,
        })
        .from(campaigns)
        .innerJoin(trusts, eq(trusts.id, campaigns.trustId))
        .innerJoin(institutions, eq(institutions.id, campaigns.institutionId))
        .where(and(isNull(campaigns.closedAt), gte(campaigns.deadline, today), lte(campaigns.deadline, lastDay)))
        .orderBy(asc(campaigns.deadline), asc(campaigns.id));
    },

    /** The campaign's students without a registration, each once, by name (the row's e-mail, else the person's). */
    async missingStudents(campaign: { id: string }): Promise<MissingStudent[]> {
      const key = sql<string>`coalesce(${placementRows.personId}, ${placementRows.id})::text`;
      const rows = await db
        .selectDistinctOn([key], {
          key,
          firstName: placementRows.firstName,
          lastName: placementRows.lastName,
          email: sql<string>`coalesce(nullif(${placementRows.email}, ''), ${persons.email}, '')`,
          sheetName: sheets.name,
          language: sql<Language | null>`${persons.language}`,
        })
        .from(campaigns)
        .innerJoin(overviews, eq(overviews.institutionId, campaigns.institutionId))
        .innerJoin(sheets, eq(sheets.overviewId, overviews.id))
        .innerJoin(placementRows, eq(placementRows.sheetId, sheets.id))
        .leftJoin(persons, eq(persons.id, placementRows.personId))
        .where(and(eq(campaigns.id, campaign.id), campaignRowsOf(campaigns), rowNotRegistered))
        .orderBy(key, asc(sheets.startDate), asc(placementRows.position));
      return rows.sort(
        (a, b) => a.lastName.localeCompare(b.lastName, "nb") || a.firstName.localeCompare(b.firstName, "nb"),
      );
    },

    /** The active coordinators of the campaign's institution at its trust. */
    async coordinatorsOf(campaign: { trustId: string; institutionId: string }) {
      return db
        .selectDistinct({ id: users.id, email: users.email, name: users.name, language: users.language })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.trustId, campaign.trustId),
            eq(memberships.institutionId, campaign.institutionId),
            eq(memberships.role, institutionRole),
            isNull(users.deactivatedAt),
          ),
        )
        .orderBy(asc(users.id));
    },

    /** Records that a reminder goes out; false when it went out before (each is sent once). */
    async claim(campaignId: string, kind: ReminderKind, recipientKey: string, now: Date): Promise<boolean> {
      const rows = await db
        .insert(registrationReminders)
        .values({ campaignId, kind, recipientKey, sentAt: now })
        .onConflictDoNothing()
        .returning({ id: registrationReminders.id });
      return rows.length > 0;
    },
  };
}
