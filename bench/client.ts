import { queryCountHeader } from "../src/server/shared/query-count.ts";

/** Single requests to a server as a browser of its own origin sends them (cookie, Origin). */
export interface Session {
  url: string;
  cookie: string;
}

export class RequestFailure extends Error {}

export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new RequestFailure(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const token = /pt_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!token) throw new RequestFailure(`sign-in of ${email} set no session cookie`);
  return { url, cookie: `pt_session=${token}` };
}

/** Headers of a request in `session` (to the same or another instance). */
export const headersOf = (session: Session, url = session.url): Record<string, string> => ({
  cookie: session.cookie,
  origin: url,
});

export interface Answer {
  status: number;
  body: Buffer;
  /** Statements the request ran (benchmark mode's header); null when the server does not count. */
  queries: number | null;
}

export async function request(
  session: Session,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; url?: string } = {},
): Promise<Answer> {
  const url = init.url ?? session.url;
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? "GET",
    headers: { ...headersOf(session, url), ...init.headers },
    body: typeof init.body === "string" || init.body === undefined ? init.body : new Uint8Array(init.body),
  });
  const body = Buffer.from(await res.arrayBuffer());
  const counted = res.headers.get(queryCountHeader);
  return { status: res.status, body, queries: counted === null ? null : Number(counted) };
}

/** Like `request`, but anything other than 2xx fails with the path and status. */
export async function ok(session: Session, path: string, init: Parameters<typeof request>[2] = {}): Promise<Answer> {
  const answer = await request(session, path, init);
  if (answer.status < 200 || answer.status > 299) {
    throw new RequestFailure(
      `${init.method ?? "GET"} ${path} answered ${answer.status}: ${answer.body.toString().slice(0, 300)}`,
    );
  }
  return answer;
}

/** A multipart/form-data body with the workbook as `file` and the new sheet's period as `periods`. */
export function importBody(
  workbook: Buffer,
  periods: Record<string, { startDate: string; endDate: string }>,
): {
  body: Buffer;
  contentType: string;
} {
  const boundary = "----praksistilgang-bench";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="periods"\r\n\r\n${JSON.stringify(periods)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="oversikt.xlsx"\r\n` +
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
    ),
    workbook,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
