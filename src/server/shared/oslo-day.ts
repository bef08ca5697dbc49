import { sql } from "drizzle-orm";
import type { IsoDate } from "../../domain/dates.ts";

/** The start of a calendar day in Europe/Oslo, for comparing moments with a cut-off date in SQL. */
export const osloStartOf = (day: IsoDate) => sql`((${day})::date)::timestamp at time zone 'Europe/Oslo'`;
