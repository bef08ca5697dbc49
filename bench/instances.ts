import { checkInstances } from "./checks.ts";
import type { BenchDatabase } from "./databases.ts";
import type { Fixtures } from "./fixtures.ts";
import type { BenchOptions } from "./options.ts";
import type { Results } from "./report.ts";

/**
 * `--instances N` (PostgreSQL, not with `--only`): N app processes on the same database, the reads
 * and sign-in loaded across them (checks.ts checkInstances); null when not asked for or on PGlite.
 */
export async function instancesCheck(o: {
  options: BenchOptions;
  main: BenchDatabase;
  env: Record<string, string>;
  password: string;
  f: Fixtures;
  log: (line: string) => void;
}): Promise<Results["instances"]> {
  const { options, main, f, log } = o;
  if (options.instances <= 1 || options.only !== null) return null;
  if (main.kind !== "postgres") {
    log("--instances needs PostgreSQL (BENCH_DATABASE_URL): PGlite is one process's database");
    return null;
  }
  log(`checking ${options.instances} instances`);
  return checkInstances({
    target: main,
    env: o.env,
    instances: options.instances,
    password: o.password,
    signInEmail: f.users.signIn,
    window: options.window,
    reads: [
      {
        label: `open a sheet of ${options.sizes.sheet} rows`,
        user: f.users.coordinator,
        path: `/api/sheets/${f.sheets.medium}/rows`,
      },
      { label: "overview list, FOU", user: f.users.fou, path: "/api/overviews" },
      { label: "FOU start page (dashboard)", user: f.users.fou, path: "/api/dashboard" },
      {
        label: `search a surname (${f.searchSurname})`,
        user: f.users.fou,
        path: `/api/search?q=${f.searchSurname}`,
      },
    ],
  });
}
