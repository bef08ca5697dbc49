import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import type { PersonsUsecases } from "../persons/persons.public.ts";
import type { RowsChanged } from "./change-log.ts";

/**
 * What the overviews tell a module above them, in the saving transaction, after rows naming these
 * persons were added, changed or removed at the institution: the registrations match the
 * registrations still waiting for rows (wired in app.ts).
 */
export type PersonsPlaced = (
  tx: DbOrTx,
  actor: Actor,
  q: { trustId: string; institutionId: string; personIds: string[] },
) => Promise<void>;

/** What the overviews' use-cases are built from. */
export interface OverviewsDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  notifier: Notifier;
  persons: PersonsUsecases;
  /** Told when rows name persons; nobody is told without it. */
  placed?: PersonsPlaced;
  /** Told of the changes kept after submission; nobody is told without it. */
  rowsChanged?: RowsChanged;
}
