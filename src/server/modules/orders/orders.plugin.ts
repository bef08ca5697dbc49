import type { FastifyInstance } from "fastify";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { ParsePool, RowsChanged } from "../overviews/overviews.public.ts";
import { deactivationsRoutes } from "./deactivations.routes.ts";
import { createDeactivationsUsecases, type DeactivationsUsecases } from "./deactivations.usecases.ts";
import { extensionsRoutes } from "./extensions.routes.ts";
import { createExtensionsUsecases, type ExtensionsUsecases } from "./extensions.usecases.ts";
import { orderLinesRoutes } from "./order-lines.routes.ts";
import { createOrderLinesUsecases } from "./order-lines.usecases.ts";
import { ordersRoutes } from "./orders.routes.ts";
import { createOrdersUsecases } from "./orders.usecases.ts";
import { readinessRoutes } from "./readiness.routes.ts";
import { createReadinessUsecases, type ReadinessUsecases } from "./readiness.usecases.ts";
import { accessFollowsRows } from "./row-events.ts";
import { createStatusImportUsecases } from "./status-import.usecases.ts";

/** What the orders module is built from (the composition root gives it). */
export interface OrdersModuleDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  notifier: Notifier;
  parsePool: ParsePool;
}

/** The orders module as the composition root sees it: what others use of it, and its routes. */
export interface OrdersModule {
  /** How a change to an ordered row reaches its lines (the overviews' `RowsChanged` port). */
  rowsChanged: RowsChanged;
  /** Who is ready for the placement (the start page counts with it). */
  readiness: ReadinessUsecases;
  /** The deactivation list (the start page counts it). */
  deactivations: DeactivationsUsecases;
  /** The extension list (the start page counts it). */
  extensions: ExtensionsUsecases;
  /** Registers every route of the module. */
  register(app: FastifyInstance): Promise<void>;
}

/**
 * The orders module, built from its use-cases: FOU's orders, the IT provider's queue, readiness and
 * the status report, and the access that follows the placement (changes, deactivations, extensions).
 */
export function createOrdersModule(deps: OrdersModuleDeps): OrdersModule {
  const { db, crypto, clock, notifier, parsePool } = deps;
  const readiness = createReadinessUsecases({ db, clock, crypto });
  const deactivations = createDeactivationsUsecases({ db, clock });
  const extensions = createExtensionsUsecases({ db, clock, notifier });
  return {
    rowsChanged: accessFollowsRows({ clock, notifier }),
    readiness,
    deactivations,
    extensions,
    async register(app) {
      await app.register(ordersRoutes({ orders: createOrdersUsecases({ db, crypto, clock, notifier }) }));
      await app.register(orderLinesRoutes({ lines: createOrderLinesUsecases({ db, clock, notifier }) }));
      await app.register(deactivationsRoutes({ deactivations }));
      await app.register(
        readinessRoutes({ readiness, statusImport: createStatusImportUsecases({ db, crypto, clock, parsePool }) }),
      );
      await app.register(extensionsRoutes({ extensions }));
    },
  };
}
