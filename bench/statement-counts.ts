import type { CreateOrderResponse } from "../src/contracts/orders.ts";
import type { AccessFixtures } from "./access.ts";
import { ok, type Session } from "./client.ts";
import type { BenchContext } from "./context.ts";
import { measureBulkExtension } from "./extensions.ts";
import { exportPathOf, firstPage, jsonPost, orderOf, readinessOf, registrationsOf } from "./paths.ts";

/** How many documents and lines the measured lists hold, for the reads' labels (reads.ts). */
export interface Listed {
  nCoordinator: number;
  nFou: number;
  openLines: number;
  toDeactivate: number;
}

/**
 * Statements per request: one request of each counted operation, small beside large (sheets,
 * lists, campaigns, orders, the two regions), into `c.queries`; the nightly access job's own count.
 */
export async function countStatements(c: BenchContext, access: AccessFixtures): Promise<Listed> {
  const { o, f, smallApp, queries } = c;
  const count = async (label: string, session: Session, path: string) => {
    const answer = await ok(session, path);
    queries.push({ label, statements: answer.queries ?? -1 });
    return answer;
  };
  const coordinator = await c.as(f.users.coordinator);
  const fou = await c.as(f.users.fou);
  const fouSmall = await c.as(f.users.fou, smallApp);
  await count(`sheet of ${o.sizes.smallSheet} rows`, coordinator, `/api/sheets/${f.sheets.small}/rows`);
  await count(`sheet of ${o.sizes.sheet} rows`, coordinator, `/api/sheets/${f.sheets.medium}/rows`);
  await count(
    `sheet of ${o.sizes.largeSheet.toLocaleString("en")} rows`,
    coordinator,
    `/api/sheets/${f.sheets.large}/rows`,
  );
  // The list's first page (50 by name) and how many documents it pages through.
  const listed = async (s: Session) =>
    (JSON.parse((await ok(s, "/api/overviews")).body.toString()) as { total: number }).total;
  const [nCoordinator, nFou, nFouSmall] = [await listed(coordinator), await listed(fou), await listed(fouSmall)];
  await count(`overview list, ${firstPage(nCoordinator)} (coordinator)`, coordinator, "/api/overviews");
  await count(`overview list, ${firstPage(nFouSmall)} (FOU, small region)`, fouSmall, "/api/overviews");
  await count(`overview list, ${firstPage(nFou)} (FOU)`, fou, "/api/overviews");
  await count(`dashboard, FOU, small region (scale ${o.smallScale})`, fouSmall, "/api/dashboard");
  await count(`dashboard, FOU (scale ${o.scale})`, fou, "/api/dashboard");
  await count(`readiness list, coordinator (scale ${o.scale}, first page)`, coordinator, "/api/readiness?limit=50");
  for (const [size, id] of [
    [o.sizes.smallCampaign, f.campaigns.small],
    [o.sizes.campaign, f.campaigns.large],
  ] as const) {
    await count(`campaign of ${size.toLocaleString("en")} registrations (first page)`, fou, registrationsOf(id));
  }

  // Orders of access (issue 13): statements of the dry run, the order and its portal file for a
  // small and a measured sheet (the orders made here are the ones exported below), and of the IT
  // provider's queue and FOU's readiness list in the large and the small region.
  const orderSizes = [
    [o.sizes.smallSheet, f.orders.small],
    [o.sizes.sheet, f.orders.count],
  ] as const;
  for (const [size, sheet] of orderSizes) {
    const answer = await ok(fou, "/api/orders?dryRun=true", jsonPost(orderOf(sheet)));
    queries.push({ label: `orders — dry run of a ${size}-row sheet`, statements: answer.queries ?? -1 });
  }
  const madeOrders: string[] = [];
  for (const [size, sheet] of orderSizes) {
    const answer = await ok(fou, "/api/orders", jsonPost(orderOf(sheet)));
    const made = JSON.parse(answer.body.toString()) as CreateOrderResponse;
    if (!made.order || made.counts.refused > 0) throw new Error(`the ${size}-row order was not made`);
    madeOrders.push(made.order.id);
    queries.push({ label: `orders — order of a ${size}-row sheet`, statements: answer.queries ?? -1 });
  }
  const [smallOrder, largeOrder] = madeOrders as [string, string];
  await count(`orders — portal export of a ${o.sizes.smallSheet}-row order`, fou, exportPathOf(smallOrder));
  await count(`orders — portal export of a ${o.sizes.sheet}-row order`, fou, exportPathOf(largeOrder));
  const itProvider = await c.as(f.orders.itProvider);
  const itProviderSmall = await c.as(f.orders.itProvider, smallApp);
  const openLines = (JSON.parse((await ok(itProvider, "/api/order-lines")).body.toString()) as { total: number }).total;
  await count(`orders — IT queue, small region (scale ${o.smallScale})`, itProviderSmall, "/api/order-lines");
  await count(`orders — IT queue (scale ${o.scale})`, itProvider, "/api/order-lines");
  await count(
    `orders — readiness list of a period, small region (scale ${o.smallScale})`,
    fouSmall,
    readinessOf(c.smallFixtures),
  );
  await count(`orders — readiness list of a period (scale ${o.scale})`, fou, readinessOf(f));
  const { job, toDeactivate } = access;
  queries.push({
    label: `access — nightly ending-placements job (${job.ended} ended lines)`,
    statements: job.statements,
  });
  c.log(`access — nightly job: ${job.scheduled} scheduled, ${job.continued} continued in ${job.seconds.toFixed(2)} s`);
  await count(`access — deactivation list (scale ${o.scale}, ${toDeactivate} lines)`, itProvider, "/api/deactivations");
  // Access that follows the placement (issue 14): FOU extends the large sheet's placements at once.
  queries.push(await measureBulkExtension(fou, f.sheets.large));
  return { nCoordinator, nFou, openLines, toDeactivate };
}
