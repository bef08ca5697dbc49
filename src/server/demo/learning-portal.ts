import { createLearningPortalUsecases } from "../modules/learning-portal/learning-portal.public.ts";
import { createOutbox } from "../modules/outbox/outbox.public.ts";
import type { Clock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { type DemoWorld, demoActor } from "./demo-world.ts";

/**
 * FOU's Læringsportalen users in the demo (SPEC §3.3), through the learning-portal use-cases: of
 * the international students without a Norwegian ID, those of the earliest sheet go in one batch to
 * the demo trust's `.test` address and one of their users is marked created; the students of later
 * sheets are left waiting for FOU to send (the start page counts them). Nothing is sent when only
 * one sheet's students wait, so someone always waits.
 */
export async function fillDemoLearningPortal(
  db: Db,
  world: DemoWorld,
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<void> {
  const outbox = createOutbox({ publicUrl: deps.publicUrl, clock: deps.clock });
  const portal = createLearningPortalUsecases({ db, crypto: deps.crypto, clock: deps.clock, outbox });
  const fou = demoActor(world, "fou@demo.test");
  const { items } = await portal.list(fou, { state: "needed", sort: "start", dir: "asc", limit: 200, offset: 0 });
  const first = items[0]?.sheetId;
  if (!first || items.every((i) => i.sheetId === first)) return;
  const batch = await portal.sendBatch(fou, {
    personIds: items.filter((i) => i.sheetId === first).map((i) => i.personId),
  });
  const [created] = batch.personIds;
  if (created) await portal.markCreated(fou, { personIds: [created] });
}
