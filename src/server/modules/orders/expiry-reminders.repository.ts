import { sql } from "drizzle-orm";
import { expiryReminderDays } from "../../../domain/access-validity.ts";
import type { IsoDate } from "../../../domain/dates.ts";
import { grantedStates } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";

/** A reminder the run recorded (and so sends): its row, the student, the sheet and the days left. */
export interface DueReminder {
  row_id: string;
  trust_id: string;
  institution_id: string;
  overview_id: string;
  sheet_id: string;
  sheet_name: string;
  first_name: string;
  last_name: string;
  end_date: string;
  days_before: number;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The expiry reminders (SPEC §3.2 step 6): which placements' access ends soon, each reminder once. */
export function createExpiryRemindersRepository({ db }: { db: DbOrTx }) {
  return {
    /**
     * Records the reminders due on `today` and answers those that are new, in one statement: rows
     * (neither anonymised nor withdrawn) with a granted line whose access ends in 14 or 1 days, unless
     * a later placement of the same person continues it (`continues`: it starts no later than the
     * day after the end and ends after it). The unique (row, days, end date) makes each reminder
     * once; after an extension the new end date reminds again.
     */
    async recordDue(today: IsoDate): Promise<DueReminder[]> {
      const result = await db.execute(sql`
        with ending as (
          select distinct l.row_id, l.trust_id, l.valid_to as end_date, (l.valid_to - ${today}::date) as days_before
            from order_lines l
           where l.state = any(${sql.param([...grantedStates])}::text[])
             and l.valid_to = any(array(select (${today}::date + d) from unnest(${sql.param([...expiryReminderDays])}::int[]) as d))
        ),
        due as (
          select e.* from ending e
            join placement_rows r on r.id = e.row_id
           where r.anonymised_at is null and r.withdrawn_on is null and r.person_id is not null
             and not exists (
               select 1 from placement_rows later
                where later.person_id = r.person_id and later.id <> r.id
                  and later.anonymised_at is null and later.withdrawn_on is null
                  and later.start_date <= e.end_date + 1 and later.end_date > e.end_date)
        ),
        inserted as (
          insert into expiry_reminders (trust_id, row_id, days_before, end_date)
          select trust_id, row_id, days_before, end_date from due
          on conflict (row_id, days_before, end_date) do nothing
          returning row_id, trust_id, days_before, end_date
        )
        select i.row_id, i.trust_id, o.institution_id, o.id as overview_id, s.id as sheet_id, s.name as sheet_name,
               r.first_name, r.last_name, i.end_date::text as end_date, i.days_before
          from inserted i
          join placement_rows r on r.id = i.row_id
          join sheets s on s.id = r.sheet_id
          join overviews o on o.id = s.overview_id
         order by o.institution_id, r.last_name, r.first_name, i.row_id`);
      return rowsOf<DueReminder>(result);
    },
  };
}
