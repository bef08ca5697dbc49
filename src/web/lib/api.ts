import type { z } from "zod";
import type { ApiError } from "../../contracts/common.ts";

/** A failed API call: the HTTP status and the server's stable error code, message and details. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiError["details"];

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

export function isApiError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

/** The error of a call the server never answered. */
export const networkError = () =>
  new ApiRequestError(0, { code: "network.failed", message: "The server could not be reached." });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether a body is the server's error answer (`errorSchema` in src/contracts/common.ts), checked
 * without Zod: the sign-in page shows these errors and does not load Zod (docs/performance.md).
 */
export function isErrorBody(data: unknown): data is ApiError {
  if (!isRecord(data)) return false;
  const { code, message, details } = data;
  return typeof code === "string" && typeof message === "string" && (details === undefined || isRecord(details));
}

/**
 * The error of a failed answer: the server's problem details when the body is one, else a code by
 * the HTTP status (`http.502`) or the one given (`upload.too_large` for a 413 of the proxy).
 */
export function answerError(status: number, data: unknown, statusText: string, fallbackCode?: string) {
  return new ApiRequestError(
    status,
    isErrorBody(data) ? data : { code: fallbackCode ?? `http.${status}`, message: statusText },
  );
}

/** The JSON of a response text; null when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

type SendMethod = "POST" | "PATCH" | "PUT" | "DELETE";

/** Query parameters; those without a value are left out. */
export type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query: Query | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Calls the API on the same origin with the session cookie. State-changing requests always send
 * a JSON body (the server checks Content-Type and Origin). Throws ApiRequestError on failure.
 */
function init(method: "GET" | SendMethod, body: unknown): RequestInit {
  if (method === "GET") return { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  return {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body ?? {}),
  };
}

async function send(method: "GET" | SendMethod, path: string, body: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init(method, body));
  } catch {
    throw networkError();
  }
  if (!response.ok) throw answerError(response.status, parseJson(await response.text()), response.statusText);
  return response;
}

async function request(method: "GET" | SendMethod, path: string, body?: unknown): Promise<unknown> {
  return parseJson(await (await send(method, path, body)).text());
}

/**
 * A contract's schema, or a function that loads it: the calls of the sign-in page and the shell
 * load their schema (and with it Zod) only when an answer is to be parsed.
 */
export type SchemaSource<S extends z.ZodType> = S | (() => Promise<S>);

const parsed = async <S extends z.ZodType>(source: SchemaSource<S>, answer: unknown): Promise<z.output<S>> =>
  (typeof source === "function" ? await source() : source).parse(answer);

/** GET whose answer is JSON taken as it is; for the few answers checked without a schema. */
export const apiGetJson = (path: string, query?: Query): Promise<unknown> => request("GET", withQuery(path, query));

/**
 * GET whose answer is parsed with the contract's schema (the one the server's route answers with),
 * so a page never works on a shape it did not expect: a mismatch rejects with the ZodError.
 */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: SchemaSource<S>,
  query?: Query,
): Promise<z.output<S>> {
  return parsed(schema, await request("GET", withQuery(path, query)));
}

/** POST, PATCH, PUT or DELETE with a JSON body; the answer is parsed with the contract's schema. */
export async function apiSend<S extends z.ZodType>(
  method: SendMethod,
  path: string,
  schema: SchemaSource<S>,
  body?: unknown,
): Promise<z.output<S>> {
  return parsed(schema, await request(method, path, body));
}

/** A request whose answer is a file (an export, made by a GET or a POST): its body and headers. */
export const apiDownload = async (method: "GET" | SendMethod, path: string, body?: unknown) => {
  const response = await send(method, path, body);
  return { blob: await response.blob(), headers: response.headers };
};

/**
 * POST of a multipart form with a file (an import), parsed with the contract's schema like `apiSend`.
 * Uses XMLHttpRequest so that the upload's progress can be shown; a 413 without problem details is a
 * proxy refusing the upload (`upload.too_large`).
 */
export function apiUpload<S extends z.ZodType>(
  path: string,
  schema: S,
  form: FormData,
  options: { query?: Query; onProgress?: (fraction: number) => void } = {},
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", withQuery(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && options.onProgress) options.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const answer = schema.safeParse(data);
        if (answer.success) resolve(answer.data);
        else reject(answer.error);
        return;
      }
      reject(answerError(xhr.status, data, xhr.statusText, xhr.status === 413 ? "upload.too_large" : undefined));
    };
    xhr.send(form);
  });
}
