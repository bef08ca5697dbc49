import { and, asc, desc, eq, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { OrderLineState } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { insertInSets } from "../../shared/insert-sets.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { placementSites, programmes } from "../catalog/catalog.table.ts";
import { accessProfileVersions, clinicalSystems } from "../clinical-systems/clinical-systems.table.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { overviews, placementRows, studentGroups } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { users } from "../users/users.table.ts";
import { orderLines, orders, usernames } from "./orders.table.ts";

/** The advisory locks' first key for an order's running number (the two-key form; the second is the trust's). */
const numberLockSpace = 13;

export type OrderRow = typeof orders.$inferSelect;
export type NewOrderLine = typeof orderLines.$inferInsert;
const creator = alias(users, "order_creator");
const orderer = alias(users, "order_orderer");

/** An order's lines summed up inside the caller's statement (one statement for a page of orders). */
const lineCount = sql<number>`(select count(*)::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`;
const rowCount = sql<number>`(select count(distinct ${orderLines.rowId})::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`;
const startsOn = sql<
  string | null
>`(select min(${orderLines.validFrom})::text from ${orderLines} where ${orderLines.orderId} = ${orders.id})`;
const lineStates = sql<Record<string, number>>`(select coalesce(jsonb_object_agg(s.state, s.n), '{}'::jsonb)
  from (select ${orderLines.state} as state, count(*)::int as n from ${orderLines}
    where ${orderLines.orderId} = ${orders.id} group by ${orderLines.state}) s)`;

const summaryColumns = {
  order: orders,
  institutionName: institutions.name,
  institutionShortName: institutions.shortName,
  createdByName: creator.name,
  orderedByName: orderer.name,
  lineCount,
  rowCount,
  startsOn,
  lineStates,
};

const sortColumns = {
  number: [orders.number],
  created: [orders.createdAt],
  sheet: [sql`lower(${orders.sheetName})`],
  institution: [sql`lower(${institutions.shortName})`],
  starts: [startsOn],
};

export interface OrderListFilter {
  trustId: string;
  q?: string;
  state?: string;
  sheetId?: string;
  institutionId?: string;
}

function listWhere(f: OrderListFilter): SQL | undefined {
  const like = f.q ? containsPattern(f.q) : null;
  return and(
    eq(orders.trustId, f.trustId),
    f.state ? eq(orders.state, f.state) : undefined,
    f.sheetId ? eq(orders.sheetId, f.sheetId) : undefined,
    f.institutionId ? eq(orders.institutionId, f.institutionId) : undefined,
    like
      ? or(
          sql`${orders.number}::text = ${f.q}`,
          ilike(orders.reference, like),
          ilike(orders.sheetName, like),
          ilike(institutions.name, like),
          ilike(institutions.shortName, like),
        )
      : undefined,
  );
}

export function createOrdersRepository({ db }: { db: DbOrTx }) {
  const summaries = () =>
    db
      .select(summaryColumns)
      .from(orders)
      .innerJoin(institutions, eq(institutions.id, orders.institutionId))
      .leftJoin(creator, eq(creator.id, orders.createdBy))
      .leftJoin(orderer, eq(orderer.id, orders.orderedBy));

  return {
    /** Holds the trust's order numbers until the transaction ends: two orders never get one number. */
    async lockNumbers(trustId: string) {
      await db.execute(sql`select pg_advisory_xact_lock(${numberLockSpace}::int, hashtext(${trustId}))`);
    },

    async insertOrder(values: Omit<typeof orders.$inferInsert, "number">) {
      const [row] = await db
        .insert(orders)
        .values({
          ...values,
          number: sql`(select coalesce(max(${orders.number}), 0) + 1 from ${orders} where ${orders.trustId} = ${values.trustId})`,
        })
        .returning();
      return row as OrderRow;
    },

    /**
     * An order's lines in one statement of column arrays (`insertInSets`): a 200-row order's 400
     * lines were 7,200 bind parameters that Drizzle built and PostgreSQL parsed value by value. The
     * optional references a line may leave out are said as null, so every line gives the same columns.
     */
    async insertLines(lines: NewOrderLine[]) {
      await insertInSets(
        db,
        orderLines,
        lines.map((l) => ({
          ...l,
          exceptionId: l.exceptionId ?? null,
          replacesLineId: l.replacesLineId ?? null,
          changes: l.changes ?? null,
        })),
      );
    },

    /** An order of the trust; `lock` holds it for the change the transaction makes. */
    async find(trustId: string, id: string, { lock = false } = {}) {
      const query = db
        .select()
        .from(orders)
        .where(and(eq(orders.trustId, trustId), eq(orders.id, id)));
      const [row] = await (lock ? query.for("update") : query);
      return row;
    },

    async summary(trustId: string, id: string) {
      const [row] = await summaries().where(and(eq(orders.trustId, trustId), eq(orders.id, id)));
      return row;
    },

    async list(
      f: OrderListFilter,
      page: { sort: keyof typeof sortColumns; dir: "asc" | "desc"; limit: number; offset: number },
    ) {
      const order = page.dir === "desc" ? desc : asc;
      const items = await summaries()
        .where(listWhere(f))
        .orderBy(...sortColumns[page.sort].map((c) => order(c)), desc(orders.number))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orders)
        .innerJoin(institutions, eq(institutions.id, orders.institutionId))
        .where(listWhere(f));
      return { items, total: total?.n ?? 0 };
    },

    /** Whether another order of the trust has this reference (case ignored). */
    async referenceTaken(trustId: string, reference: string, exceptId: string) {
      const [row] = await db
        .select({ id: orders.id })
        .from(orders)
        .where(
          and(
            eq(orders.trustId, trustId),
            sql`lower(${orders.reference}) = lower(${reference})`,
            ne(orders.id, exceptId),
          ),
        )
        .limit(1);
      return Boolean(row);
    },

    async updateOrder(id: string, values: Partial<typeof orders.$inferInsert>) {
      await db
        .update(orders)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(orders.id, id));
    },

    /** Moves the order's lines in `from` to `state` with who and when; returns the lines moved. */
    moveLines(orderId: string, from: readonly OrderLineState[], values: Partial<typeof orderLines.$inferInsert>) {
      return db
        .update(orderLines)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(orderLines.orderId, orderId), inArray(orderLines.state, [...from])))
        .returning({ id: orderLines.id, rowId: orderLines.rowId });
    },

    /** The lines of an order as FOU and admins see them (names, systems, usernames), in the sheet's order. */
    lines(trustId: string, orderId: string) {
      const approver = alias(users, "line_approver");
      const implementer = alias(users, "line_implementer");
      const rejecter = alias(users, "line_rejecter");
      return db
        .select({
          line: orderLines,
          orderNumber: orders.number,
          reference: orders.reference,
          trustName: trusts.name,
          institutionShortName: institutions.shortName,
          sheetName: orders.sheetName,
          lastName: persons.lastName,
          firstName: persons.firstName,
          personEmail: persons.email,
          rowEmail: placementRows.email,
          placementSite: sql<string>`coalesce(${placementSites.name}, ${placementRows.placementSiteName}, '')`,
          systemName: clinicalSystems.name,
          profileVersion: accessProfileVersions.version,
          recordedUsername: usernames.username,
          personUsername: persons.username,
          previousUsername: placementRows.previousUsername,
          approvedByName: approver.name,
          implementedByName: implementer.name,
          rejectedByName: rejecter.name,
        })
        .from(orderLines)
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .innerJoin(trusts, eq(trusts.id, orderLines.trustId))
        .innerJoin(institutions, eq(institutions.id, orderLines.institutionId))
        .innerJoin(persons, eq(persons.id, orderLines.personId))
        .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
        .innerJoin(accessProfileVersions, eq(accessProfileVersions.id, orderLines.profileVersionId))
        .leftJoin(placementRows, eq(placementRows.id, orderLines.rowId))
        .leftJoin(placementSites, eq(placementSites.id, placementRows.placementSiteId))
        .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
        .leftJoin(approver, eq(approver.id, orderLines.approvedBy))
        .leftJoin(implementer, eq(implementer.id, orderLines.implementedBy))
        .leftJoin(rejecter, eq(rejecter.id, orderLines.rejectedBy))
        .where(and(eq(orderLines.trustId, trustId), eq(orderLines.orderId, orderId)))
        .orderBy(
          asc(placementRows.position),
          asc(persons.lastName),
          asc(persons.firstName),
          asc(orderLines.personId),
          asc(clinicalSystems.name),
        );
    },

    /** What the ordering portal's file says of each line of the order: one statement. */
    fileLines(trustId: string, orderId: string) {
      return db
        .select({
          lineId: orderLines.id,
          changeType: orderLines.changeType,
          changes: orderLines.changes,
          personId: persons.id,
          nationalIdEnc: persons.nationalIdEnc,
          lastName: persons.lastName,
          firstName: persons.firstName,
          birthDate: persons.birthDate,
          personEmail: persons.email,
          personMobile: persons.mobile,
          rowEmail: placementRows.email,
          rowMobile: placementRows.mobile,
          recordedUsername: usernames.username,
          personUsername: persons.username,
          previousUsername: placementRows.previousUsername,
          institution: institutions.name,
          studyProgramme: placementRows.studyProgramme,
          documentProgramme: programmes.name,
          placementSite: sql<string>`coalesce(${placementSites.name}, ${placementRows.placementSiteName}, '')`,
          system: clinicalSystems.name,
          role: orderLines.role,
          validFrom: orderLines.validFrom,
          validTo: orderLines.validTo,
          limits: accessProfileVersions.limits,
        })
        .from(orderLines)
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .innerJoin(institutions, eq(institutions.id, orderLines.institutionId))
        .innerJoin(persons, eq(persons.id, orderLines.personId))
        .leftJoin(overviews, eq(overviews.id, orders.overviewId))
        .leftJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
        .leftJoin(programmes, eq(programmes.id, studentGroups.programmeId))
        .innerJoin(clinicalSystems, eq(clinicalSystems.id, orderLines.systemId))
        .innerJoin(accessProfileVersions, eq(accessProfileVersions.id, orderLines.profileVersionId))
        .leftJoin(placementRows, eq(placementRows.id, orderLines.rowId))
        .leftJoin(placementSites, eq(placementSites.id, placementRows.placementSiteId))
        .leftJoin(usernames, eq(usernames.nationalIdHash, persons.nationalIdHash))
        .where(
          and(
            eq(orderLines.trustId, trustId),
            eq(orderLines.orderId, orderId),
            sql`${orderLines.state} <> 'cancelled'`,
          ),
        )
        .orderBy(
          asc(placementRows.position),
          asc(persons.lastName),
          asc(persons.firstName),
          asc(orderLines.personId),
          asc(clinicalSystems.name),
        );
    },
  };
}
export type OrdersRepository = ReturnType<typeof createOrdersRepository>;
