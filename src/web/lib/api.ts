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

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

function isErrorBody(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/**
 * Calls the API on the same origin with the session cookie. State-changing requests always send
 * a JSON body (the server checks Content-Type and Origin). Throws ApiRequestError on failure.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  };
  if (method !== "GET") {
    init.headers = { Accept: "application/json", "Content-Type": "application/json" };
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiRequestError(0, { code: "network.failed", message: "The server could not be reached." });
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiRequestError(
      response.status,
      isErrorBody(data) ? data : { code: `http.${response.status}`, message: response.statusText },
    );
  }
  return data as T;
}

export const apiGet = <T>(path: string) => apiRequest<T>("GET", path);
export const apiPost = <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, body);
export const apiPatch = <T>(path: string, body?: unknown) => apiRequest<T>("PATCH", path, body);
export const apiDelete = <T>(path: string) => apiRequest<T>("DELETE", path);

/** GET whose answer is parsed with the contract's schema, so a page never works on a shape it did not expect. */
export const apiGetParsed = async <S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> =>
  schema.parse(await apiRequest<unknown>("GET", path));
