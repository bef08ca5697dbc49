import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.ts";
import { mailJobs } from "../../src/server/modules/notifications/notifications.public.ts";
import { createOutboxRepository } from "../../src/server/modules/outbox/outbox.repository.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { createOutbox } from "../../src/server/modules/outbox/outbox.usecases.ts";
import { createOutboxWorker, maxAttempts, retryDelaysMs } from "../../src/server/modules/outbox/outbox.worker.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { users } from "../../src/server/modules/users/users.table.ts";
import { systemClock } from "../../src/server/shared/clock.ts";
import { startJobs } from "../../src/server/shared/jobs.ts";
import { createSmtpMailer } from "../../src/server/shared/mail.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

const publicUrl = "http://praksistilgang.test";
const from = "Praksistilgang <ikke-svar@praksistilgang.no>";
let t: TestApp;
let world: World;
let smtp: TestSmtpServer;
const clock = createTestClock();
const outbox = createOutbox({ publicUrl, clock });
const mailers: { close(): void }[] = [];

const smtpWorker = () => {
  const mailer = createSmtpMailer({ smtpUrl: smtp.url, from });
  mailers.push(mailer);
  return createOutboxWorker({ db: t.database.db, mailer });
};
const toUser = (userId: string, trustId: string, text = "Ny henvendelse fra HVL") =>
  t.database.db.transaction((tx) =>
    outbox.enqueueEmailToUser(tx, { trustId, userId, template: "notification", params: { text, link: "/inquiries" } }),
  );
const message = async (id: string) =>
  (await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0];
const receivedWithId = (id: string) => smtp.received.filter((m) => m.messageId === `<${id}@praksistilgang>`);

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  smtp = await startSmtpServer();
});
afterAll(async () => {
  for (const m of mailers) m.close();
  await smtp.close();
  await t.close();
});

describe("the outbox", () => {
  it("writes a message only when the transaction that causes it commits", async () => {
    const db = t.database.db;
    await expect(
      db.transaction(async (tx) => {
        await outbox.enqueueEmail(tx, {
          trustId: world.trusts.bergen.id,
          to: "rulles.tilbake@test.no",
          language: "nb",
          template: "notification",
          params: { text: "Skal ikke sendes", link: null },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(
      await db.select().from(outboxMessages).where(eq(outboxMessages.recipientAddress, "rulles.tilbake@test.no")),
    ).toEqual([]);

    const queued = await toUser(world.users.studentAdmin.id, world.trusts.bergen.id);
    expect(await message(queued?.id as string)).toMatchObject({
      status: "queued",
      attempts: 0,
      template: "notification",
    });
    await createOutboxWorker({ db, mailer: null }).runOnce(clock.now());
  });

  it("sends over SMTP to each person in their own language", async () => {
    const db = t.database.db;
    await db.update(users).set({ language: "nn" }).where(eq(users.id, world.users.coordinatorHvl.id));
    await db.update(trusts).set({ defaultLanguage: "en" }).where(eq(trusts.id, world.trusts.fonna.id));
    const nn = await toUser(world.users.coordinatorHvl.id, world.trusts.bergen.id);
    const nb = await toUser(world.users.admin.id, world.trusts.bergen.id);
    const en = await toUser(world.users.fonnaAdmin.id, world.trusts.fonna.id, "New inquiry from FSV");

    const result = await smtpWorker().runOnce(clock.now());
    expect(result).toEqual({ sent: 3, kept: 0, retried: 0, failed: 0 });

    const [toNn] = receivedWithId(nn?.id as string);
    expect(toNn?.to).toEqual(["koord.hvl@bergen.test"]);
    expect(toNn?.subject).toBe("Praksistilgang: Ny henvendelse fra HVL");
    expect(toNn?.text).toContain("Opne i Praksistilgang: http://praksistilgang.test/inquiries");
    expect(toNn?.text).toContain("valt varsel på e-post");
    expect(toNn?.html).toContain('<a href="http://praksistilgang.test/inquiries">');

    const [toNb] = receivedWithId(nb?.id as string);
    expect(toNb?.to).toEqual(["admin@bergen.test"]);
    expect(toNb?.text).toContain("Åpne i Praksistilgang: http://praksistilgang.test/inquiries");

    const [toEn] = receivedWithId(en?.id as string);
    expect(toEn?.to).toEqual(["admin@fonna.test"]);
    expect(toEn?.subject).toBe("Praksistilgang: New inquiry from FSV");
    expect(toEn?.text).toContain("Open in Praksistilgang");

    expect(await message(nn?.id as string)).toMatchObject({ status: "sent", attempts: 1, language: "nn" });
    expect((await message(nn?.id as string))?.sentAt).toBeInstanceOf(Date);
  });

  it("retries after a temporary refusal, after the backoff and not before, and delivers once", async () => {
    const queued = await toUser(world.users.ehealth.id, world.trusts.bergen.id, "Endringsønske til vurdering");
    const id = queued?.id as string;
    const worker = smtpWorker();
    const start = clock.now();
    smtp.rejectNext(1);

    expect(await worker.runOnce(start)).toMatchObject({ retried: 1, sent: 0 });
    const afterFirst = await message(id);
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1 });
    expect(afterFirst?.nextAttemptAt.getTime()).toBe(start.getTime() + (retryDelaysMs[0] as number));
    expect(afterFirst?.lastError).toMatch(/451/);
    expect(afterFirst?.lastError).not.toContain("@");
    expect(receivedWithId(id)).toHaveLength(0);

    expect(await worker.runOnce(new Date(start.getTime() + 30_000))).toMatchObject({ sent: 0, retried: 0 });
    expect(await worker.runOnce(new Date(start.getTime() + 61_000))).toMatchObject({ sent: 1 });
    expect(await worker.runOnce(new Date(start.getTime() + 3_600_000))).toMatchObject({ sent: 0 });
    expect(receivedWithId(id)).toHaveLength(1);
    expect(receivedWithId(id)[0]?.subject).toBe("Praksistilgang: Endringsønske til vurdering");
    expect(await message(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("fails a message after the last attempt, and never sends it", async () => {
    const queued = await toUser(world.users.itProvider.id, world.trusts.bergen.id);
    const id = queued?.id as string;
    const worker = smtpWorker();
    smtp.rejectNext(1000);
    let at = clock.now().getTime();
    for (let i = 0; i < maxAttempts; i++) {
      await worker.runOnce(new Date(at));
      at += 7 * 3_600_000;
    }
    smtp.rejectNext(0);
    expect(await message(id)).toMatchObject({ status: "failed", attempts: maxAttempts });
    expect(await worker.runOnce(new Date(at))).toMatchObject({ sent: 0 });
    expect(receivedWithId(id)).toHaveLength(0);
  });

  it("gives a claimed message back when its worker stopped before marking it", async () => {
    const queued = await toUser(world.users.coordinatorUib.id, world.trusts.bergen.id);
    const id = queued?.id as string;
    const start = clock.now();
    // A worker claims the message and dies before sending it.
    const [claimed] = await createOutboxRepository({ db: t.database.db }).claimDue(
      start,
      new Date(start.getTime() + 10 * 60_000),
      1,
    );
    expect(claimed?.id).toBe(id);
    const worker = smtpWorker();
    expect(await worker.runOnce(new Date(start.getTime() + 60_000))).toMatchObject({ sent: 0 });
    expect(await message(id)).toMatchObject({ status: "sending" });
    expect(await worker.runOnce(new Date(start.getTime() + 11 * 60_000))).toMatchObject({ sent: 1 });
    expect(receivedWithId(id)).toHaveLength(1);
    expect(await message(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("delivers each message exactly once when two workers run at the same time", async () => {
    const ids: string[] = [];
    await t.database.db.transaction(async (tx) => {
      for (let i = 0; i < 30; i++) {
        const m = await outbox.enqueueEmail(tx, {
          trustId: world.trusts.bergen.id,
          to: `student${i}@test.no`,
          language: "nb",
          template: "notification",
          params: { text: `Melding ${i}`, link: null },
        });
        ids.push(m.id);
      }
    });
    const [a, b] = await Promise.all([smtpWorker().runOnce(clock.now()), smtpWorker().runOnce(clock.now())]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(30);
    // On PostgreSQL the two run truly in parallel, each on its own connections: both get work.
    if (t.database.kind === "postgres") expect(Math.min(a?.sent ?? 0, b?.sent ?? 0)).toBeGreaterThan(0);
    for (const id of ids) expect(receivedWithId(id), id).toHaveLength(1);
    const rows = await t.database.db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});

describe("without SMTP_URL", () => {
  it("keeps messages and shows them to the trust's admins in the dev mailbox", async () => {
    const queued = await toUser(world.users.studentAdmin.id, world.trusts.bergen.id, "Ny bestilling");
    const fonna = await toUser(world.users.fonnaCoordinator.id, world.trusts.fonna.id, "Fonna-melding");
    expect(await createOutboxWorker({ db: t.database.db, mailer: null }).runOnce(clock.now())).toMatchObject({
      kept: 2,
    });
    expect(await message(queued?.id as string)).toMatchObject({ status: "kept", sentAt: null });

    const admin = await t.login(world.users.admin.email);
    const res = await t.call("GET", "/api/dev-mailbox", { cookie: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.delivery).toBe("kept");
    expect(body.messages.find((m: { id: string }) => m.id === queued?.id)).toMatchObject({
      id: queued?.id,
      to: "fou@bergen.test",
      subject: "Praksistilgang: Ny bestilling",
      status: "kept",
      language: "nb",
    });
    expect(body.messages.some((m: { id: string }) => m.id === fonna?.id)).toBe(false);
    expect(body.messages.every((m: { trustId: string }) => m.trustId === world.trusts.bergen.id)).toBe(true);

    const fonnaAdmin = await t.login(world.users.fonnaAdmin.email);
    const fonnaBox = (await t.call("GET", "/api/dev-mailbox", { cookie: fonnaAdmin })).json();
    expect(fonnaBox.messages.map((m: { id: string }) => m.id)).toContain(fonna?.id);
    expect(fonnaBox.messages.some((m: { id: string }) => m.id === queued?.id)).toBe(false);

    for (const who of ["coordinatorUib", "studentAdmin", "itProvider", "ehealth"] as const) {
      const cookie = await t.login(world.users[who].email);
      expect((await t.call("GET", "/api/dev-mailbox", { cookie })).statusCode, who).toBe(403);
    }
    expect((await t.call("GET", "/api/dev-mailbox")).statusCode).toBe(401);
  });
});

describe("pg-boss", () => {
  it("runs the outbox worker as a job on this database", async () => {
    const config = loadConfig({
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      PUBLIC_URL: publicUrl,
      SMTP_URL: smtp.url,
      LOG_LEVEL: "silent",
    });
    const silent = { info() {}, warn() {}, error() {} };
    const mail = mailJobs({ db: t.database.db, config, log: silent });
    const jobs = await startJobs({ database: t.database, definitions: mail.definitions, log: silent });
    try {
      const realTime = createOutbox({ publicUrl, clock: systemClock });
      const queued = await t.database.db.transaction((tx) =>
        realTime.enqueueEmailToUser(tx, {
          trustId: world.trusts.bergen.id,
          userId: world.users.admin.id,
          template: "notification",
          params: { text: "Sendt av pg-boss", link: "/" },
        }),
      );
      await jobs.trigger("outbox-flush");
      const deadline = Date.now() + 20_000;
      while ((await message(queued?.id as string))?.status !== "sent" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await message(queued?.id as string)).toMatchObject({ status: "sent" });
      expect(receivedWithId(queued?.id as string)).toHaveLength(1);
    } finally {
      await jobs.stop();
      mail.close();
    }
  });
});
