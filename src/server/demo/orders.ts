import { createNotifier } from "../modules/notifications/notifications.public.ts";
import { createOrderLinesUsecases } from "../modules/orders/order-lines.usecases.ts";
import { createOrdersUsecases } from "../modules/orders/orders.public.ts";
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
 * FOU's orders of access in the demo, made through the orders' and the IT provider's use-cases on a
 * demo clock, the morning after the students of the submitted campaign sheet (HVL's period before)
 * were transferred to HR. FOU orders the ready rows in four batches, so every state is there (SPEC
 * §3.2 steps 4–5), whatever day the demo starts:
 * - the first: ordered, every line approved and implemented with the students' usernames (their
 *   Bestilt cells green, their readiness lines complete);
 * - the second: ordered; the IT provider approved half, rejected one student's lines (FOU wrote the
 *   coordinators a message) and left the rest in `ikt@demo.test`'s queue;
 * - the third: ordered, nothing decided yet (open lines in the queue);
 * - the fourth: an order FOU cancelled, and the order made again, not yet sent (waiting to be sent).
 * The last ready students are not ordered yet, and the rows the dry run refuses (students not
 * in HR) stay on the sheet with their reasons.
 */
export async function fillDemoOrders(
  db: Db,
  world: DemoWorld,
  semester: { sheets: DemoSheet[]; transfers: Map<string, Date> },
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<void> {
  const clock = demoClock(deps.clock);
  const notifier = createNotifier({ outbox: createOutbox({ publicUrl: deps.publicUrl, clock }), clock });
  const persons = createPersonsUsecases({ db, crypto: deps.crypto, links: createPersonLinks() });
  const orders = createOrdersUsecases({ db, crypto: deps.crypto, clock, notifier });
  const lines = createOrderLinesUsecases({ db, clock, notifier });
  const fou = demoActor(world, "fou@demo.test");
  const ikt = demoActor(world, "ikt@demo.test");
  const hour = 3_600_000;

  const sheet = semester.sheets.find((s) => s.plan.campaign && s.dates.submittedOn !== null);
  const transferAt = sheet && semester.transfers.get(sheet.sheetId);
  if (!sheet || !transferAt) return;
  const { rows } = await createRowsUsecases({ db, crypto: deps.crypto, clock, notifier, persons }).list(
    fou,
    sheet.sheetId,
  );
  // FOU orders the morning after the transfer to HR of the sheet's students.
  let moment = transferAt.getTime() + 20 * hour;
  const step = async <T>(run: () => Promise<T>, after = hour): Promise<T> => {
    moment += after;
    clock.set(new Date(Math.min(moment, deps.clock.now().getTime() - hour)));
    return run();
  };
  const check = await step(() =>
    orders.create(fou, { sheetId: sheet.sheetId, rowIds: rows.map((r) => r.id) }, { dryRun: true }),
  );
  const ready = check.rows.filter((r) => r.outcome !== "refused").map((r) => r.rowId);
  const order = (rowIds: string[]) =>
    step(() => orders.create(fou, { sheetId: sheet.sheetId, rowIds, acceptWarnings: true }));
  const sent = async (rowIds: string[], n: number) => {
    const made = await order(rowIds);
    const id = made.order?.id as string;
    await step(() => orders.markOrdered(fou, id, { reference: `SP-${sheet.dates.start.slice(0, 4)}-${4100 + n}` }));
    return (await orders.get(fou, id)).lines;
  };
  // The last ready students are left for FOU to order (browser story 14 does).
  const batch = Math.max(1, Math.floor((ready.length - 4) / 4));
  const [implemented, decided, open, waiting] = [0, 1, 2, 3].map((k) => ready.slice(k * batch, (k + 1) * batch));

  const done = await sent(implemented ?? [], 1);
  await step(() => lines.approve(ikt, { lineIds: done.map((l) => l.id) }), 20 * hour);
  await step(() => lines.implement(ikt, { lines: done.map((l) => ({ id: l.id, username: usernameOf(l) })) }));

  const partly = await sent(decided ?? [], 2);
  const firstPerson = partly[0]?.personId;
  const rejected = partly.filter((l) => l.personId === firstPerson);
  const rest = partly.filter((l) => l.personId !== firstPerson);
  await step(
    () => lines.approve(ikt, { lineIds: rest.slice(0, Math.ceil(rest.length / 2)).map((l) => l.id) }),
    20 * hour,
  );
  await step(() =>
    lines.reject(ikt, {
      lineIds: rejected.map((l) => l.id),
      reason: "Studenten finnes ikke i personalsystemet med dette fødselsnummeret. Kontroller og bestill på nytt.",
    }),
  );
  await step(() =>
    lines.setFouMessage(fou, rejected[0]?.id as string, {
      fouMessage:
        "Helse Vest IKT fant ikke studenten i personalsystemet. Vi sjekker fødselsnummeret og bestiller på nytt.",
    }),
  );

  await sent(open ?? [], 3);

  const first = await order(waiting ?? []);
  await step(() => orders.cancel(fou, first.order?.id as string));
  await order(waiting ?? []);
  clock.set(null);
}

/** A username as Helse Vest IKT makes them: the first letters of the names and a number. */
function usernameOf(line: { firstName: string; lastName: string; personId: string }): string {
  const letters = (s: string, n: number) =>
    s
      .normalize("NFD")
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase()
      .slice(0, n);
  const digits = Number.parseInt(line.personId.replace(/-/g, "").slice(0, 6), 16) % 1000;
  return `${letters(line.firstName, 3)}${letters(line.lastName, 3)}${String(digits).padStart(3, "0")}`;
}
