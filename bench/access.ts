import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type pg from "pg";
import * as schema from "../src/server/db/schema.ts";
import { createEndingPlacements } from "../src/server/modules/orders/orders.public.ts";
import type { Database, Db } from "../src/server/shared/database.ts";
import { countingLogger, queryCounter } from "../src/server/shared/query-count.ts";
import { query } from "./databases.ts";
import type { FloorQuery } from "./floors.ts";

/**
 * Access that follows the placement (issue 14) in the benchmark: the nightly job that finds ending
 * placements (`orders-ending-placements`) run once over the generated region, as it runs at 01:00
 * on the real one — every granted line whose placement ended before today is superseded by a
 * continuing placement or put on the deactivation list — timed and its statements counted; the
 * lines it scheduled are the deactivation list the IT provider's page is then measured with.
 */

export interface AccessFixtures {
  /** The job's run: how long, how many statements, how many lines it moved. */
  job: { seconds: number; statements: number; ended: number; continued: number; scheduled: number };
  /** The lines on the deactivation list afterwards. */
  toDeactivate: number;
}

/** The database with a Drizzle handle that counts its statements (the app's benchmark logger), on the same connection. */
function countingDb(database: Database): Db {
  const options = { schema, logger: countingLogger };
  if (database.pglite) return drizzlePglite(database.pglite, options) as unknown as Db;
  return drizzlePg(database.pool as pg.Pool, options) as unknown as Db;
}

/**
 * Ended placements for the job: a copy of every generated line, implemented, on a row of its own,
 * that ended one to thirty days before the job's day — the earliest end of the generated lines, so
 * that the job ends only these and the IT provider's queue keeps its open lines. Returns the day.
 */
async function generateEndedLines(database: Database): Promise<string> {
  const [day] = await query<{ d: string }>(database, "select min(valid_to)::text as d from order_lines");
  const jobDay = day?.d ?? "2000-01-01";
  await query(
    database,
    `insert into order_lines (trust_id, order_id, institution_id, sheet_id, row_id, person_id, system_id, role,
                              profile_version_id, valid_from, valid_to, state, ordered_by, ordered_at,
                              implemented_by, implemented_at, username, username_delivery)
     select trust_id, order_id, institution_id, sheet_id, gen_random_uuid(), person_id, system_id, role,
            profile_version_id, e.valid_to - 40, e.valid_to, 'implemented', ordered_by, ordered_at,
            ordered_by, ordered_at, 'stud' || left(md5(person_id::text), 6), 'provider'
       from (select l.*, ($1::date - 1 - (row_number() over (order by l.id) % 30)::int) as ended_on
               from order_lines l) l
       cross join lateral (select l.ended_on as valid_to) e`,
    [jobDay],
  );
  return jobDay;
}

/** Runs the nightly job once over the filled region (inside `fill`, before the servers start). */
export async function runAccessJob(database: Database): Promise<AccessFixtures> {
  const jobDay = await generateEndedLines(database);
  // 02:00 Oslo time on the job's day (01:00 UTC in winter, 00:00 in summer: the same Oslo day).
  const now = new Date(`${jobDay}T01:00:00Z`);
  const [ended] = await query<{ n: number }>(
    database,
    `select count(*)::int as n from order_lines
      where state in ('ordered', 'approved', 'implemented', 'extended') and valid_to < $1::date`,
    [jobDay],
  );
  const began = performance.now();
  const store = { statements: 0 };
  const value = await queryCounter.run(store, () =>
    createEndingPlacements({ db: countingDb(database), clock: { now: () => now } }).runEndingPlacements(now),
  );
  const { statements } = store;
  const seconds = (performance.now() - began) / 1000;
  const [listed] = await query<{ n: number }>(
    database,
    "select count(*)::int as n from order_lines where state = 'to_deactivate'",
  );
  return { job: { seconds, statements, ended: ended?.n ?? 0, ...value }, toDeactivate: listed?.n ?? 0 };
}

/**
 * deactivations.repository list as the IT provider's page: the lines to deactivate of the trusts it
 * serves, soonest first, with what a line is shown with and the total (of the lines alone, as the
 * list counts without a search): one statement.
 */
export const deactivationsFloor = (trustIds: string[]): FloorQuery => ({
  sql: `select l.*, ord.sheet_name, ord.reference, t.name as trust_name, i.short_name as institution_short_name,
               p.last_name, p.first_name, cs.name as system_name,
               coalesce(l.username, u.username, p.username) as known_username, ud.name as deactivated_by_name,
               (select count(*)::int from order_lines c
                 where c.trust_id = any($1::uuid[]) and c.state = 'to_deactivate') as total
          from order_lines l
          join orders ord on ord.id = l.order_id
          join trusts t on t.id = l.trust_id
          join institutions i on i.id = l.institution_id
          join persons p on p.id = l.person_id
          join clinical_systems cs on cs.id = l.system_id
          left join usernames u on u.national_id_hash = p.national_id_hash
          left join users ud on ud.id = l.deactivated_by
         where l.trust_id = any($1::uuid[]) and l.state = 'to_deactivate'
         order by l.deactivate_from, lower(p.last_name), lower(p.first_name), l.id
         limit 50`,
  params: [trustIds],
});
