import type { FastifyInstance } from "fastify";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { ParsePool } from "../overviews/overviews.public.ts";
import { deactivationsRoutes } from "./deactivations.routes.ts";
import { createDeactivationsUsecases } from "./deactivations.usecases.ts";
import { extensionsRoutes } from "./extensions.routes.ts";
import { createExtensionsUsecases } from "./extensions.usecases.ts";
import { orderLinesRoutes } from "./order-lines.routes.ts";
import { createOrderLinesUsecases } from "./order-lines.usecases.ts";
import { ordersRoutes } from "./orders.routes.ts";
import { createOrdersUsecases } from "./orders.usecases.ts";
import { readinessRoutes } from "./readiness.routes.ts";
import type { ReadinessUsecases } from "./readiness.usecases.ts";
import { createStatusImportUsecases } from "./status-import.usecases.ts";

/** What the orders module's routes are built from (the composition root gives it). */
export interface OrdersPluginDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  notifier: Notifier;
  parsePool: ParsePool;
  readiness: ReadinessUsecases;
}

/**
 * Every route of the orders module, built from its use-cases: FOU's orders, the IT provider's queue,
 * readiness and the status report, and the access that follows the placement.
 */
export async function registerOrders(app: FastifyInstance, deps: OrdersPluginDeps): Promise<void> {
  const { db, crypto, clock, notifier, parsePool, readiness } = deps;
  await app.register(ordersRoutes({ orders: createOrdersUsecases({ db, crypto, clock, notifier }) }));
  await app.register(orderLinesRoutes({ lines: createOrderLinesUsecases({ db, clock, notifier }) }));
  await app.register(deactivationsRoutes({ deactivations: createDeactivationsUsecases({ db, clock }) }));
  await app.register(
    readinessRoutes({ readiness, statusImport: createStatusImportUsecases({ db, crypto, clock, parsePool }) }),
  );
  await app.register(extensionsRoutes({ extensions: createExtensionsUsecases({ db, clock, notifier }) }));
}
