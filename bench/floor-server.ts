import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { verify } from "@node-rs/argon2";
import ExcelJS from "exceljs";
import Fastify from "fastify";
import { portalColumns } from "../src/contracts/orders.ts";
import { checkRegistrationForm, type RegistrationFormInput } from "../src/domain/registration/form.ts";
import { portalHeaders } from "../src/server/modules/orders/portal-file.ts";
import { nationalIdPlace } from "../src/server/modules/persons/persons.public.ts";
import { registrationNationalIdPlace } from "../src/server/modules/registrations/registrations.repository.ts";
import { createDataCrypto } from "../src/server/shared/crypto.ts";
import { openDatabase } from "../src/server/shared/database.ts";
import type { FloorFile, FloorQuery } from "./floors.ts";
import { orderInsert } from "./order-insert.ts";

/**
 * The floor server: a bare Fastify process beside the app, opening the database with the app's own
 * pool settings (`openDatabase`), with nothing of the app's layers — no session, access checks,
 * mapping or schemas. Each route does only the main work of one operation (floors.ts) and answers
 * it as JSON. Started by server-process.ts with FLOOR_FILE, PORT, the app's DATABASE_URL or
 * DATA_DIR, and its DATA_ENCRYPTION_KEY.
 */
const floors = JSON.parse(readFileSync(process.env.FLOOR_FILE as string, "utf8")) as FloorFile;
const url = process.env.DATABASE_URL;
const crypto = createDataCrypto(Buffer.from(process.env.DATA_ENCRYPTION_KEY as string, "base64"));
const database = await openDatabase(
  url ? { kind: "postgres", url } : { kind: "pglite", dataDir: process.env.DATA_DIR as string },
);

async function rows(q: FloorQuery): Promise<Record<string, unknown>[]> {
  if (database.pglite) return (await database.pglite.query<Record<string, unknown>>(q.sql, q.params)).rows;
  return (await (database.pool as NonNullable<typeof database.pool>).query(q.sql, q.params)).rows;
}

const app = Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024 });
app.addContentTypeParser("application/octet-stream", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

app.get("/api/health", async () => {
  await rows({ sql: "select 1", params: [] });
  return { ok: true };
});

app.get<{ Params: { name: string } }>("/floor/query/:name", async (req, reply) => {
  const q = floors.queries[req.params.name];
  if (!q) return reply.code(404).send({ error: "no such floor" });
  return rows(q);
});

app.post<{ Body: { password: string } }>("/floor/sign-in", async (req, reply) => {
  const ok = await verify(floors.passwordHash, req.body.password);
  return ok ? { ok } : reply.code(401).send({ ok });
});

/**
 * The public registration's floor: the form's checks (the trust's test mode off, as generated) and
 * the national ID's keyed hash and encryption for a new registration's row, on the same body, with
 * no database.
 */
app.post<{ Body: RegistrationFormInput }>("/floor/registration", async (req, reply) => {
  const checked = checkRegistrationForm(req.body, { testMode: false });
  if (!checked.ok) return reply.code(400).send({ issues: checked.issues });
  const stored = checked.nationalId
    ? {
        hash: crypto.hash(checked.nationalId),
        enc: crypto.encrypt(checked.nationalId, registrationNationalIdPlace(randomUUID())),
      }
    : null;
  return reply.code(202).send({ ok: true, email: checked.email, stored: stored !== null });
});

/** ExcelJS reading the uploaded workbook, every cell visited. */
app.post<{ Body: Buffer }>("/floor/import", async (req) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(req.body as unknown as ArrayBuffer);
  let cells = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell(() => {
        cells++;
      });
    });
  }
  return { cells };
});

/** The document's rows, then ExcelJS writing them: a worksheet per sheet, a cell per value. */
app.get("/floor/export", async (_req, reply) => {
  const wb = new ExcelJS.Workbook();
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const r of await rows(floors.exportRows)) {
    const name = String(r.sheet_name);
    let ws = sheets.get(name);
    if (!ws) {
      ws = wb.addWorksheet(name);
      sheets.set(name, ws);
    }
    ws.addRow([
      r.last_name,
      r.first_name,
      r.national_id_enc,
      r.birth_date,
      r.nationality,
      r.email,
      r.mobile,
      r.home_institution,
      r.study_programme,
      r.placement_site_id ?? r.placement_site_name,
      r.start_date,
      r.end_date,
      r.d_number_enc,
      r.previous_username,
      r.order_state,
      r.id,
    ]);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return reply.header("content-type", "application/octet-stream").send(buffer);
});

/** An order of the sheet's rows and its lines, inserted in one statement (order-insert.ts). */
app.post<{ Body: { sheetId: string; rowIds: string[] } }>("/floor/order", async (req, reply) => {
  const inserted = await rows({ sql: orderInsert, params: [req.body.sheetId, req.body.rowIds] });
  return reply.code(201).send({ lines: inserted.length });
});

/** The order's lines in the portal's default columns, national IDs decrypted, then ExcelJS writing them. */
app.get<{ Params: { orderId: string } }>("/floor/order-export/:orderId", async (req, reply) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bestilling");
  ws.addRow(portalColumns.map((c) => portalHeaders[c]));
  const lines = await rows({ sql: floors.portalLines, params: [req.params.orderId] });
  // An order the floor's database does not hold would measure an empty file.
  if (lines.length === 0) return reply.code(404).send({ error: "no such order" });
  for (const l of lines) {
    ws.addRow([
      l.line_id,
      l.last_name,
      l.first_name,
      l.national_id_enc ? crypto.decrypt(String(l.national_id_enc), nationalIdPlace(String(l.person_id))) : "",
      l.birth_date,
      l.email,
      l.mobile,
      l.username,
      l.institution,
      l.programme,
      l.placement_site,
      l.system,
      l.role,
      l.valid_from,
      l.valid_to,
      l.limits,
    ]);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return reply.header("content-type", "application/octet-stream").send(buffer);
});

await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
const close = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGTERM", () => void close());
process.on("SIGINT", () => void close());
