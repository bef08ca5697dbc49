import { normalizeEmail } from "../../../domain/contact.ts";
import { addDays, daysBetween, todayInOslo } from "../../../domain/dates.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import { type Outbox, recipientLanguage } from "../outbox/outbox.public.ts";
import { campaignToken, publicPaths } from "./campaign-tokens.ts";
import { createRemindersRepository, type ReminderKind } from "./registration-reminders.repository.ts";
import { reminderTemplates } from "./reminder.templates.ts";

/** The job's queue name. */
export const remindersJobName = "registrations-reminders";

/**
 * Which student reminder is due `daysLeft` days before the deadline: the first from 7 days, the
 * second from 2 (a run missed on the day is caught up the next, and each is sent once).
 */
export function studentReminderDue(daysLeft: number): ReminderKind | null {
  if (daysLeft <= 2) return "student_2d";
  if (daysLeft <= 7) return "student_7d";
  return null;
}

/**
 * The reminders before an open campaign's deadline (issue 12): students on the campaign's rows with
 * a known e-mail and no registration get an e-mail 7 and 2 days before; the institution's
 * coordinators get the list of those students 3 days before. `registration_reminders` makes each
 * one once; a reminder and its e-mail are written in one transaction.
 */
export function createRegistrationReminders(deps: { db: Db; clock: Clock; crypto: DataCrypto; outbox: Outbox }) {
  const { db, clock, crypto, outbox } = deps;
  const repo = createRemindersRepository({ db });

  return {
    async runReminders(now: Date = clock.now()): Promise<{ students: number; coordinators: number }> {
      const today = todayInOslo(now);
      const sent = { students: 0, coordinators: 0 };
      for (const { campaign, ...names } of await repo.openCampaignsDueWithin(today, addDays(today, 7))) {
        const daysLeft = daysBetween(today, campaign.deadline);
        const missing = await repo.missingStudents(campaign);
        if (missing.length === 0) continue;
        const studentKind = studentReminderDue(daysLeft);
        const formUrl = `${outbox.appUrl}${publicPaths.campaign(campaignToken(crypto, campaign.id, campaign.tokenSalt))}`;
        const coordinators = daysLeft <= 3 ? await repo.coordinatorsOf(campaign) : [];
        await db.transaction(async (tx) => {
          const r = createRemindersRepository({ db: tx });
          for (const student of studentKind ? missing : []) {
            // A row's address as typed: only a valid one that holds no national ID gets an e-mail.
            const email = normalizeEmail(student.email);
            if (!email.ok || !(await r.claim(campaign.id, studentKind as ReminderKind, student.key, now))) continue;
            const language = recipientLanguage(student.language, names.defaultLanguage);
            await outbox.enqueueWrittenEmail(tx, {
              trustId: campaign.trustId,
              to: email.value,
              language,
              template: "registration-reminder-student",
              ...reminderTemplates["registration-reminder-student"][language]({
                firstName: student.firstName,
                trustName: names.trustName,
                institutionName: names.institutionName,
                deadline: campaign.deadline,
                formUrl,
              }),
            });
            sent.students++;
          }
          for (const coordinator of coordinators) {
            if (!(await r.claim(campaign.id, "coordinator_3d", coordinator.id, now))) continue;
            const language = recipientLanguage(coordinator.language, names.defaultLanguage);
            await outbox.enqueueWrittenEmail(tx, {
              trustId: campaign.trustId,
              to: coordinator.email,
              language,
              template: "registration-reminder-coordinator",
              ...reminderTemplates["registration-reminder-coordinator"][language]({
                campaignName: campaign.name,
                trustName: names.trustName,
                deadline: campaign.deadline,
                students: missing.map((s) => `${s.lastName}, ${s.firstName} (${s.sheetName})`),
                listUrl: `${outbox.appUrl}/registrering/kampanjer/${campaign.id}?vis=mangler`,
              }),
            });
            sent.coordinators++;
          }
        });
      }
      return sent;
    },
  };
}
