import { fromPglite, PgBoss } from "pg-boss";
import type { Database } from "./database.ts";

/** A job the app runs on a schedule (and on demand), wherever it runs. */
export interface JobDefinition {
  /** The pg-boss queue name, e.g. `outbox-flush`. */
  name: string;
  /** Cron expression (five fields); evaluated in `tz`. */
  cron: string;
  tz?: string;
  run(now: Date): Promise<unknown>;
}

export interface Jobs {
  /** Runs a job as soon as a worker is free (at most one waits in line per job). */
  trigger(name: string): Promise<void>;
  stop(): Promise<void>;
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** pg-boss keeps its tables in their own schema of the app's database. */
export const jobsSchema = "pgboss";

/**
 * Starts pg-boss on the app's database: PostgreSQL through its own small pool, or the embedded
 * PGlite instance itself (one connection shared with the app; pg-boss's statements queue behind the
 * app's transactions). Every instance of the app works the queues; each scheduled occurrence runs
 * once across all of them. Start after the migrations; stop before closing the database.
 */
export async function startJobs({
  database,
  definitions,
  log,
}: {
  database: Database;
  definitions: JobDefinition[];
  log: Log;
}): Promise<Jobs> {
  let boss: PgBoss;
  if (database.kind === "pglite") {
    if (!database.pglite) throw new Error("PGlite instance missing");
    boss = new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", schema: jobsSchema });
  } else {
    const connectionString = database.pool?.options.connectionString;
    if (!connectionString) throw new Error("PostgreSQL connection string missing");
    boss = new PgBoss({ connectionString, schema: jobsSchema, max: 3, application_name: "praksistilgang-jobs" });
  }
  boss.on("error", (err) => log.error({ err }, "job system error"));
  await boss.start();

  for (const job of definitions) {
    // stately: at most one waiting and one running per job across all instances.
    await boss.createQueue(job.name, { policy: "stately", retryLimit: 1, expireInSeconds: 15 * 60 });
    await boss.schedule(job.name, job.cron, null, { tz: job.tz ?? "UTC" });
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      try {
        const result = await job.run(new Date());
        if (result && typeof result === "object" && Object.values(result).some((v) => v !== 0)) {
          log.info({ job: job.name, result }, "job done");
        }
      } catch (err) {
        log.error({ err, job: job.name }, "job failed");
        throw err;
      }
    });
  }

  return {
    async trigger(name) {
      await boss.send(name, null);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
}
