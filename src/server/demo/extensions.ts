import { addDays } from "../../domain/dates.ts";
import { createNotifier } from "../modules/notifications/notifications.public.ts";
import { createExtensionsUsecases } from "../modules/orders/extensions.usecases.ts";
import { createOutbox } from "../modules/outbox/outbox.public.ts";
import { createPersonLinks } from "../modules/overviews/overviews.public.ts";
import { createRowsUsecases } from "../modules/overviews/rows.usecases.ts";
import { createPersonsUsecases } from "../modules/persons/persons.public.ts";
import type { Clock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { type DemoWorld, demoActor, demoClock } from "./demo-world.ts";
import type { DemoSheet } from "./semester.ts";

/**
 * An extension in the demo (SPEC §3.2 step 6): FOU extends the placement of one student of the
 * ordered sheet whose access is implemented by two weeks, through the extensions' use-case, so
 * `ikt@demo.test` has an extension waiting on its extension list and the coordinators are told.
 */
export async function fillDemoExtensions(
  db: Db,
  world: DemoWorld,
  semester: { sheets: DemoSheet[] },
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<void> {
  const clock = demoClock(deps.clock);
  const notifier = createNotifier({ outbox: createOutbox({ publicUrl: deps.publicUrl, clock }), clock });
  const persons = createPersonsUsecases({ db, crypto: deps.crypto, links: createPersonLinks() });
  const fou = demoActor(world, "fou@demo.test");
  const sheet = semester.sheets.find((s) => s.plan.campaign && s.dates.submittedOn !== null);
  if (!sheet) return;
  const { rows } = await createRowsUsecases({ db, crypto: deps.crypto, clock, notifier, persons }).list(
    fou,
    sheet.sheetId,
  );
  const row = rows.find((r) => r.orderState === "implemented" && r.endDate);
  if (!row?.endDate) return;
  await createExtensionsUsecases({ db, clock, notifier }).extend(fou, {
    rowIds: [row.id],
    endDate: addDays(row.endDate, 14),
  });
}
