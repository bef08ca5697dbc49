import { addDays } from "../../domain/dates.ts";
import { createNotifier } from "../modules/notifications/notifications.public.ts";
import { accessFollowsRows, createOrdersUsecases } from "../modules/orders/orders.public.ts";
import { createOutbox } from "../modules/outbox/outbox.public.ts";
import { createPersonLinks } from "../modules/overviews/overviews.public.ts";
import { createRowsUsecases } from "../modules/overviews/rows.usecases.ts";
import { createPersonsUsecases } from "../modules/persons/persons.public.ts";
import type { Clock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { type DemoWorld, demoActor, demoClock } from "./demo-world.ts";

/**
 * A change after the order in the demo (SPEC §3.2 step 6): half an hour ago the HVL coordinator
 * moved the end date of one student of the first (implemented) order a week earlier, through the
 * rows' use-case, so the student's lines are changed after order and FOU sees one row "Endret etter
 * bestilling" waiting to be ordered again (and was told).
 */
export async function fillDemoAccessChanges(
  db: Db,
  world: DemoWorld,
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<void> {
  const clock = demoClock(deps.clock);
  clock.set(new Date(deps.clock.now().getTime() - 30 * 60_000));
  const notifier = createNotifier({ outbox: createOutbox({ publicUrl: deps.publicUrl, clock }), clock });
  const persons = createPersonsUsecases({ db, crypto: deps.crypto, links: createPersonLinks() });
  const orders = createOrdersUsecases({ db, crypto: deps.crypto, clock, notifier });
  const rows = createRowsUsecases({
    db,
    crypto: deps.crypto,
    clock,
    notifier,
    persons,
    rowsChanged: accessFollowsRows({ clock, notifier }),
  });
  const fou = demoActor(world, "fou@demo.test");
  const coordinator = demoActor(world, "koordinator.hvl@demo.test");
  const { items } = await orders.list(fou, { state: "ordered", sort: "number", dir: "asc", limit: 1, offset: 0 });
  const first = items[0];
  if (!first) return;
  const line = (await orders.get(fou, first.id)).lines.find((l) => l.state === "implemented");
  if (!line) return;
  const { rows: sheetRows } = await rows.list(fou, first.sheetId);
  const row = sheetRows.find((r) => r.id === line.rowId);
  if (!row?.endDate) return;
  await rows.update(coordinator, row.id, { version: row.version, endDate: addDays(row.endDate, -7) });
}
