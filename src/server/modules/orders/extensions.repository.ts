import { and, asc, desc, eq, ilike, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { ExtensionsQuery } from "../../../contracts/extensions.ts";
import type { IsoDate } from "../../../domain/dates.ts";
import { statesFor } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { orderLines, orders, usernames } from "./orders.table.ts";

/** A line an extension moved. */
interface MovedLine {
  id: string;
  trust_id: string;
  institution_id: string;
  row_id: string;
}
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const knownUsername = sql<string | null>`coalesce(${usernames.username}, ${persons.username}, ${orderLines.username})`;

/** The lines the extension list shows: extended and waiting (`extended`), or marked done since. */
function stateWhere(state: ExtensionsQuery["state"]): SQL | undefined {
  return state === "extended"
    ? eq(orderLines.state, "extended")
    : and(isNotNull(orderLines.extensionDoneAt), eq(orderLines.state, "implemented"));
}

const sortColumns: Record<ExtensionsQuery["sort"], SQL[]> = {
  end: [sql`${orderLines.validTo}`, sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`],
  name: [sql`lower(${persons.lastName})`, sql`lower(${persons.firstName})`, sql`${orderLines.validTo}`],
  system: [sql`lower(${clinicalSystems.name})`, sql`${orderLines.validTo}`],
  trust: [sql`lower(${trusts.name})`, sql`${orderLines.validTo}`],
  extended: [sql`${orderLines.extendedAt}`, sql`lower(${persons.lastName})`],
};

/** The order lines of extensions: the lines that follow a row's new end, the list and its marks. */
export function createExtensionsRepository({ db }: { db: DbOrTx }) {
  const from = () =>
    db
      .select({
        lineId: orderLines.id,
        trustId: orderLines.trustId,
        trustName: trusts.name,
        institutionId: orderLines.institutionId,
        institutionShortName: institutions.shortName,
        sheetName: orders.sheetName,
        rowId: orderLines.rowId,
        lastName: persons.lastName,
        firstName: persons.firstName,
        email: persons.email,
        username: knownUsername,
        systemId: orderLines.systemId,
        systemName: clinicalSystems.name,
        role: orderLines.role,
        reference: orders.reference,
        validFrom: orderLines.validFrom,
        validTo: orderLines.validTo,
        extendedFrom: orderLines.extendedFrom,
        state: orderLines.state,
        extendedAt: orderLines.extendedAt,
        doneAt: orderLines.extensionDoneAt,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(trusts, eq(trusts.id, orderLines.trustId))
      .innerJoin(institutions, eq(institutions.id, orderLines.institutionId))
      .innerJoin(persons, eq(persons.id, orderLines.personId))
      .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
      .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash));

  function where(trustIds: string[], q: ExtensionsQuery): SQL | undefined {
    const pattern = q.q ? containsPattern(q.q) : null;
    return and(
      anyOf(orderLines.trustId, trustIds, "uuid"),
      q.trustId ? eq(orderLines.trustId, q.trustId) : undefined,
      q.institutionId ? eq(orderLines.institutionId, q.institutionId) : undefined,
      stateWhere(q.state),
      pattern
        ? or(
            ilike(persons.lastName, pattern),
            ilike(persons.firstName, pattern),
            sql`(${persons.firstName} || ' ' || ${persons.lastName}) ilike ${pattern}`,
            ilike(persons.email, pattern),
            sql`${knownUsername} ilike ${pattern}`,
            ilike(clinicalSystems.name, pattern),
            ilike(orders.reference, pattern),
          )
        : undefined,
    );
  }

  return {
    /**
     * The lines of these rows follow their new end `endDate`, in two statements for any number:
     * implemented, extended and ended (`to_deactivate`, reason `ended`, not yet deactivated) lines go
     * on the extension list (`extended`, keeping the end before the first extension not yet marked
     * done); lines not yet carried out (draft, ordered, approved) take the new end in place.
     */
    async extendLines(rowIds: string[], endDate: IsoDate, by: string, at: Date) {
      const stamp = at.toISOString();
      const extended = await db.execute(sql`
        update ${orderLines} set
          extended_from = case when state = 'extended' and extended_from is not null then extended_from else valid_to end,
          valid_to = ${endDate}::date,
          state = 'extended',
          extended_by = ${by}::uuid,
          extended_at = ${stamp}::timestamptz,
          extension_done_by = null,
          extension_done_at = null,
          deactivation_reason = null,
          deactivate_from = null,
          scheduled_deactivation_at = null,
          updated_at = ${stamp}::timestamptz
        where ${anyOf(orderLines.rowId, rowIds, "uuid")}
          and (state = any(${sql.param(["implemented", "extended"])}::text[])
            or (state = 'to_deactivate' and deactivation_reason = 'ended' and deactivated_at is null))
        returning id, trust_id, institution_id, row_id`);
      const moved = await db.execute(sql`
        update ${orderLines} set valid_to = ${endDate}::date, updated_at = ${stamp}::timestamptz
        where ${anyOf(orderLines.rowId, rowIds, "uuid")}
          and state = any(${sql.param(["draft", "ordered", "approved"])}::text[])
        returning id, trust_id, institution_id, row_id`);
      return { extended: rowsOf<MovedLine>(extended), moved: rowsOf<MovedLine>(moved) };
    },

    /** One page of the extension list of these trusts, with its total: two statements. */
    async list(trustIds: string[], q: ExtensionsQuery, opts: { all?: boolean } = {}) {
      const w = where(trustIds, q);
      const order = q.dir === "desc" ? desc : asc;
      const page = from()
        .where(w)
        .orderBy(...sortColumns[q.sort].map((c) => order(c)), asc(orderLines.id));
      const items = await (opts.all ? page.limit(100_000) : page.limit(q.limit).offset(q.offset));
      const [total] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orderLines)
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .innerJoin(persons, eq(persons.id, orderLines.personId))
        .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
        .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
        .where(w);
      return { items, total: total?.n ?? 0 };
    },

    /** How many extended lines wait on these trusts' IT provider. */
    async waiting(trustIds: string[]) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orderLines)
        .where(and(anyOf(orderLines.trustId, trustIds, "uuid"), eq(orderLines.state, "extended")));
      return row?.n ?? 0;
    },

    /** These trusts' lines with these ids, locked for the mark. */
    lock(trustIds: string[], ids: string[]) {
      return db
        .select({
          id: orderLines.id,
          state: orderLines.state,
          trustId: orderLines.trustId,
          institutionId: orderLines.institutionId,
          rowId: orderLines.rowId,
        })
        .from(orderLines)
        .where(and(anyOf(orderLines.trustId, trustIds, "uuid"), anyOf(orderLines.id, ids, "uuid")))
        .orderBy(asc(orderLines.id))
        .for("update");
    },

    /** Marks extended lines done: back to `implemented`, with who and when. */
    async markDone(ids: string[], by: string, at: Date) {
      await db
        .update(orderLines)
        .set({ state: "implemented", extensionDoneBy: by, extensionDoneAt: at, updatedAt: at })
        .where(
          and(anyOf(orderLines.id, ids, "uuid"), anyOf(orderLines.state, [...statesFor("mark_extended")], "text")),
        );
    },
  };
}
