import { and, eq, lt } from "drizzle-orm";
import type { IsoDate } from "../../../domain/dates.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { osloStartOf } from "../../shared/oslo-day.ts";
import { outboxMessages } from "./outbox.table.ts";

/** What other modules use of the outbox: the outbox their notifier writes to, and the retention's clean-up. */
export { createOutbox } from "./outbox.usecases.ts";

/** Deletes e-mail sent before the start of `before` (Europe/Oslo); queued, kept and failed stay. */
export async function deleteSentEmail(db: DbOrTx, before: IsoDate): Promise<number> {
  const rows = await db
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.status, "sent"), lt(outboxMessages.sentAt, osloStartOf(before))))
    .returning({ id: outboxMessages.id });
  return rows.length;
}
