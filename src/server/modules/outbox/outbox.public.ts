import { and, eq, lt } from "drizzle-orm";
import type { IsoDate } from "../../../domain/dates.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { osloStartOf } from "../../shared/oslo-day.ts";
import { outboxMessages } from "./outbox.table.ts";

/**
 * What other modules may use of the outbox module: putting e-mail into the outbox in their own
 * transaction, the outbox's use-cases and its worker (run by the e-mail jobs), and the retention's
 * clean-up.
 */
export {
  createOutbox,
  createOutboxUsecases,
  type EmailInput,
  type Outbox,
  type OutboxUsecases,
  recipientLanguage,
} from "./outbox.usecases.ts";
export { createOutboxWorker, type OutboxWorker } from "./outbox.worker.ts";

/** Deletes e-mail sent before the start of `before` (Europe/Oslo); queued, kept and failed stay. */
export async function deleteSentEmail(db: DbOrTx, before: IsoDate): Promise<number> {
  const rows = await db
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.status, "sent"), lt(outboxMessages.sentAt, osloStartOf(before))))
    .returning({ id: outboxMessages.id });
  return rows.length;
}
