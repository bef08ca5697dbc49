import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { BenchOptions } from "./options.ts";
import { markdown, type Results } from "./report.ts";

/** What the run measured, without the machine and the settings (which this module adds). */
export type Measured = Omit<Results, "startedAt" | "machine" | "settings">;

/**
 * The run's results with the machine (load average before and now) and the settings: written as
 * JSON to bench/results/, the Markdown tables to standard output.
 */
export function writeResults(o: {
  root: string;
  options: BenchOptions;
  startedAt: string;
  loadAverageBefore: number[];
  /** The database's `version()`, shortened; PGlite's is named as such. */
  database: string;
  measured: Measured;
  log: (line: string) => void;
}): void {
  const { options } = o;
  const results: Results = {
    startedAt: o.startedAt,
    machine: {
      cpus: availableParallelism(),
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      database: o.database,
      loadAverageBefore: o.loadAverageBefore,
      loadAverageAfter: loadavg(),
    },
    settings: {
      scale: options.scale,
      smallScale: options.smallScale,
      seconds: options.durationSeconds,
      connections: options.connections,
      rounds: options.importRounds,
    },
    ...o.measured,
  };
  const file = join(o.root, `bench/results/${o.startedAt.replace(/[:.]/g, "-")}${options.smoke ? "-smoke" : ""}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(markdown(results));
  o.log(`results in ${file}`);
}
