import { addDays, todayInOslo } from "../../domain/dates.ts";
import { createNotifier } from "../modules/notifications/notifications.public.ts";
import { createOrderLinesUsecases } from "../modules/orders/order-lines.usecases.ts";
import { accessFollowsRows, createEndingPlacements, createOrdersUsecases } from "../modules/orders/orders.public.ts";
import { createOutbox } from "../modules/outbox/outbox.public.ts";
import { createPersonLinks } from "../modules/overviews/overviews.public.ts";
import { createOverviewsUsecases } from "../modules/overviews/overviews.usecases.ts";
import { createRowsUsecases } from "../modules/overviews/rows.usecases.ts";
import { createPersonsUsecases } from "../modules/persons/persons.public.ts";
import type { Clock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { type DemoWorld, demoActor, demoClock } from "./demo-world.ts";
import type { DemoSheet } from "./semester.ts";

/**
 * The deactivation list in the demo (SPEC §3.2 step 6), through the use-cases on a demo clock:
 * - an earlier placement of HVL's students (the period seven weeks before theirs, copied from it),
 *   for those not yet ordered for the current one, ordered, approved and implemented then; it
 *   ended weeks ago, so the nightly job puts
 *   their access on the deactivation list (`ikt@demo.test` works it, FOU sees it);
 * - one student of the ordered sheet (access approved) withdrawn from the placement today by the HVL coordinator,
 *   with a reason: the row stays read-only and the access is on the list from today.
 */
export async function fillDemoDeactivations(
  db: Db,
  world: DemoWorld,
  semester: { sheets: DemoSheet[] },
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<void> {
  const clock = demoClock(deps.clock);
  const notifier = createNotifier({ outbox: createOutbox({ publicUrl: deps.publicUrl, clock }), clock });
  const persons = createPersonsUsecases({ db, crypto: deps.crypto, links: createPersonLinks() });
  const overviewDeps = {
    db,
    crypto: deps.crypto,
    clock,
    notifier,
    persons,
    rowsChanged: accessFollowsRows({ clock, notifier }),
  };
  const overviews = createOverviewsUsecases(overviewDeps);
  const rows = createRowsUsecases(overviewDeps);
  const orders = createOrdersUsecases({ db, crypto: deps.crypto, clock, notifier });
  const lines = createOrderLinesUsecases({ db, clock, notifier });
  const fou = demoActor(world, "fou@demo.test");
  const ikt = demoActor(world, "ikt@demo.test");
  const coordinator = demoActor(world, "koordinator.hvl@demo.test");
  const sheet = semester.sheets.find((s) => s.plan.campaign && s.dates.submittedOn !== null);
  if (!sheet) return;
  const now = deps.clock.now();
  const hour = 3_600_000;
  let moment = now.getTime() - 12 * hour;
  const step = async <T>(run: () => Promise<T>): Promise<T> => {
    moment += 10 * 60_000;
    clock.set(new Date(moment));
    return run();
  };

  // The earlier period: the same students, seven weeks before (it ended weeks ago).
  const earlier = await step(() =>
    overviews.createSheet(coordinator, sheet.overviewId, {
      kind: sheet.plan.kind,
      label: sheet.plan.label,
      number: Math.max(1, sheet.plan.number - 1),
      startDate: addDays(sheet.dates.start, -49),
      endDate: addDays(sheet.dates.end, -49),
      copyFromSheetId: sheet.sheetId,
    }),
  );
  await step(() => overviews.submit(coordinator, earlier.id));
  const copied = (await rows.list(fou, earlier.id)).rows;
  const check = await step(() =>
    orders.create(fou, { sheetId: earlier.id, rowIds: copied.map((r) => r.id) }, { dryRun: true }),
  );
  // The students not yet ordered for the current period (the ordered ones have their own stories).
  const stateNow = new Map((await rows.list(fou, sheet.sheetId)).rows.map((r) => [r.personId, r.orderState]));
  const personOf = new Map(copied.map((r) => [r.id, r.personId]));
  const ready = check.rows
    .filter((r) => r.outcome !== "refused" && stateNow.get(personOf.get(r.rowId) ?? null) === "not_ordered")
    .map((r) => r.rowId);
  if (ready.length > 0) {
    const made = await step(() => orders.create(fou, { sheetId: earlier.id, rowIds: ready, acceptWarnings: true }));
    const id = made.order?.id as string;
    await step(() => orders.markOrdered(fou, id, { reference: `SP-${earlier.startDate.slice(0, 4)}-4090` }));
    const ordered = (await orders.get(fou, id)).lines;
    await step(() => lines.approve(ikt, { lineIds: ordered.map((l) => l.id) }));
    await step(() =>
      lines.implement(ikt, {
        lines: ordered.map((l) => ({
          id: l.id,
          username: `${l.firstName.slice(0, 3)}${l.lastName.slice(0, 3)}`.toLowerCase(),
        })),
      }),
    );
  }
  // The night after: the ended placement's access goes on the list.
  await step(() => createEndingPlacements({ db, clock }).runEndingPlacements(clock.now()));

  // A student of the current period withdrawn today.
  const onSheet = (await rows.list(coordinator, sheet.sheetId)).rows;
  // One whose access is approved, not yet implemented (the order whose lines are all implemented stays so).
  const student = onSheet.find((r) => r.orderState === "approved" && !r.withdrawn);
  const today = todayInOslo(now);
  if (student && sheet.dates.start <= today && today <= sheet.dates.end) {
    await step(() =>
      rows.withdraw(coordinator, student.id, {
        date: today,
        reason: "Studenten har avbrutt praksis av helsemessige årsaker.",
      }),
    );
  }
  clock.set(null);
}
