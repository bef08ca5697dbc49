/**
 * The benchmark's settings, from the command line and the environment (see docs/performance.md):
 * `--smoke` runs every measurement on tiny data in seconds; `--instances 2` adds the check that two
 * server processes on one PostgreSQL answer every request correctly; `--only <text>[,<text>…]` measures only
 * the reads whose label contains the text (and skips sign-in, registration, imports and export).
 */
export interface BenchOptions {
  smoke: boolean;
  /** Helse Vest times this (1 = 40,000 students, 125,000 rows, 1,000,000 audit rows). */
  scale: number;
  /** The second, smaller region for "cost as work grows". */
  smallScale: number;
  /** PostgreSQL to fill (an empty database); null: embedded PGlite in a temporary folder. */
  databaseUrl: string | null;
  /** Seconds of load per measurement (reads and sign-in). */
  durationSeconds: number;
  /** How long one measurement at `connections` runs: the duration, or in a smoke run one request per connection. */
  window(connections: number): { connections: number; seconds?: number; amount?: number };
  /** Seconds of warm-up load before each operation's series. */
  warmupSeconds: number;
  connections: number[];
  /** Requests per import and export measurement (one connection; each takes seconds). */
  importRounds: number;
  instances: number;
  /** Measure only the reads whose label contains one of these (case-insensitive); null: everything. */
  only: string[] | null;
  seed: number;
  /** Fixed sizes of what is measured; the region around them grows with the scale. */
  sizes: {
    smallSheet: number;
    sheet: number;
    largeSheet: number;
    smallList: number;
    importRows: number;
    largeImportRows: number;
    /** Registrations of the small and the large campaign whose lists are counted and measured. */
    smallCampaign: number;
    campaign: number;
  };
}

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}

export function readOptions(argv: string[]): BenchOptions {
  const smoke = argv.includes("--smoke");
  const at = argv.indexOf("--instances");
  const instances = at >= 0 ? Number(argv[at + 1]) : 1;
  if (!Number.isInteger(instances) || instances < 1 || instances > 4) {
    throw new Error("--instances takes a number from 1 to 4.");
  }
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? "") : null;
  if (only === "")
    throw new Error(
      '--only takes a part of an operation\'s label, e.g. --only overview; several: --only "sheet of 200,audit".',
    );
  const valued = ["--instances", "--only"];
  const unknown = argv.filter((a, i) => !["--smoke", ...valued].includes(a) && !valued.includes(argv[i - 1] ?? ""));
  if (unknown.length > 0) {
    throw new Error(`Unknown arguments: ${unknown.join(" ")} (use --smoke, --instances N, --only TEXT).`);
  }
  const databaseUrl = process.env.BENCH_DATABASE_URL || null;
  const scale = smoke ? 0.002 : numberFrom("BENCH_SCALE", databaseUrl ? 1 : 0.1);
  const durationSeconds = smoke ? 0.25 : numberFrom("BENCH_DURATION", 10);
  return {
    smoke,
    scale,
    smallScale: numberFrom("BENCH_SMALL_SCALE", scale / 10),
    databaseUrl,
    durationSeconds,
    window: (connections) => (smoke ? { connections, amount: connections } : { connections, seconds: durationSeconds }),
    warmupSeconds: smoke ? 0 : numberFrom("BENCH_WARMUP", 1),
    connections: [1, 8, 32],
    importRounds: smoke ? 1 : numberFrom("BENCH_IMPORT_ROUNDS", 3),
    instances,
    only: only
      ? only
          .toLowerCase()
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
      : null,
    seed: numberFrom("BENCH_SEED", 20_260_101),
    sizes: smoke
      ? {
          smallSheet: 5,
          sheet: 20,
          largeSheet: 50,
          smallList: 3,
          importRows: 40,
          largeImportRows: 100,
          smallCampaign: 5,
          campaign: 60,
        }
      : {
          smallSheet: 20,
          sheet: 200,
          largeSheet: 2_000,
          smallList: 10,
          importRows: 2_000,
          largeImportRows: 5_000,
          smallCampaign: 20,
          campaign: 2_000,
        },
  };
}
