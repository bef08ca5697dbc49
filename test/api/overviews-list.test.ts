import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OverviewList } from "../../src/contracts/overviews.ts";
import { addDays } from "../../src/domain/dates.ts";
import { sheets } from "../../src/server/modules/overviews/overviews.table.ts";
import { seedBuilders, seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * The overview list (`GET /api/overviews`) paged, sorted, filtered and searched by the server, in
 * the caller's scope. Today: 28.11.2026; the trust's deadline is 28 days before a period starts.
 */
const today = "2026-11-28";
const clock = createTestClock(new Date(`${today}T09:00:00Z`));
let t: TestApp;
let world: World;
const cookie: Record<string, string> = {};
/** The documents made here, by name, with what the assertions need to know of them. */
const made: Record<string, { id: string; institution: "UiB" | "HVL"; problems: number; due: boolean; open: boolean }> =
  {};

const list = async (who: string, query = "") => {
  const res = await t.call("GET", `/api/overviews${query ? `?${query}` : ""}`, { cookie: cookie[who] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OverviewList;
};
const names = (page: OverviewList) => page.items.map((o) => o.name);
const bergenNames = () => Object.keys(made);

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  const db = t.database.db;
  const b = seedBuilders(db);
  const { bergen } = world.trusts;
  // The seeded documents: one sheet starting 2027-03-01 (deadline 2027-02-01, on time), one row without errors.
  made["UiB Medisin kull 2024"] = {
    id: world.overviews.uib.overview.id,
    institution: "UiB",
    problems: 0,
    due: false,
    open: true,
  };
  made["HVL Sykepleie kull 2024"] = {
    id: world.overviews.hvl.overview.id,
    institution: "HVL",
    problems: 0,
    due: false,
    open: true,
  };
  const sheet = (overviewId: string, name: string, start: string, submitted = false) =>
    db.insert(sheets).values({
      overviewId,
      kind: "norwegian",
      name,
      startDate: start,
      endDate: addDays(start, 30),
      position: 2,
      ...(submitted ? { submittedAt: new Date(`${today}T08:00:00Z`), submittedLate: true } : {}),
    });
  const documents = [
    // name, institution, cohort, errors on its row, a second sheet: late / due soon / submitted late
    ["UiB Medisin kull 2020", "UiB", 2020, 2, "late"],
    ["UiB Medisin kull 2021", "UiB", 2021, 0, "due"],
    ["UiB Medisin kull 2022", "UiB", 2022, 1, null],
    ["HVL Sykepleie kull 2020", "HVL", 2020, 3, "submitted"],
    ["HVL Sykepleie kull 2021", "HVL", 2021, 0, "due"],
    ["HVL Sykepleie kull 2022", "HVL", 2022, 0, null],
    ["Desemberkullet 100%", "HVL", 2023, 0, "closed"],
  ] as const;
  for (const [name, institution, cohort, errors, second] of documents) {
    const doc = await b.overview({
      trustId: bergen.id,
      institutionId: world.institutions[institution === "UiB" ? "uib" : "hvl"].id,
      programmeId: world.catalog[institution === "UiB" ? "uibMedicine" : "hvlNursing"].id,
      name,
      cohort,
      row: { errorCount: errors },
    });
    if (second === "late") await sheet(doc.overview.id, "Periode 2", addDays(today, 27));
    if (second === "due") await sheet(doc.overview.id, "Periode 2", addDays(today, 28 + 3));
    if (second === "submitted") await sheet(doc.overview.id, "Periode 2", addDays(today, 27), true);
    if (second === "closed") {
      // Its only sheet submitted: no deadline left open.
      await db.delete(sheets).where(eq(sheets.id, doc.sheet.id));
      await sheet(doc.overview.id, "Periode 2", addDays(today, 27), true);
    }
    made[name] = {
      id: doc.overview.id,
      institution,
      problems: errors > 0 ? 1 : 0,
      due: second === "late" || second === "due",
      open: second !== "closed",
    };
  }
  for (const key of ["studentAdmin", "coordinatorUib", "coordinatorHvl", "fonnaCoordinator"] as const) {
    cookie[key] = await t.login(world.users[key].email);
  }
});
afterAll(() => t.close());

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("GET /api/overviews", () => {
  it("answers the first 50 by name with the total, each document with its sheets and counts", async () => {
    const page = await list("studentAdmin");
    expect(page.total).toBe(bergenNames().length);
    expect(names(page)).toEqual([...bergenNames()].sort(byName));
    const late = page.items.find((o) => o.name === "UiB Medisin kull 2020");
    expect(late?.sheets.map((s) => [s.name, s.deadlineState, s.problemRowCount])).toEqual([
      ["Periode 1", "on_time", 1],
      ["Periode 2", "late", 0],
    ]);
  });

  it("pages without repeating or skipping a document, the total the same on every page and past the last", async () => {
    const all = names(await list("studentAdmin"));
    const seen: string[] = [];
    for (let offset = 0; offset < all.length + 3; offset += 3) {
      const page = await list("studentAdmin", `limit=3&offset=${offset}`);
      expect(page.total).toBe(all.length);
      expect(page.items.length).toBe(Math.max(0, Math.min(3, all.length - offset)));
      seen.push(...names(page));
    }
    expect(seen).toEqual(all);
  });

  it("sorts by name, institution, next deadline and problems, both ways", async () => {
    const all = [...bergenNames()].sort(byName);
    expect(names(await list("studentAdmin", "sort=name&dir=desc"))).toEqual([...all].reverse());

    const institution = names(await list("studentAdmin", "sort=institution"));
    expect(institution).toEqual([
      ...all.filter((n) => made[n]?.institution === "HVL"),
      ...all.filter((n) => made[n]?.institution === "UiB"),
    ]);
    expect(names(await list("studentAdmin", "sort=institution&dir=desc"))).toEqual([
      ...all.filter((n) => made[n]?.institution === "UiB"),
      ...all.filter((n) => made[n]?.institution === "HVL"),
    ]);

    // The late sheets first (27 days from now), then due soon (31), then 2027-03-01; none open last.
    const deadline = names(await list("studentAdmin", "sort=deadline"));
    expect(deadline.slice(0, 1)).toEqual(["UiB Medisin kull 2020"]);
    expect(deadline.slice(1, 3)).toEqual(["HVL Sykepleie kull 2021", "UiB Medisin kull 2021"]);
    expect(deadline.at(-1)).toBe("Desemberkullet 100%");
    const reversed = names(await list("studentAdmin", "sort=deadline&dir=desc"));
    expect(reversed[0]).toBe("Desemberkullet 100%");
    expect(reversed.at(-1)).toBe("UiB Medisin kull 2020");

    const problems = await list("studentAdmin", "sort=problems&dir=desc");
    const counts = problems.items.map((o) => o.sheets.reduce((n, s) => n + s.problemRowCount, 0));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(names(problems).slice(0, 3)).toEqual([
      "HVL Sykepleie kull 2020",
      "UiB Medisin kull 2020",
      "UiB Medisin kull 2022",
    ]);
  });

  it("shows the documents behind the start page's numbers: deadlines near or passed, rows with errors", async () => {
    const due = await list("studentAdmin", "show=due");
    expect(names(due)).toEqual(
      bergenNames()
        .filter((n) => made[n]?.due)
        .sort(byName),
    );
    expect(due.total).toBe(3);
    for (const o of due.items) {
      expect(o.sheets.some((s) => s.deadlineState === "due_soon" || s.deadlineState === "late")).toBe(true);
    }
    const problems = await list("studentAdmin", "show=problems");
    expect(names(problems)).toEqual(
      bergenNames()
        .filter((n) => (made[n]?.problems ?? 0) > 0)
        .sort(byName),
    );
    // The filters combine with search, scope and paging.
    expect(names(await list("coordinatorUib", "show=due"))).toEqual(["UiB Medisin kull 2020", "UiB Medisin kull 2021"]);
    const second = await list("studentAdmin", "show=problems&sort=name&limit=1&offset=1");
    expect(second.total).toBe(3);
    expect(names(second)).toEqual(["UiB Medisin kull 2020"]);
  });

  it("searches the document's name, its institution and its programme, case-insensitively", async () => {
    expect(names(await list("studentAdmin", "q=medisin")).every((n) => n.startsWith("UiB"))).toBe(true);
    expect((await list("studentAdmin", "q=medisin")).total).toBe(4);
    // "Desemberkullet 100%" has neither its programme nor its institution in its name.
    expect(names(await list("studentAdmin", "q=SYKEPLEIE"))).toContain("Desemberkullet 100%");
    expect((await list("studentAdmin", "q=SYKEPLEIE")).total).toBe(5);
    expect(names(await list("studentAdmin", "q=hvl"))).toContain("Desemberkullet 100%");
    expect(names(await list("studentAdmin", "q=2021"))).toEqual(["HVL Sykepleie kull 2021", "UiB Medisin kull 2021"]);
    // Wildcards are text: "%" finds the one name with a per cent sign, "_" finds nothing.
    expect(names(await list("studentAdmin", `q=${encodeURIComponent("100%")}`))).toEqual(["Desemberkullet 100%"]);
    expect((await list("studentAdmin", "q=_")).total).toBe(0);
    expect((await list("studentAdmin", "q=ingen+slik")).items).toEqual([]);
  });

  it("keeps a coordinator to their institutions and every caller to their trust", async () => {
    const uib = await list("coordinatorUib", "limit=200");
    expect(names(uib)).toEqual(
      bergenNames()
        .filter((n) => made[n]?.institution === "UiB")
        .sort(byName),
    );
    expect(uib.total).toBe(4);
    // Another institution asked for by id is simply empty, also with search and filters.
    const hvlId = world.institutions.hvl.id;
    expect(await list("coordinatorUib", `institutionId=${hvlId}`)).toEqual({ items: [], total: 0 });
    expect(await list("coordinatorUib", "q=sykepleie")).toEqual({ items: [], total: 0 });
    expect((await list("coordinatorHvl", "show=problems")).total).toBe(1);
    expect(names(await list("fonnaCoordinator"))).toEqual(["FSV Sykepleie kull 2024"]);
    expect((await list("studentAdmin", `institutionId=${hvlId}`)).total).toBe(5);
    expect((await list("studentAdmin", `institutionId=${world.institutions.fsv.id}`)).total).toBe(0);
  });

  it("refuses a page, order or filter it does not know with the field named", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["limit=ti", "limit"],
      ["offset=-1", "offset"],
      ["sort=created", "sort"],
      ["dir=up", "dir"],
      ["show=all", "show"],
      [`q=${"a".repeat(101)}`, "q"],
    ] as const) {
      const res = await t.call("GET", `/api/overviews?${query}`, { cookie: cookie.studentAdmin });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code, query).toBe("validation.failed");
      expect(JSON.stringify(res.json().details), query).toContain(field);
    }
    expect((await list("studentAdmin", "limit=200")).items).toHaveLength(bergenNames().length);
  });
});
