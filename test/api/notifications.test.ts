import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../src/server/modules/audit/audit.table.ts";
import {
  createNotificationDigest,
  createNotifier,
  type NotifyInput,
} from "../../src/server/modules/notifications/notifications.public.ts";
import { notifications } from "../../src/server/modules/notifications/notifications.table.ts";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import { createOutbox } from "../../src/server/modules/outbox/outbox.usecases.ts";
import { createOutboxWorker } from "../../src/server/modules/outbox/outbox.worker.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { users } from "../../src/server/modules/users/users.table.ts";
import { createSmtpMailer } from "../../src/server/shared/mail.ts";
import { auditRows } from "../helpers/audit.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.ts";
import { createTestApp, createTestClock, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let world: World;
let smtp: TestSmtpServer;
const cookies: Record<string, string> = {};
const clock = createTestClock();
const outbox = createOutbox({ publicUrl: "http://praksistilgang.test", clock });
const notifier = createNotifier({ outbox, clock });

const notify = (input: NotifyInput) => t.database.db.transaction((tx) => notifier.notify(tx, input));
const texts = (nb: string) => ({ nb, nn: `${nb} (nn)`, en: `${nb} (en)` });
const mailTo = (userId: string) =>
  t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipientUserId, userId));

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t.database.db);
  // The seeded world has a notification per person (for the isolation matrix); start empty here.
  await t.database.db.delete(notifications);
  smtp = await startSmtpServer();
  for (const [key, user] of Object.entries(world.users)) cookies[key] = await t.login(user.email);
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

describe("notifications in the app", () => {
  it("answers anonymous callers with 401", async () => {
    expect((await t.call("GET", "/api/notifications")).statusCode).toBe(401);
    expect((await t.call("POST", "/api/notifications/read-all")).statusCode).toBe(401);
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await t.call("POST", `/api/notifications/${id}/read`)).statusCode).toBe(401);
  });

  it("lists the caller's notifications in their language, newest first, and counts the unread", async () => {
    const db = t.database.db;
    await db.update(users).set({ language: "en" }).where(eq(users.id, world.users.coordinatorUib.id));
    await notify({
      trustId: world.trusts.bergen.id,
      userIds: [world.users.coordinatorUib.id, world.users.coordinatorUib.id],
      kind: "inquiry.answered",
      texts: texts("Henvendelsen er besvart"),
      link: "/inquiries/1",
    });
    clock.advance(1000);
    await notify({
      trustId: world.trusts.bergen.id,
      userIds: [world.users.coordinatorUib.id],
      kind: "overview.changed",
      texts: texts("Oversikten er endret"),
      link: "/overviews/2",
    });
    const res = await t.call("GET", "/api/notifications", { cookie: cookies.coordinatorUib });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unreadCount).toBe(2);
    expect(body.items.map((n: { text: string }) => n.text)).toEqual([
      "Oversikten er endret (en)",
      "Henvendelsen er besvart (en)",
    ]);
    expect(body.items[0]).toMatchObject({
      kind: "overview.changed",
      link: "/overviews/2",
      readAt: null,
      trustId: world.trusts.bergen.id,
    });

    const newest = (await t.call("GET", "/api/notifications?limit=1", { cookie: cookies.coordinatorUib })).json();
    expect(newest.items.map((n: { kind: string }) => n.kind)).toEqual(["overview.changed"]);
    expect(newest.unreadCount).toBe(2);

    const other = (await t.call("GET", "/api/notifications", { cookie: cookies.coordinatorHvl })).json();
    expect(other).toEqual({ items: [], unreadCount: 0 });
  });

  it("marks one read, and answers 404 for another person's notification", async () => {
    const list = (await t.call("GET", "/api/notifications", { cookie: cookies.coordinatorUib })).json();
    const id = list.items[1].id as string;

    const foreign = await t.call("POST", `/api/notifications/${id}/read`, { cookie: cookies.coordinatorHvl });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("notifications.not_found");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await t.call("POST", `/api/notifications/${unknown}/read`, { cookie: cookies.admin })).statusCode).toBe(
      404,
    );

    const read = await t.call("POST", `/api/notifications/${id}/read`, { cookie: cookies.coordinatorUib });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(clock.now().toISOString());
    const again = await t.call("POST", `/api/notifications/${id}/read`, { cookie: cookies.coordinatorUib });
    expect(again.json().readAt).toBe(read.json().readAt);

    const after = (await t.call("GET", "/api/notifications", { cookie: cookies.coordinatorUib })).json();
    expect(after.unreadCount).toBe(1);
    const unread = (await t.call("GET", "/api/notifications?unread=true", { cookie: cookies.coordinatorUib })).json();
    expect(unread.items.map((n: { kind: string }) => n.kind)).toEqual(["overview.changed"]);
    expect(unread.unreadCount).toBe(1);

    expect(await auditRows(t, id)).toEqual([
      expect.objectContaining({ entity: "notification", action: "read", fields: ["read_at"] }),
    ]);
  });

  it("marks all read", async () => {
    const res = await t.call("POST", "/api/notifications/read-all", { cookie: cookies.coordinatorUib });
    expect(res.json()).toEqual({ updated: 1, unreadCount: 0 });
    expect((await t.call("GET", "/api/notifications", { cookie: cookies.coordinatorUib })).json().unreadCount).toBe(0);
  });

  it("writes nothing when the change that notifies is rolled back", async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await notifier.notify(tx, {
          trustId: world.trusts.bergen.id,
          userIds: [world.users.ehealth.id],
          kind: "test.rollback",
          texts: texts("Skal ikke finnes"),
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await t.database.db.select().from(notifications).where(eq(notifications.kind, "test.rollback"))).toEqual([]);
    expect(await mailTo(world.users.ehealth.id)).toEqual([]);
  });

  it("renders a text by key in the trust's language when the person has not chosen one", async () => {
    await t.database.db.update(trusts).set({ defaultLanguage: "nn" }).where(eq(trusts.id, world.trusts.fonna.id));
    await notify({
      trustId: world.trusts.fonna.id,
      userIds: [world.users.fonnaAdmin.id],
      kind: "account_request.received",
      message: { key: "account_request.received", params: { name: "Siri Aasen", institution: "FSV" } },
      link: "/admin/account-requests",
    });
    const list = (await t.call("GET", "/api/notifications", { cookie: cookies.fonnaAdmin })).json();
    expect(list.items[0].text).toBe("Siri Aasen (FSV) ber om tilgang til Praksistilgang");
    const [mail] = await mailTo(world.users.fonnaAdmin.id);
    expect(mail).toMatchObject({ language: "nn", template: "notification" });
    expect(mail?.textBody).toContain("Opne i Praksistilgang: http://praksistilgang.test/admin/account-requests");
  });
});

describe("notifications by e-mail", () => {
  it("lets a person choose immediate, daily or no e-mail, keeping the language, with an audit row", async () => {
    const cookie = cookies.studentAdmin;
    await t.call("PATCH", "/api/auth/me", { cookie, body: { language: "nn" } });
    const res = await t.call("PATCH", "/api/auth/me", { cookie, body: { emailNotifications: "daily" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ language: "nn", emailNotifications: "daily" });
    expect((await t.call("GET", "/api/auth/me", { cookie })).json().user.emailNotifications).toBe("daily");
    const bad = await t.call("PATCH", "/api/auth/me", { cookie, body: { emailNotifications: "weekly" } });
    expect(bad.statusCode).toBe(400);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, world.users.studentAdmin.id), eq(auditEvents.action, "update")));
    expect(rows.map((r) => r.fields)).toEqual([["language"], ["email_notifications"]]);
  });

  it("e-mails each notification at once to people who chose 'immediate'", async () => {
    const before = (await mailTo(world.users.admin.id)).length;
    for (const text of ["Første hendelse", "Andre hendelse"]) {
      await notify({ trustId: world.trusts.bergen.id, userIds: [world.users.admin.id], kind: "x", texts: texts(text) });
    }
    const mails = await mailTo(world.users.admin.id);
    expect(mails).toHaveLength(before + 2);
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, world.users.admin.id));
    expect(rows.every((r) => r.emailedAt !== null)).toBe(true);

    const worker = createOutboxWorker({
      db: t.database.db,
      mailer: createSmtpMailer({ smtpUrl: smtp.url, from: "x@y.no" }),
    });
    await worker.runOnce(clock.now());
    const received = smtp.received.filter((m) => m.to.includes("admin@bergen.test"));
    expect(received.map((m) => m.subject).sort()).toEqual([
      "Praksistilgang: Andre hendelse",
      "Praksistilgang: Første hendelse",
    ]);
  });

  it("collects notifications for people who chose 'daily' into one digest e-mail", async () => {
    const userId = world.users.studentAdmin.id;
    const digest = createNotificationDigest({ db: t.database.db, outbox });
    await notify({
      trustId: world.trusts.bergen.id,
      userIds: [userId],
      kind: "a",
      texts: texts("Ny henvendelse"),
      link: "/a",
    });
    await notify({
      trustId: world.trusts.bergen.id,
      userIds: [userId],
      kind: "b",
      texts: texts("Ny registrering"),
      link: "/b",
    });
    expect(await mailTo(userId)).toEqual([]);

    clock.advance(3_600_000);
    expect(await digest.runOnce(clock.now())).toEqual({ emails: 1 });
    expect(await digest.runOnce(clock.now())).toEqual({ emails: 0 });
    const mails = await mailTo(userId);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: "notification-digest",
      language: "nn",
      subject: "Praksistilgang: 2 nye varsel",
    });

    const worker = createOutboxWorker({
      db: t.database.db,
      mailer: createSmtpMailer({ smtpUrl: smtp.url, from: "x@y.no" }),
    });
    await worker.runOnce(clock.now());
    const received = smtp.received.filter((m) => m.to.includes("fou@bergen.test"));
    expect(received).toHaveLength(1);
    expect(received[0]?.text).toContain("- Ny henvendelse (nn)\n  http://praksistilgang.test/a");
    expect(received[0]?.text).toContain("- Ny registrering (nn)\n  http://praksistilgang.test/b");
    expect(received[0]?.text).toContain("dagleg samandrag");
  });

  it("leaves read notifications out of the digest, and e-mails nothing to people who chose 'off'", async () => {
    const daily = world.users.studentAdmin.id;
    const off = world.users.itProvider.id;
    // The clock moved past the sessions' idle time: sign in again.
    cookies.studentAdmin = await t.login(world.users.studentAdmin.email);
    cookies.itProvider = await t.login(world.users.itProvider.email);
    await t.call("PATCH", "/api/auth/me", { cookie: cookies.itProvider, body: { emailNotifications: "off" } });
    const { ids } = await notify({
      trustId: world.trusts.bergen.id,
      userIds: [daily, off],
      kind: "c",
      texts: texts("Allerede lest"),
    });
    for (const id of ids) {
      const owner = (await t.database.db.select().from(notifications).where(eq(notifications.id, id)))[0]?.userId;
      const cookie = owner === daily ? cookies.studentAdmin : cookies.itProvider;
      expect((await t.call("POST", `/api/notifications/${id}/read`, { cookie })).statusCode).toBe(200);
    }
    await notify({ trustId: world.trusts.bergen.id, userIds: [off], kind: "d", texts: texts("Uten e-post") });
    clock.advance(60_000);
    const before = (await mailTo(daily)).length;
    expect(await createNotificationDigest({ db: t.database.db, outbox }).runOnce(clock.now())).toEqual({ emails: 0 });
    expect(await mailTo(daily)).toHaveLength(before);
    expect(await mailTo(off)).toEqual([]);
  });
});
