import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderLine } from "../../src/contracts/orders.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { type SeedLine, seedOrderLines } from "../helpers/order-builders.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The queue's pages (issue 11): the list takes a page's ids first, by start alone up to the start
 * the page ends at, then sorts by name among those; every page of every sort must be the same
 * slice of the whole list, however many lines share a start and whatever the names' case.
 */
const clock = createTestClock(new Date("2027-02-01T08:00:00Z"));
let t: TestApp;
let world: World;
let cookie = "";

/** Eleven students over three starts, names in mixed case (ASCII, so any collation sorts them alike), two lines for some. */
const students = [
  ["berg", "Ola", "2027-03-01"],
  ["Aas", "kari", "2027-03-01"],
  ["Aas", "Kari", "2027-03-01"],
  ["Ask", "Per", "2027-03-08"],
  ["aase", "Eva", "2027-03-01"],
  ["Dahl", "Ida", "2027-03-08"],
  ["Berg", "anne", "2027-03-08"],
  ["Cey", "Jon", "2027-03-01"],
  ["Moe", "Liv", "2027-04-01"],
  ["moe", "Arne", "2027-04-01"],
  ["Aas", "Kari", "2027-04-01"],
] as const;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const db = t.database.db;
  const b = seedBuilders(db);
  const { bergen } = world.trusts;
  const uib = world.overviews.uib;
  const pacs = await b.clinicalSystem({ trustId: bergen.id, name: "PACS", roles: ["Student"] });
  const lines: SeedLine[] = [];
  for (const [i, [lastName, firstName, validFrom]] of students.entries()) {
    const person = await b.student({ trustId: bergen.id, firstName, lastName });
    const [row] = await db
      .insert(placementRows)
      .values({ sheetId: uib.sheet.id, position: 10 + i, lastName, firstName, personId: person.id })
      .returning();
    const line = {
      rowId: row?.id as string,
      personId: person.id,
      systemId: world.clinical.dips.id,
      role: "Student lege",
      profileVersionId: world.clinical.doctorProfile.version.id,
      state: "ordered" as const,
      validFrom,
    };
    lines.push(line);
    if (i % 3 === 0) lines.push({ ...line, systemId: pacs.id, role: "Student", state: "approved" });
  }
  await seedOrderLines(db, {
    trustId: bergen.id,
    institutionId: world.institutions.uib.id,
    overviewId: uib.overview.id,
    sheetId: uib.sheet.id,
    by: world.users.studentAdmin.id,
    lines,
  });
  cookie = await t.login(world.users.itProvider.email);
});
afterAll(async () => {
  await t.close();
});

const queue = async (query: string) => {
  const res = await t.call("GET", `/api/order-lines?${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: OrderLine[]; total: number };
};

describe("the queue's pages", () => {
  it("sorts by start, then the name without regard to case, then the line", async () => {
    const { items, total } = await queue("limit=200");
    expect(total).toBe(15);
    const key = (l: OrderLine) => [l.validFrom, l.lastName.toLowerCase(), l.firstName.toLowerCase()];
    const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const sorted = [...items].sort(
      (a, b) => key(a).reduce((c, k, i) => c || compare(k, key(b)[i] as string), 0) || compare(a.id, b.id),
    );
    expect(items.map((l) => l.id)).toEqual(sorted.map((l) => l.id));
  });

  it("gives every page of every sort as the same slice of the whole list, with the whole total", async () => {
    for (const sort of ["start", "name", "system", "trust", "state"]) {
      for (const dir of ["asc", "desc"]) {
        for (const filter of ["", "&q=aas"]) {
          const whole = await queue(`sort=${sort}&dir=${dir}${filter}&limit=200`);
          for (const limit of [1, 2, 4]) {
            for (let offset = 0; offset <= whole.total; offset += limit) {
              const page = await queue(`sort=${sort}&dir=${dir}${filter}&limit=${limit}&offset=${offset}`);
              const label = `${sort} ${dir}${filter} ${limit}@${offset}`;
              expect(
                page.items.map((l) => l.id),
                label,
              ).toEqual(whole.items.slice(offset, offset + limit).map((l) => l.id));
              expect(page.total, label).toBe(whole.total);
            }
          }
        }
      }
    }
  });
});
