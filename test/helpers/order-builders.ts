import { and, eq, sql } from "drizzle-orm";
import type { OrderLineState } from "../../src/domain/order-lines.ts";
import { orderLines, orders } from "../../src/server/modules/orders/orders.table.ts";
import type { Db } from "../../src/server/shared/database.ts";
import { seedBuilders, type World } from "./seed.ts";

/** One line to insert: a row's person and one system of a profile version, in a state. */
export interface SeedLine {
  rowId: string;
  personId: string;
  systemId: string;
  role: string;
  profileVersionId: string;
  state: OrderLineState;
  validFrom?: string;
  validTo?: string;
}

/**
 * An order of one sheet with lines in the given states, written straight into the tables (until the
 * orders' use-cases make them): the order is `draft` while any line is draft or cancelled, else
 * `ordered` with a reference. Each line keeps who and when for the steps its state implies.
 */
export async function seedOrderLines(
  db: Db,
  input: {
    trustId: string;
    institutionId: string;
    overviewId: string;
    sheetId: string;
    sheetName?: string;
    /** Who made and sent the order (FOU). */
    by: string;
    reference?: string;
    lines: SeedLine[];
  },
) {
  const at = new Date("2026-11-20T10:00:00Z");
  const sent = input.lines.every((l) => l.state !== "draft" && l.state !== "cancelled");
  const [max] = await db
    .select({ n: sql<number>`coalesce(max(${orders.number}), 0)::int` })
    .from(orders)
    .where(and(eq(orders.trustId, input.trustId)));
  const number = (max?.n ?? 0) + 1;
  const [order] = await db
    .insert(orders)
    .values({
      trustId: input.trustId,
      institutionId: input.institutionId,
      overviewId: input.overviewId,
      sheetId: input.sheetId,
      sheetName: input.sheetName ?? "Periode 1",
      number,
      state: sent ? "ordered" : "draft",
      reference: sent ? (input.reference ?? `SP-${input.trustId.slice(0, 4)}-${number}`) : null,
      createdBy: input.by,
      orderedBy: sent ? input.by : null,
      orderedAt: sent ? at : null,
    })
    .returning();
  if (!order) throw new Error("order not inserted");
  const lines = await db
    .insert(orderLines)
    .values(
      input.lines.map((l) => ({
        trustId: input.trustId,
        orderId: order.id,
        institutionId: input.institutionId,
        sheetId: input.sheetId,
        rowId: l.rowId,
        personId: l.personId,
        systemId: l.systemId,
        role: l.role,
        profileVersionId: l.profileVersionId,
        validFrom: l.validFrom ?? "2027-03-01",
        validTo: l.validTo ?? "2027-04-09",
        state: l.state,
        orderedBy: l.state === "draft" || l.state === "cancelled" ? null : input.by,
        orderedAt: l.state === "draft" || l.state === "cancelled" ? null : at,
        approvedAt: l.state === "approved" ? at : null,
      })),
    )
    .returning();
  return { order, lines };
}

/**
 * Order lines for isolation tests on top of the two-trust world: one ordered line at Helse Bergen
 * (UiB's row) and one at Helse Fonna, a third trust (Helse Førde) with its own ordered line, and an
 * IT provider who serves Bergen and Fonna but not Førde.
 */
export async function seedOrderLineWorld(db: Db, world: World) {
  const b = seedBuilders(db);
  const { bergen, fonna } = world.trusts;
  const bergenLine = await seedOrderLines(db, {
    trustId: bergen.id,
    institutionId: world.institutions.uib.id,
    overviewId: world.overviews.uib.overview.id,
    sheetId: world.overviews.uib.sheet.id,
    by: world.users.studentAdmin.id,
    lines: [
      {
        rowId: world.overviews.uib.row.id,
        personId: world.students.bergen.id,
        systemId: world.clinical.dips.id,
        role: "Student lege",
        profileVersionId: world.clinical.doctorProfile.version.id,
        state: "ordered",
      },
    ],
  });
  const fonnaLine = await seedOrderLines(db, {
    trustId: fonna.id,
    institutionId: world.institutions.fsv.id,
    overviewId: world.overviews.fonna.overview.id,
    sheetId: world.overviews.fonna.sheet.id,
    by: world.users.fonnaAdmin.id,
    lines: [
      {
        rowId: world.overviews.fonna.row.id,
        personId: world.students.fonna.id,
        systemId: world.clinical.fonnaDips.id,
        role: "Student sykepleie",
        profileVersionId: world.clinical.fonnaNurseProfile.version.id,
        state: "ordered",
      },
    ],
  });

  const forde = await b.trust({ name: "Helse Førde" });
  const institution = await b.institution({ name: "Høgskulen i Førde", shortName: "HiF" });
  const profession = await b.profession({ trustId: forde.id, name: "Sykepleier" });
  const programme = await b.programme({
    trustId: forde.id,
    institutionId: institution.id,
    professionId: profession.id,
  });
  const system = await b.clinicalSystem({ trustId: forde.id, name: "DIPS Arena", roles: ["Student"] });
  const profile = await b.accessProfile({
    trustId: forde.id,
    professionId: profession.id,
    items: [{ systemId: system.id, role: "Student" }],
  });
  const overview = await b.overview({ trustId: forde.id, institutionId: institution.id, programmeId: programme.id });
  const fou = await b.user({ email: "fou@forde.test", name: "Frøydis Førde" });
  await b.membership({ userId: fou.id, trustId: forde.id, role: "student_admin" });
  const student = await b.student({ trustId: forde.id, firstName: "Fie", lastName: "Førde" });
  const fordeLine = await seedOrderLines(db, {
    trustId: forde.id,
    institutionId: institution.id,
    overviewId: overview.overview.id,
    sheetId: overview.sheet.id,
    by: fou.id,
    lines: [
      {
        rowId: overview.row.id,
        personId: student.id,
        systemId: system.id,
        role: "Student",
        profileVersionId: profile.version.id,
        state: "ordered",
      },
    ],
  });

  const regionalProvider = await b.user({ email: "ikt@region.test", name: "Rune Regional" });
  await b.membership({ userId: regionalProvider.id, trustId: bergen.id, role: "it_provider" });
  await b.membership({ userId: regionalProvider.id, trustId: fonna.id, role: "it_provider" });
  const idOf = (seeded: { lines: { id: string }[] }) => seeded.lines[0]?.id as string;
  return {
    lines: { bergen: idOf(bergenLine), fonna: idOf(fonnaLine), forde: idOf(fordeLine) },
    orders: { bergen: bergenLine.order.id, fonna: fonnaLine.order.id, forde: fordeLine.order.id },
    forde: { trust: forde, institution, fou },
    regionalProvider,
  };
}
export type OrderLineWorld = Awaited<ReturnType<typeof seedOrderLineWorld>>;
