import { mailJobs } from "./modules/notifications/notifications.public.ts";
import { endingPlacementJobs } from "./modules/orders/ending-placements.jobs.ts";
import { expiryReminderJobs } from "./modules/orders/expiry-reminders.jobs.ts";
import { usernameMailJobs } from "./modules/orders/username-mails.jobs.ts";
import { overviewJobs } from "./modules/overviews/overviews.jobs.ts";
import { registrationJobs } from "./modules/registrations/registrations.public.ts";
import { retentionJobs } from "./modules/retention/retention.jobs.ts";

/**
 * Every background job of the app, in one list (started by `shared/jobs.ts`):
 * - `outbox-flush` every minute: e-mail waiting in the outbox;
 * - `notifications-batches` every minute: gathered notifications whose window has closed, e-mailed;
 * - `notifications-digest` and `overviews-deadline-reminders` at 07:00 Europe/Oslo;
 * - `registrations-reminders` at 08:00 Europe/Oslo: students who have not registered, and their coordinators;
 * - `orders-username-mails` at 06:00 Europe/Oslo: the username e-mails whose day has come;
 * - `orders-ending-placements` at 01:00 Europe/Oslo: ended placements' access on the deactivation list;
 * - `orders-expiry-reminders` at 07:00 Europe/Oslo: placements whose access ends in 14 days or 1 day;
 * - `personal-data-retention` at 03:00 Europe/Oslo.
 */
export function appJobs({ db, config, log }: Pick<Parameters<typeof mailJobs>[0], "db" | "config" | "log">) {
  const mail = mailJobs({ db, config, log });
  const definitions = [
    ...mail.definitions,
    ...overviewJobs({ db, config }).definitions,
    ...registrationJobs({ db, config }).definitions,
    ...usernameMailJobs({ db, config }).definitions,
    ...endingPlacementJobs({ db }).definitions,
    ...expiryReminderJobs({ db, config }).definitions,
    ...retentionJobs({ db }).definitions,
  ];
  return { definitions, close: mail.close };
}
