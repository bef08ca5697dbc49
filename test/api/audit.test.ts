import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditEntity, type AuditEvent, auditEntities, auditFieldText } from "../../src/contracts/audit.ts";
import { type AuditContext, writeAudit } from "../../src/server/modules/audit/audit.public.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { userIdentities } from "../../src/server/modules/identity-providers/identity-providers.table.ts";
import { orderLines } from "../../src/server/modules/orders/orders.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { hrTransferExports, registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { seedOrderLineWorld } from "../helpers/order-builders.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let world: World;
let admin: string;
const sites: Record<string, string> = {};
let fonnaPostId: string;

/** Counts the statements the app sends to the database (PGlite or the pool) while `run` runs. */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const target = (t.database.pglite ?? t.database.pool) as unknown as { query: (...args: unknown[]) => unknown };
  const original = target.query;
  let count = 0;
  target.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    target.query = original;
  }
  return count;
}

const list = async (query: string): Promise<{ events: AuditEvent[]; next: string | null }> => {
  const res = await t.call("GET", `/api/audit?${query}`, { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The lines of a CSV answer without its byte order mark. */
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock() });
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
  for (const name of ["Post A", "Post B", "Post C", "=1+2"]) {
    const res = await t.call("POST", "/api/placement-sites", { cookie: admin, body: { name } });
    expect(res.statusCode).toBe(201);
    sites[name] = res.json().id;
  }
  // Post C is gone: its events keep only its id.
  expect((await t.call("DELETE", `/api/placement-sites/${sites["Post C"]}`, { cookie: admin })).statusCode).toBe(200);
  const fonna = await t.login(world.users.fonnaAdmin.email);
  const fonnaPost = await t.call("POST", "/api/placement-sites", { cookie: fonna, body: { name: "Fonnapost" } });
  expect(fonnaPost.statusCode).toBe(201);
  fonnaPostId = fonnaPost.json().id;
});
afterAll(() => t.close());

describe("GET /api/audit", () => {
  it("lists the trust's changes newest first with who, what, the record's name and the fields — no values", async () => {
    const { events } = await list("entity=placement_site");
    expect(events).toHaveLength(5);
    expect(events[0]).toMatchObject({
      entity: "placement_site",
      action: "delete",
      entityId: sites["Post C"],
      record: { state: "gone" },
      actor: { id: world.users.admin.id, name: "Ingrid Haugland", email: "admin@bergen.test" },
    });
    const created = events.find((e) => e.entityId === sites["Post A"]);
    expect(created).toMatchObject({
      action: "create",
      fields: ["name", "department"],
      record: { state: "named", name: "Post A", details: [] },
    });
    // The name is read from the site when the log is read; another trust's never shows.
    expect(JSON.stringify(events)).not.toContain("Fonnapost");
  });

  it("filters by actor, record, action and time, and pages", async () => {
    const byActor = await list(`actorId=${world.users.admin.id}&action=sign_in`);
    expect(byActor.events.every((e) => e.action === "sign_in")).toBe(true);
    expect(byActor.events.length).toBeGreaterThan(0);

    const first = await list("entity=placement_site&limit=2");
    expect(first.events).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await list(`entity=placement_site&limit=2&before=${first.next}`);
    const third = await list(`entity=placement_site&limit=2&before=${second.next}`);
    expect(third.events).toHaveLength(1);
    expect(third.next).toBeNull();
    const ids = [...first.events, ...second.events, ...third.events].map((e) => e.id);
    expect(new Set(ids).size).toBe(5);

    const one = await list(`entityId=${sites["Post B"]}`);
    expect(one.events.map((e) => e.entityId)).toEqual([sites["Post B"]]);

    expect((await list("from=2199-01-01")).events).toEqual([]);
    expect((await list("to=2000-01-01")).events).toEqual([]);
    const window = (await list("entity=placement_site&from=2000-01-01&to=2199-01-01&limit=500")).events;
    expect(window.map((e) => e.id).sort()).toEqual(ids.sort());
    // An empty filter filters nothing, as an absent one.
    expect((await list("entity=&limit=500")).events).toEqual((await list("limit=500")).events);
    expect((await list("")).events.length).toBeLessThanOrEqual(50);
  });

  it("names each kind of record as people know it, scoped to the trust; a record that is gone by its id only", async () => {
    const { users, overviews: o, catalog: c } = world;
    const [identity] = await t.database.db
      .insert(userIdentities)
      .values({ userId: users.coordinatorUib.id, providerId: world.identityProviders.bergen.id, subject: "kari" })
      .returning();
    const comment = await t.call("POST", `/api/rows/${o.uib.row.id}/comments`, {
      cookie: admin,
      body: { body: "Mangler e-post" },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    await t.database.db
      .update(placementRows)
      .set({ firstName: "", lastName: "Slettet", anonymisedAt: new Date() })
      .where(eq(placementRows.id, o.hvl.row.id));

    const [registration] = await t.database.db
      .insert(registrations)
      .values({
        trustId: world.trusts.bergen.id,
        campaignId: world.campaigns.uib,
        institutionId: world.institutions.uib.id,
        source: "form",
        firstName: "Rita",
        lastName: "Registrert",
        email: "rita@student.uib.no",
      })
      .returning();
    const [hrExport] = await t.database.db
      .insert(hrTransferExports)
      .values({ trustId: world.trusts.bergen.id, format: "xlsx", createdAt: new Date("2026-08-01T10:00:00Z") })
      .returning();
    const ordered = await seedOrderLineWorld(t.database.db, world);
    const [line] = await t.database.db.select().from(orderLines).where(eq(orderLines.id, ordered.lines.bergen));
    const ctx: AuditContext = { actorId: users.ehealth.id, trustId: world.trusts.bergen.id, requestId: "names" };
    const uibRow = `${o.uib.row.firstName} ${o.uib.row.lastName}`;
    const cases: [AuditEntity, string, unknown][] = [
      ["user", users.coordinatorUib.id, { name: "Kari Nordvik", details: ["koord.uib@bergen.test"] }],
      [
        "membership",
        world.memberships.coordinatorUib,
        { name: "Kari Nordvik", role: "coordinator", details: ["Universitetet i Bergen"] },
      ],
      ["user_identity", identity?.id as string, { name: "Kari Nordvik", details: ["Helse Bergen (Entra ID)"] }],
      ["trust", world.trusts.bergen.id, { name: "Helse Bergen", details: [] }],
      ["institution", world.institutions.hvl.id, { name: "Høgskulen på Vestlandet" }],
      ["agreement", world.agreements.uib, { name: "Universitetet i Bergen" }],
      ["profession", c.nurse.id, { name: "Sykepleier" }],
      ["programme", c.uibMedicine.id, { name: "Medisin", details: ["UiB"] }],
      ["placement_site", c.bergenSite.id, { name: "Medisinsk avdeling, post 3" }],
      ["identity_provider", world.identityProviders.bergen.id, { name: "Helse Bergen (Entra ID)" }],
      ["account_request", world.accountRequests.bergen, { name: "Ny Person", details: ["ny.bergen@test.no"] }],
      ["overview", o.uib.overview.id, { name: "UiB Medisin kull 2024", details: [] }],
      ["sheet", o.uib.sheet.id, { name: "Periode 1", details: ["UiB Medisin kull 2024"] }],
      ["placement_row", o.uib.row.id, { name: uibRow, details: ["UiB Medisin kull 2024", "Periode 1"] }],
      ["row_comment", comment.json().id, { name: uibRow, details: ["UiB Medisin kull 2024", "Periode 1"] }],
      ["person", world.students.bergen.id, { name: "Silje Student", details: [] }],
      ["notification", world.notifications.admin, { name: "Velkommen", details: ["Ingrid Haugland"] }],
      ["audit", world.trusts.bergen.id, { name: "Helse Bergen" }],
      ["campaign", world.campaigns.uib, { name: "UiB høst 2099", details: ["UiB"] }],
      ["registration", registration?.id as string, { name: "Rita Registrert", details: ["UiB høst 2099"] }],
      ["hr_transfer_export", hrExport?.id as string, { name: "XLSX 2026-08-01", details: [] }],
      ["clinical_system", world.clinical.dips.id, { name: "DIPS Arena", details: [] }],
      ["access_profile", world.clinical.doctorProfile.profile.id, { name: "Lege", details: [] }],
      ["order", line?.orderId as string, { name: "1 · Periode 1" }],
      ["order_line", ordered.lines.bergen, { name: "Silje Student" }],
    ];
    for (const [entity, entityId] of cases) await writeAudit(t.database.db, ctx, { entity, entityId, action: "read" });
    const gone: [AuditEntity, string][] = [
      ["overview", o.fonna.overview.id],
      ["user", users.fonnaAdmin.id],
      ["person", world.students.fonna.id],
      ["placement_site", c.fonnaSite.id],
      ["trust", world.trusts.fonna.id],
      ["sheet", randomUUID()],
      ["placement_row", "not-a-uuid"],
      ["campaign", world.campaigns.fonna],
      ["clinical_system", world.clinical.fonnaDips.id],
      ["access_profile", world.clinical.fonnaNurseProfile.profile.id],
      ["order_line", ordered.lines.fonna],
      ["order", ordered.orders.fonna],
    ];
    for (const [entity, entityId] of gone) await writeAudit(t.database.db, ctx, { entity, entityId, action: "read" });
    await writeAudit(t.database.db, ctx, { entity: "placement_row", entityId: o.hvl.row.id, action: "anonymise" });

    const { events } = await list(`actorId=${users.ehealth.id}&limit=100`);
    const recordOf = (entity: string, entityId: string) =>
      events.find((e) => e.entity === entity && e.entityId === entityId)?.record;
    expect(new Set(cases.map(([entity]) => entity))).toEqual(new Set(auditEntities));
    for (const [entity, entityId, record] of cases) {
      expect(recordOf(entity, entityId), entity).toMatchObject({ state: "named", ...(record as object) });
    }
    for (const [entity, entityId] of gone) expect(recordOf(entity, entityId), entity).toEqual({ state: "gone" });
    expect(recordOf("placement_row", o.hvl.row.id)).toEqual({
      state: "anonymised",
      details: ["HVL Sykepleie kull 2024", "Periode 1"],
    });
    const body = JSON.stringify(events);
    for (const marker of ["FSV Sykepleie", "Per Hauge", "Frida", "Kirurgisk sengepost", "Helse Fonna"]) {
      expect(body).not.toContain(marker);
    }
  });

  it("reads a page with the same number of queries whatever its size: one per kind of record, not per row", async () => {
    const ctx: AuditContext = { actorId: world.users.itProvider.id, trustId: world.trusts.bergen.id, requestId: "n+1" };
    const { overviews: o, catalog: c, users } = world;
    const kinds: [AuditEntity, string][] = [
      ["user", users.coordinatorUib.id],
      ["membership", world.memberships.coordinatorUib],
      ["trust", world.trusts.bergen.id],
      ["institution", world.institutions.uib.id],
      ["agreement", world.agreements.uib],
      ["profession", c.nurse.id],
      ["programme", c.uibMedicine.id],
      ["placement_site", c.bergenSite.id],
      ["identity_provider", world.identityProviders.bergen.id],
      ["account_request", world.accountRequests.bergen],
      ["overview", o.uib.overview.id],
      ["sheet", o.uib.sheet.id],
      ["placement_row", o.uib.row.id],
      ["person", world.students.bergen.id],
      ["notification", world.notifications.admin],
      ["audit", world.trusts.bergen.id],
    ];
    // Rounds of one event per kind, a millisecond apart (events written in the same millisecond
    // are ordered by their random id): the newest 16 and the newest 160 events hold every kind.
    const first = Date.now() + 60_000;
    let n = 0;
    for (let round = 0; round < 10; round++) {
      for (const [entity, entityId] of kinds)
        await t.database.db.insert(auditEvents).values({
          actorId: ctx.actorId,
          trustId: ctx.trustId,
          entity,
          entityId,
          action: "read",
          requestId: ctx.requestId,
          at: new Date(first + n++),
        });
    }
    const page = (limit: number) => list(`actorId=${users.itProvider.id}&limit=${limit}`);
    await page(1);
    const small = await countQueries(() => page(kinds.length));
    const large = await countQueries(() => page(kinds.length * 10));
    expect(large).toBe(small);
    // The list, one lookup per kind and the session: a count that depends only on the kinds.
    expect(small).toBeGreaterThanOrEqual(kinds.length + 1);
    expect(small).toBeLessThanOrEqual(kinds.length + 5);
    const named = (await page(kinds.length * 10)).events;
    expect(named).toHaveLength(kinds.length * 10);
    expect(named.every((e) => e.record.state === "named")).toBe(true);
  });

  it("writes only field names that have a text, so none is shown raw", async () => {
    const { overviews: o, catalog: c } = world;
    const row = (await t.call("GET", `/api/overviews/${o.uib.overview.id}`, { cookie: admin })).json();
    const version = row.sheets?.[0]?.rows?.[0]?.version ?? 1;
    const patched = await t.call("PATCH", `/api/rows/${o.uib.row.id}`, {
      cookie: admin,
      body: { version, lastName: "Nordmann", placementSiteId: c.bergenSite.id, startDate: "2027-03-01" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const settings = await t.call("PATCH", "/api/trust/settings", {
      cookie: admin,
      body: { deadlineDays: 21, retentionMonths: 24, testMode: true },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(
      (await t.call("POST", `/api/notifications/${world.notifications.admin}/read`, { cookie: admin })).statusCode,
    ).toBe(200);
    const site = await t.call("PATCH", `/api/placement-sites/${sites["Post B"]}`, {
      cookie: admin,
      body: { name: "Post B", department: "Medisin" },
    });
    expect(site.statusCode, site.body).toBe(200);

    const { events } = await list("limit=500");
    const fields = new Set(events.flatMap((e) => e.fields));
    for (const written of ["last_name", "placement_site_id", "read_at", "deadline_days", "department"]) {
      expect(fields).toContain(written);
    }
    expect([...fields].filter((f) => auditFieldText(f) === null)).toEqual([]);
  });

  it("is for admins only and never shows another trust's rows", async () => {
    expect(
      (await t.call("GET", "/api/audit", { cookie: await t.login(world.users.studentAdmin.email) })).statusCode,
    ).toBe(403);
    const all = JSON.stringify((await t.call("GET", "/api/audit?limit=500", { cookie: admin })).json());
    expect(all).not.toContain(fonnaPostId);
    expect(all).not.toContain("Fonnapost");
  });

  it("cannot be changed, not even by a stray query", async () => {
    await expect(t.database.db.execute(sql`delete from audit_events`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/audit_events is insert-only/) },
    });
  });
});

describe("GET /api/audit/export.csv", () => {
  it("downloads the filtered log for Excel: BOM, the names and field names in the person's language, formulas neutralised", async () => {
    const res = await t.call("GET", "/api/audit/export.csv?entity=placement_site", { cookie: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Logg 2026-11-28.csv"; filename*=UTF-8''Logg%202026-11-28.csv`,
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csvLines(res.body);
    expect(lines[0]).toBe("Tidspunkt;Hvem;E-post;Handling;Hva;Post;Detaljer;Post-ID;Felt");
    const placementSiteLines = lines.slice(1);
    expect(placementSiteLines.length).toBe((await list("entity=placement_site&limit=500")).events.length);
    expect(placementSiteLines.every((l) => l.includes(";Praksissted;"))).toBe(true);
    expect(lines).toContain(
      `${lines.find((l) => l.includes(sites["Post A"] as string))?.slice(0, 19)};Ingrid Haugland;admin@bergen.test;Opprettet;Praksissted;Post A;;${sites["Post A"]};Navn, Avdeling`,
    );
    // A name that a spreadsheet would take for a formula is text.
    expect(lines.some((l) => l.includes(`;'=1+2;;${sites["=1+2"]};`))).toBe(true);
    expect(lines.some((l) => l.includes(`;Slettet;Praksissted;Slettet;;${sites["Post C"]};`))).toBe(true);
    expect(lines[1]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2};/);
    expect(res.body).not.toContain("Fonnapost");
  });

  it("takes the page's filters and language", async () => {
    const none = await t.call("GET", "/api/audit/export.csv?from=2199-01-01", { cookie: admin });
    expect(csvLines(none.body)).toHaveLength(1);
    const english = await t.call("GET", `/api/audit/export.csv?entityId=${sites["Post A"]}&lang=en`, {
      cookie: admin,
    });
    const lines = csvLines(english.body);
    expect(lines[0]).toBe("Time;Who;E-mail;Action;What;Record;Details;Record ID;Fields");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(";Created;Placement site;Post A;;");
    expect(english.headers["content-disposition"]).toContain('filename="Audit log 2026-11-28.csv"');
    expect((await t.call("GET", "/api/audit/export.csv?lang=sv", { cookie: admin })).statusCode).toBe(400);
    const badDate = await t.call("GET", "/api/audit/export.csv?from=2027-02-30", { cookie: admin });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details.issues).toEqual([expect.objectContaining({ path: "from", message: "date.invalid" })]);
  });

  it("is audited: who exported the log and by which filters", async () => {
    const before = (await list("entity=audit&action=export")).events.length;
    await t.call("GET", `/api/audit/export.csv?entity=placement_site&from=2026-01-01`, { cookie: admin });
    const { events } = await list("entity=audit&action=export");
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({
      actor: { id: world.users.admin.id },
      entity: "audit",
      entityId: world.trusts.bergen.id,
      action: "export",
      fields: ["entity", "from"],
      record: { state: "named", name: "Helse Bergen" },
    });
  });

  it("is for admins only", async () => {
    expect((await t.call("GET", "/api/audit/export.csv")).statusCode).toBe(401);
    const fou = await t.login(world.users.studentAdmin.email);
    expect((await t.call("GET", "/api/audit/export.csv", { cookie: fou })).statusCode).toBe(403);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await t.call("GET", "/api/openapi.json")).json();
    const operation = doc.paths["/api/audit/export.csv"]?.get;
    expect(operation?.tags).toEqual(["audit"]);
    expect(operation?.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["entity", "from", "to", "lang"]),
    );
  });
});
