import { headersOf, ok } from "./client.ts";
import { type BenchContext, chosen, series } from "./context.ts";
import type { OrderSheet } from "./generate-orders.ts";
import { load, type Target } from "./load.ts";
import { exportPathOf, jsonPost, orderOf } from "./paths.ts";

/**
 * Each request orders a sheet of its own: the first is a spare (used only if autocannon does not
 * ask `next` for the first request), then one per request.
 */
function freshSheets(url: string, path: string, headers: Record<string, string>, list: OrderSheet[]): Target {
  let k = 1;
  const bodyOf = (sheet: OrderSheet) => orderOf(sheet);
  return {
    url,
    method: "POST",
    path,
    headers: { ...headers, "content-type": "application/json" },
    body: bodyOf(list[0] as OrderSheet),
    next: () => ({ path, body: bodyOf(list[Math.min(k++, list.length - 1)] as OrderSheet) }),
  };
}

/**
 * Orders of access (issue 13), those chosen (`--only`): the dry run as a read, then order creation
 * and the portal export at one connection, each against its floor.
 */
export async function measureOrders(c: BenchContext): Promise<void> {
  const { o, f, app, floor, measurements, queries } = c;
  const fou = await c.as(f.users.fou);
  const orderRounds = { connections: 1, amount: o.importRounds, timeoutSeconds: 3_600 };
  const dryRunLabel = `orders — dry run of a ${o.sizes.sheet}-row sheet`;
  if (chosen(o, dryRunLabel)) {
    const body = orderOf(f.orders.dryRun);
    const probe = await ok(fou, "/api/orders?dryRun=true", jsonPost(body));
    await series(
      c,
      dryRunLabel,
      "read",
      {
        url: app.url,
        method: "POST",
        path: "/api/orders?dryRun=true",
        headers: { ...headersOf(fou), "content-type": "application/json" },
        body,
      },
      { url: floor.url, path: "/floor/query/orderCheck" },
      probe.queries,
    );
  }
  const createLabel = `orders — create for a ${o.sizes.sheet}-row sheet (a fresh sheet each)`;
  if (chosen(o, createLabel)) {
    measurements.push({
      group: "order",
      label: createLabel,
      statements: queries.find((q) => q.label === `orders — order of a ${o.sizes.sheet}-row sheet`)?.statements ?? null,
      app: await load(freshSheets(app.url, "/api/orders", headersOf(fou), f.orders.app), orderRounds),
      floor: await load(freshSheets(floor.url, "/floor/order", {}, f.orders.floor), orderRounds),
    });
    c.log("order creation measured");
  }
  const portalLabel = `orders — portal export of a ${o.sizes.sheet}-row order (xlsx)`;
  if (chosen(o, portalLabel)) {
    const exportOrder = f.orders.exportOrder;
    const path = exportPathOf(exportOrder);
    measurements.push({
      group: "export",
      label: portalLabel,
      statements:
        queries.find((q) => q.label === `orders — portal export of a ${o.sizes.sheet}-row order`)?.statements ?? null,
      app: await load({ url: app.url, path, headers: headersOf(fou) }, orderRounds),
      floor: await load({ url: floor.url, path: `/floor/order-export/${exportOrder}` }, orderRounds),
    });
    c.log("portal export measured");
  }
}
