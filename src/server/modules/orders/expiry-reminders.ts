import type { Language } from "../../../contracts/vocabulary.ts";
import { formatDate, todayInOslo } from "../../../domain/dates.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { fouContactsOf } from "../institutions/institutions.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import { activeCoordinatorsOf } from "../users/users.public.ts";
import { createExpiryRemindersRepository, type DueReminder } from "./expiry-reminders.repository.ts";

/** The job's queue name. */
export const expiryRemindersJobName = "orders-expiry-reminders";

/** How many students a reminder names before it says how many more. */
const namesShown = 20;

const nameOf = (r: DueReminder) => [r.first_name, r.last_name].filter(Boolean).join(" ");

/** What a reminder says (no national ID): how many students' access ends when, and who they are. */
export function expiryTexts(reminders: DueReminder[]): Record<Language, string> {
  const names = reminders.slice(0, namesShown).map(nameOf).join(", ");
  const more = reminders.length - namesShown;
  const ends = [...new Set(reminders.map((r) => formatDate(r.end_date)))].join(", ");
  const n = reminders.length;
  return {
    nb: `Tilgangen for ${n} ${n === 1 ? "student" : "studenter"} slutter ${ends}: ${names}${more > 0 ? ` og ${more} til` : ""}. Forleng praksisen hvis de skal fortsette.`,
    nn: `Tilgangen for ${n} ${n === 1 ? "student" : "studentar"} sluttar ${ends}: ${names}${more > 0 ? ` og ${more} til` : ""}. Forleng praksisen om dei skal halde fram.`,
    en: `Access for ${n} ${n === 1 ? "student" : "students"} ends ${ends}: ${names}${more > 0 ? ` and ${more} more` : ""}. Extend the placement if they are to continue.`,
  };
}

/** Where a reminder opens: the sheet when all its students are on one, else the readiness list. */
function linkOf(reminders: DueReminder[]): string {
  const sheets = new Set(reminders.map((r) => r.sheet_id));
  const first = reminders[0] as DueReminder;
  return sheets.size === 1 ? `/oversikter/${first.overview_id}?ark=${first.sheet_id}` : "/klar";
}

/**
 * The expiry reminders (SPEC §3.2 step 6): every morning, the placements whose access ends in 14
 * days or 1 day, unless a later placement of the person continues it, are recorded once each
 * (`expiry_reminders`) and told to the sheet's FOU contacts and the institution's coordinators:
 * one notification per recipient and run listing the students, in the recipient's language. Run
 * twice on one day it tells nobody twice. One statement finds and records them all; the recipients
 * are read per trust and institution.
 */
export function createExpiryReminders({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  return {
    async runExpiryReminders(now: Date = clock.now()): Promise<{ reminders: number; notified: number }> {
      return db.transaction(async (tx) => {
        const due = await createExpiryRemindersRepository({ db: tx }).recordDue(todayInOslo(now));
        const byPlace = new Map<string, DueReminder[]>();
        for (const r of due) {
          const key = `${r.trust_id}:${r.institution_id}`;
          byPlace.set(key, [...(byPlace.get(key) ?? []), r]);
        }
        const byRecipient = new Map<string, { trustId: string; reminders: DueReminder[] }>();
        for (const reminders of byPlace.values()) {
          const first = reminders[0] as DueReminder;
          const recipients = new Set([
            ...(await fouContactsOf(tx, first.trust_id, first.institution_id)),
            ...(await activeCoordinatorsOf(tx, first.trust_id, first.institution_id)),
          ]);
          for (const userId of recipients) {
            const key = `${first.trust_id}:${userId}`;
            const seen = byRecipient.get(key) ?? { trustId: first.trust_id, reminders: [] };
            seen.reminders.push(...reminders);
            byRecipient.set(key, seen);
          }
        }
        for (const [key, { trustId, reminders }] of byRecipient) {
          await notifier.notify(tx, {
            trustId,
            userIds: [key.split(":")[1] as string],
            kind: "order_line.expiring",
            link: linkOf(reminders),
            texts: expiryTexts(reminders),
          });
        }
        return { reminders: due.length, notified: byRecipient.size };
      });
    },
  };
}
