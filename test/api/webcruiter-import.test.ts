import { Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebcruiterImportReport } from "../../src/contracts/webcruiter-import.ts";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { registrations } from "../../src/server/modules/registrations/registrations.table.ts";
import { databaseDump } from "../helpers/database-dump.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

/**
 * Webcruiter's applicant export (SPEC §3.1): a real .xlsx and a .csv, read by the trust's column
 * mapping, checked as the form is, reported before anything is saved, saved as confirmed
 * registrations and matched by each key; nobody's data overwritten, no national ID in plain text.
 * Helse Bergen is in test mode.
 */
const clock = createTestClock(new Date("2026-11-28T09:00:00Z"));
const logLines: string[] = [];
let t: TestApp;
let world: World;
let fou: string;
let admin: string;
let campaignId: string;

const noraId = testNationalId({ individual: 610 });
const kariId = testNationalId({ individual: 620 });
const zaraId = testNationalId({ individual: 630 });
const larsId = testNationalId({ individual: 650 });
const persons_ = { nora: "", ola: "", zara: "" };

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  t = await createTestApp({ clock, logStream: stream, env: { LOG_LEVEL: "info" } });
  world = await seedWorld(t.database.db);
  fou = await t.login(world.users.studentAdmin.email);
  admin = await t.login(world.users.admin.email);
  campaignId = await newCampaign();
  // Students on UiB's sheet: by national ID (Nora, Zara) and by e-mail only (Ola).
  persons_.nora = await row({ lastName: "Berg", firstName: "Nora", nationalId: noraId, email: "nora@stud.uib.no" });
  persons_.ola = await row({ lastName: "Hansen", firstName: "Ola", email: "ola.hansen@stud.uib.no" });
  persons_.zara = await row({ lastName: "Lund", firstName: "Zara", nationalId: zaraId, email: "zara@stud.uib.no" });
});
afterAll(() => t.close());

async function newCampaign() {
  const res = await t.call("POST", "/api/campaigns", {
    cookie: fou,
    body: { institutionId: world.institutions.uib.id, deadline: "2026-12-20", name: `Webcruiter ${Math.random()}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A row on UiB's sheet through the API; its person's id. */
async function row(body: Record<string, unknown>) {
  const res = await t.call("POST", `/api/sheets/${world.overviews.uib.sheet.id}/rows`, { cookie: admin, body });
  expect(res.statusCode, res.body).toBe(201);
  const [stored] = await t.database.db.select().from(placementRows).where(eq(placementRows.id, res.json().rows[0].id));
  return stored?.personId as string;
}

/** An applicant export as Webcruiter writes it: a title row, then the header row, then one row per applicant. */
async function xlsx(header: string[], rows: ExcelJS.CellValue[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Søkere");
  ws.addRow(["Søkerliste – Sykepleier praksis høst 2026"]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, fileName: string, type: string) {
  const boundary = `----webcruiter${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function upload(
  file: Buffer,
  opts: { dryRun?: boolean; campaign?: string; cookie?: string; name?: string; type?: string } = {},
) {
  const m = multipart(file, opts.name ?? "søkere.xlsx", opts.type ?? xlsxType);
  const query = `campaignId=${opts.campaign ?? campaignId}${opts.dryRun ? "&dryRun=true" : ""}`;
  return t.app.inject({
    method: "POST",
    url: `/api/webcruiter-import?${query}`,
    headers: { ...m.headers, cookie: opts.cookie ?? fou },
    payload: m.body,
  });
}

const registrationsOf = (campaign: string) =>
  t.database.db.select().from(registrations).where(eq(registrations.campaignId, campaign));
const personOf = async (id: string) => (await t.database.db.select().from(persons).where(eq(persons.id, id)))[0];

const header = [
  "Fornavn",
  "Etternavn",
  "E-post",
  "Mobil",
  "FØDSELSNUMMER",
  "Fødselsdato",
  "Nasjonalitet",
  " Utdannings institusjon ",
  "Tidligere brukernavn",
];
const applicants: ExcelJS.CellValue[][] = [
  ["Nora", "Berg", "nora@stud.uib.no", "912 34 567", noraId],
  ["Ola", "Hansen", "OLA.HANSEN@stud.uib.no", "+47 41234567", "", "01.02.2001", "Norge", "UiB"],
  ["Kari", "Ny", "kari.ny@stud.uib.no", "48123456", Number(kariId), "", "", "", "kny001"],
  ["Per", "Feil", "per.feil@stud.uib.no", "91111111", "12345678901"],
  ["Eva", "Epost", "ikke-en-epost", "92222222", testNationalId({ individual: 640 })],
  ["Zara", "Lund", "zara.privat@example.com", "93333333", zaraId],
  [],
  ["Nora", "Berg", "nora@stud.uib.no", "912 34 567", noraId],
];

describe("POST /api/webcruiter-import", () => {
  let dryRun: WebcruiterImportReport;

  it("reports every row on a dry run and saves nothing", async () => {
    const auditBefore = (await t.database.db.select().from(auditEvents)).length;
    const personsBefore = (await t.database.db.select().from(persons)).length;
    const res = await upload(await xlsx(header, applicants), { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    dryRun = res.json();
    expect(dryRun).toMatchObject({
      dryRun: true,
      saved: false,
      rowsRead: 7,
      totals: { created: 1, matched: 3, alreadyRegistered: 1, skipped: 2, waitsForConfirmation: 1 },
      missingColumns: [],
    });
    expect(dryRun.rows.map((r) => [r.rowNumber, r.outcome, r.matchedBy, r.waitsForConfirmation])).toEqual([
      [3, "matched", "national_id", false],
      [4, "matched", "email", false],
      [5, "created", null, false],
      [6, "skipped", null, false],
      [7, "skipped", null, false],
      [8, "matched", "national_id", true],
      [10, "already_registered", null, false],
    ]);
    expect(dryRun.rows[1]).toMatchObject({ name: "Hansen, Ola", email: "ola.hansen@stud.uib.no" });
    expect(dryRun.rows[3]?.problems).toEqual([
      { field: "nationalId", column: "FØDSELSNUMMER", code: expect.any(String) },
    ]);
    expect(dryRun.rows[3]?.problems[0]?.code).toMatch(/^national_id\./);
    expect(dryRun.rows[4]?.problems).toEqual([{ field: "email", column: "E-post", code: "email.invalid" }]);

    expect(await registrationsOf(campaignId)).toEqual([]);
    expect((await t.database.db.select().from(persons)).length).toBe(personsBefore);
    expect((await t.database.db.select().from(auditEvents)).length).toBe(auditBefore);
  });

  it("saves the same: confirmed webcruiter registrations matched by national ID and e-mail, nothing of a bad row", async () => {
    const res = await upload(await xlsx(header, applicants));
    expect(res.statusCode, res.body).toBe(200);
    const saved: WebcruiterImportReport = res.json();
    expect(saved).toEqual({ ...dryRun, dryRun: false, saved: true });

    const stored = await registrationsOf(campaignId);
    expect(stored.map((r) => r.email).sort()).toEqual([
      "kari.ny@stud.uib.no",
      "nora@stud.uib.no",
      "ola.hansen@stud.uib.no",
      "zara.privat@example.com",
    ]);
    for (const r of stored) {
      expect(r).toMatchObject({ source: "webcruiter", institutionId: world.institutions.uib.id });
      expect(r.emailConfirmedAt).not.toBeNull();
    }
    const by = (email: string) => stored.find((r) => r.email === email);
    expect(by("nora@stud.uib.no")).toMatchObject({ personId: persons_.nora, matchedBy: "national_id" });
    expect(by("ola.hansen@stud.uib.no")).toMatchObject({
      personId: persons_.ola,
      matchedBy: "email",
      birthDate: "2001-02-01",
      nationality: "Norge",
      homeInstitution: "UiB",
    });
    expect(by("kari.ny@stud.uib.no")).toMatchObject({ earlierUsername: "kny001", mobile: "+4748123456" });
    expect(by("kari.ny@stud.uib.no")?.personId).not.toBeNull();

    expect((await personOf(persons_.nora))?.registeredAt).not.toBeNull();
    expect((await personOf(persons_.ola))?.registeredAt).not.toBeNull();
    // A known national ID with another e-mail: matched, but it waits for FOU and changes nothing of the person.
    const zara = await personOf(persons_.zara);
    expect(zara).toMatchObject({ registeredAt: null, email: "zara@stud.uib.no", firstName: "Zara" });
    expect(by("zara.privat@example.com")).toMatchObject({ personId: persons_.zara, matchedBy: "national_id" });

    // FOU's list says the same: only Zara's waits (Kari's new person has no rows to compare with).
    const list = await t.call("GET", `/api/campaigns/${campaignId}/registrations?limit=50`, { cookie: fou });
    expect(list.statusCode, list.body).toBe(200);
    const waiting = (list.json().items as { email: string; needsConfirmation: boolean }[])
      .filter((r) => r.needsConfirmation)
      .map((r) => r.email);
    expect(waiting).toEqual(["zara.privat@example.com"]);

    const imports = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "campaign"), eq(auditEvents.action, "import")));
    expect(imports).toEqual([expect.objectContaining({ entityId: campaignId, fields: ["registrations"] })]);
    const sent = await t.database.db.select().from(outboxMessages);
    expect(sent.filter((m) => stored.some((r) => r.email === m.recipientAddress))).toEqual([]);

    const dump = await databaseDump(t.database);
    for (const id of [noraId, kariId, zaraId]) {
      expect(dump.includes(id)).toBe(false);
      expect(logLines.filter((l) => l.includes(id))).toEqual([]);
    }
  });

  it("the same file again saves nothing new: the applicants are already registered", async () => {
    const res = await upload(await xlsx(header, applicants));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totals).toEqual({
      created: 0,
      matched: 0,
      alreadyRegistered: 5,
      skipped: 2,
      waitsForConfirmation: 0,
    });
    expect(await registrationsOf(campaignId)).toHaveLength(4);
  });

  it("a national ID registered in another campaign, with another e-mail, waits for FOU as a change", async () => {
    const other = await newCampaign();
    const res = await upload(
      await xlsx(header, [
        ["Kari", "Ny", "kari.annen@example.com", "48123456", kariId],
        ["Kari", "Ny", "KARI.NY@stud.uib.no ", "48123456", kariId],
      ]),
      { campaign: other },
    );
    expect(res.statusCode, res.body).toBe(200);
    const report: WebcruiterImportReport = res.json();
    // The change waits; the same applicant with the address on record is a registration of their own.
    expect(report.rows.map((r) => [r.outcome, r.matchedBy, r.waitsForConfirmation])).toEqual([
      ["created", null, true],
      ["matched", "national_id", false],
    ]);
    const [first] = (await registrationsOf(campaignId)).filter((r) => r.email === "kari.ny@stud.uib.no");
    const change = (await registrationsOf(other)).find((r) => r.email === "kari.annen@example.com");
    expect(change).toMatchObject({ supersedesId: first?.id, personId: null, appliedAt: null });
  });

  it("reads a CSV by the trust's own column mapping, headers compared without case and spaces", async () => {
    const mapping = {
      firstName: "First name",
      lastName: "Last name",
      email: "Email",
      mobile: "Phone",
      nationalId: "SSN",
    };
    const set = await t.call("PATCH", "/api/trust/settings", { cookie: admin, body: { webcruiterColumns: mapping } });
    expect(set.statusCode, set.body).toBe(200);
    try {
      const other = await newCampaign();
      const csv = `\uFEFFFIRST NAME;last name;Email; phone ;ssn\r\nLise;Vik;lise.vik@stud.uib.no;90000001;\r\n"Dal, jr.";Lars;lars.dal@stud.uib.no;90000002;${larsId}\r\n`;
      const res = await upload(Buffer.from(csv, "utf8"), { campaign: other, name: "applicants.csv", type: "text/csv" });
      expect(res.statusCode, res.body).toBe(200);
      const report: WebcruiterImportReport = res.json();
      // No national ID, so the form's alternative (birth date, nationality, home institution) is asked for.
      expect(report.rows[0]).toMatchObject({ outcome: "skipped", name: "Vik, Lise", email: "lise.vik@stud.uib.no" });
      expect(report.rows[0]?.problems.map((p) => [p.field, p.column])).toEqual([
        ["birthDate", null],
        ["nationality", null],
        ["homeInstitution", null],
      ]);
      expect(report.missingColumns).toEqual([]);
      expect(report.rows[1]).toMatchObject({ outcome: "created", name: "Lars, Dal, jr." });
      const [lars] = (await registrationsOf(other)).filter((r) => r.email === "lars.dal@stud.uib.no");
      expect(lars).toMatchObject({ source: "webcruiter", firstName: "Dal, jr.", lastName: "Lars" });

      const missing = await upload(Buffer.from("First name;Last name;Email\r\nLise;Vik;lise@stud.uib.no\r\n"), {
        campaign: other,
        name: "applicants.csv",
        type: "text/csv",
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({
        code: "webcruiter.column_missing",
        details: { header: "Phone", field: "mobile" },
      });
    } finally {
      await t.call("PATCH", "/api/trust/settings", { cookie: admin, body: { webcruiterColumns: null } });
    }
  });

  it("names the optional mapped columns the file lacks, and refuses a file it cannot read", async () => {
    const other = await newCampaign();
    const res = await upload(
      await xlsx(
        ["Fornavn", "Etternavn", "E-post", "Mobil", "Fødselsnummer"],
        [["Mia", "Moe", "mia@x.no", "94444444", kariId]],
      ),
      { campaign: other, dryRun: true },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().missingColumns.map((c: { header: string }) => c.header)).toEqual([
      "Fødselsdato",
      "Nasjonalitet",
      "Utdanningsinstitusjon",
      "Tidligere brukernavn",
    ]);

    const broken = await upload(Buffer.from("PK\u0003\u0004 not really a zip"), { campaign: other });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("upload.not_xlsx");
    const binary = await upload(Buffer.from([0x00, 0x01, 0x02, 0x03]), {
      campaign: other,
      name: "a.csv",
      type: "text/csv",
    });
    expect(binary.statusCode).toBe(400);
    expect(binary.json().code).toBe("upload.not_readable");
    const none = await t.app.inject({
      method: "POST",
      url: `/api/webcruiter-import?campaignId=${other}`,
      headers: { cookie: fou, "content-type": "application/json" },
      payload: "{}",
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe("upload.missing");
  });

  it("is FOU's, for the caller's trust: another trust's campaign is 404, a coordinator 403", async () => {
    const file = await xlsx(header, applicants.slice(0, 1));
    const foreign = await upload(file, { campaign: world.campaigns.fonna });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("campaign.not_found");
    const fonnaAdmin = await t.login(world.users.fonnaAdmin.email);
    expect((await upload(file, { cookie: fonnaAdmin })).statusCode).toBe(404);
    const coordinator = await t.login(world.users.coordinatorUib.email);
    expect((await upload(file, { cookie: coordinator })).statusCode).toBe(403);
    const noCampaign = await upload(file, { campaign: "not-a-uuid" });
    expect(noCampaign.statusCode).toBe(400);
  });

  it("is in the API description with its query and multipart body", async () => {
    const doc = (await t.call("GET", "/api/openapi.json")).json();
    const op = doc.paths["/api/webcruiter-import"]?.post;
    expect(op).toBeDefined();
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["campaignId", "dryRun"]);
    expect(JSON.stringify(op)).toContain("multipart/form-data");
  });
});
