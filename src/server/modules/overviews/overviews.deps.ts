import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { PersonsUsecases } from "../persons/persons.public.ts";

/** What the overviews' use-cases are built from. */
export interface OverviewsDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  notifier: Notifier;
  persons: PersonsUsecases;
}
