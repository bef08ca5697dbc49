import type { IsoDate } from "../src/domain/dates.ts";
import type { DataCrypto } from "../src/server/shared/crypto.ts";
import type { Database } from "../src/server/shared/database.ts";
import type { BenchOptions } from "./options.ts";
import type { Random } from "./synthetic.ts";

/** What the generator (generate.ts) is asked to make. */
export type GenerateOptions = Pick<BenchOptions, "scale" | "seed" | "sizes"> & {
  crypto: DataCrypto;
  passwordHash: string;
  importers: number;
  importTargets: number;
  /** Timed order creations, each of a fresh sheet (the app's and the floor's). */
  orderRounds: number;
};

/**
 * What each step of the generator shares: the database, the options, the one seeded random
 * sequence (every step draws from it in turn, so the order of the steps is the data), the time it
 * fills at, and the counts of what it inserted.
 */
export interface GenerateContext {
  database: Database;
  o: GenerateOptions;
  r: Random;
  now: Date;
  today: IsoDate;
  thisYear: number;
  counts: Record<string, number>;
  count: (table: string, n: number) => void;
}

/** Lower-case ASCII letters only, for e-mail addresses (æ, ø, å spelt out). */
export const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/[^a-z]/g, "");
