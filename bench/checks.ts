import { startSmtpServer } from "../test/helpers/smtp.ts";
import { headersOf, importBody, ok, RequestFailure, request, type Session, signIn } from "./client.ts";
import type { BenchDatabase } from "./databases.ts";
import { query } from "./databases.ts";
import { type LoadResult, load } from "./load.ts";
import { verifyRegistrationLimit } from "./registrations.ts";
import { type ServerProcess, startApp } from "./server-process.ts";
import { importPeriod } from "./workbooks.ts";

/**
 * Checks that the settings the benchmark raises took effect in the server process, by what the
 * server does: statements are counted (the header is there), an account's eleventh wrong password
 * from one address is still checked (the default LOGIN_RATE_LIMIT of 10 answers 429), the 101st
 * registration from one address through one link too (REGISTRATION_RATE_LIMIT, 100 a minute), and
 * twelve imports at once are all taken (the default IMPORT_QUEUE of 8 beside two workers answers 503).
 */
export async function verifySettings(o: {
  url: string;
  password: string;
  signInEmail: string;
  registrationToken: string;
  importers: Session[];
  dryRunTarget: string;
  workbook: Buffer;
}): Promise<string[]> {
  const notes: string[] = [];
  const me = await ok(o.importers[0] as Session, "/api/auth/me");
  if (me.queries === null) throw new Error("BENCH_COUNT_QUERIES did not take effect: no x-bench-queries header.");
  notes.push(`statements counted per request (GET /api/auth/me: ${me.queries})`);

  for (let attempt = 1; attempt <= 11; attempt++) {
    const res = await fetch(`${o.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: o.url },
      body: JSON.stringify({ email: o.signInEmail, password: "wrong-password" }),
    });
    if (res.status !== 401) {
      throw new Error(`LOGIN_RATE_LIMIT did not take effect: wrong password ${attempt} answered ${res.status}.`);
    }
  }
  await signIn(o.url, o.signInEmail, o.password);
  notes.push("eleven wrong passwords in a row checked, then the right one let in (LOGIN_RATE_LIMIT raised)");
  notes.push(await verifyRegistrationLimit(o.url, o.registrationToken));

  const upload = importBody(o.workbook, importPeriod());
  const answers = await Promise.all(
    o.importers.map((s) =>
      request(s, `/api/overviews/${o.dryRunTarget}/import?dryRun=true`, {
        method: "POST",
        headers: { "content-type": upload.contentType },
        body: upload.body,
      }),
    ),
  );
  const refused = answers.filter((a) => a.status !== 200);
  if (refused.length > 0) {
    throw new Error(
      `IMPORT_QUEUE did not take effect: ${refused.length} of ${answers.length} imports at once answered ${refused.map((a) => a.status).join(", ")}.`,
    );
  }
  notes.push(`${answers.length} imports at once all taken (IMPORT_QUEUE raised)`);
  return notes;
}

export interface InstancesResult {
  instances: number;
  notes: string[];
  loads: { label: string; result: LoadResult }[];
}

/**
 * `--instances N` on PostgreSQL: N server processes on one database, with e-mail going to an SMTP
 * server of the benchmark's. A session made on the first is used on all of them; each read is
 * loaded across all at once; e-mail queued before they start is sent exactly once among them.
 */
export async function checkInstances(o: {
  target: BenchDatabase;
  env: Record<string, string>;
  instances: number;
  password: string;
  reads: { label: string; user: string; path: string }[];
  signInEmail: string;
  window: (connections: number) => { connections: number; seconds?: number; amount?: number };
}): Promise<InstancesResult> {
  const smtp = await startSmtpServer();
  // Due before the confirmation e-mails the public registrations queued, so they go first.
  const messages = 20;
  const database = await o.target.open();
  const queued = await query<{ id: string }>(
    database,
    `insert into outbox_messages (recipient_address, template, language, subject, text_body, next_attempt_at)
     select 'mottaker' || g || '@bench.test', 'bench', 'nb', 'Melding ' || g, 'Melding ' || g || ' fra benchmarken.',
            now() - interval '1 day'
       from generate_series(1, $1::int) g
     returning id`,
    [messages],
  );
  const servers: ServerProcess[] = await Promise.all(
    Array.from({ length: o.instances }, (_, k) => startApp(`instance ${k + 1}`, o.env, { SMTP_URL: smtp.url })),
  );
  const notes: string[] = [];
  const loads: InstancesResult["loads"] = [];
  try {
    const [first, ...others] = servers as [ServerProcess, ...ServerProcess[]];
    const sessions = new Map<string, Session>();
    for (const r of o.reads) {
      if (!sessions.has(r.user)) sessions.set(r.user, await signIn(first.url, r.user, o.password));
    }
    for (const server of others) {
      for (const [user, session] of sessions) {
        const me = await ok(session, "/api/auth/me", { url: server.url });
        if (!me.body.toString().includes(user))
          throw new RequestFailure(`${server.label} did not know ${user}'s session`);
      }
    }
    notes.push(`sessions made on instance 1 answered on all ${o.instances}`);
    const across = async (label: string, run: (server: ServerProcess, connections: number) => Promise<LoadResult>) => {
      const each = await Promise.all(servers.map((s) => run(s, Math.max(1, Math.round(8 / servers.length)))));
      const result: LoadResult = {
        connections: each.reduce((n, r) => n + r.connections, 0),
        requests: each.reduce((n, r) => n + r.requests, 0),
        seconds: Math.max(...each.map((r) => r.seconds)),
        rps: each.reduce((n, r) => n + r.rps, 0),
        p50: Math.max(...each.map((r) => r.p50)),
        p975: Math.max(...each.map((r) => r.p975)),
        p99: Math.max(...each.map((r) => r.p99)),
      };
      loads.push({ label, result });
    };
    for (const r of o.reads) {
      const session = sessions.get(r.user) as Session;
      await across(r.label, (server, connections) =>
        load({ url: server.url, path: r.path, headers: headersOf(session, server.url) }, o.window(connections)),
      );
    }
    await across("sign-in", (server, connections) =>
      load(
        {
          url: server.url,
          method: "POST",
          path: "/api/auth/login",
          headers: { "content-type": "application/json", origin: server.url },
          body: JSON.stringify({ email: o.signInEmail, password: o.password }),
        },
        o.window(connections),
      ),
    );
    notes.push(`every read and sign-in answered 2xx from each instance under load`);

    const ids = queued.map((q) => q.id);
    const deadline = Date.now() + 150_000;
    for (;;) {
      const [left] = await query<{ n: number }>(
        database,
        "select count(*)::int as n from outbox_messages where id = any($1::uuid[]) and status in ('queued', 'sending')",
        [ids],
      );
      if ((left?.n ?? 1) === 0) break;
      if (Date.now() > deadline) throw new Error(`${left?.n} queued e-mails were not sent within 150 s`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const received = smtp.received.map((m) => m.messageId);
    const times = ids.map((id) => received.filter((m) => m.includes(id)).length);
    if (times.some((n) => n !== 1)) {
      throw new Error(`e-mail: of ${messages} queued, received ${times.join(", ")} times each; expected once each`);
    }
    notes.push(`${messages} e-mails queued before the instances started were sent once each (the outbox job ran once)`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    await smtp.close();
  }
  return { instances: o.instances, notes, loads };
}
