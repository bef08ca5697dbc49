import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { errorSchema, okSchema } from "../../contracts/common.ts";
import { institutionSchema } from "../../contracts/institutions.ts";
import { ApiRequestError, apiGet, apiSend, isErrorBody } from "./api.ts";

const institution = { id: "0b7f4c1e-8a51-4f0e-9c6a-3c2d9e1f5a10", name: "Universitetet i Bergen", shortName: "UiB" };

/** The next fetch answers with this status and body; returns the mock to read the request from. */
function answer(status: number, body: unknown, statusText = "") {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  const fetch = vi.fn(async () => new Response(text, { status, statusText }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("apiGet and apiSend parse the answer with the contract's schema", () => {
  it("resolves with the parsed answer when it matches", async () => {
    answer(200, [{ ...institution, extra: "dropped" }]);
    await expect(apiGet("/api/institutions", z.array(institutionSchema))).resolves.toEqual([institution]);
  });

  it("rejects an answer that does not match the schema", async () => {
    answer(200, [{ id: institution.id, name: "Universitetet i Bergen" }]);
    await expect(apiGet("/api/institutions", z.array(institutionSchema))).rejects.toBeInstanceOf(z.ZodError);
    answer(200, { ok: false });
    await expect(apiSend("DELETE", "/api/agreements/x", okSchema)).rejects.toBeInstanceOf(z.ZodError);
  });

  it("loads a schema given as a function before it parses, and rejects a mismatch the same way", async () => {
    const load = vi.fn(async () => z.array(institutionSchema));
    answer(200, [institution]);
    await expect(apiGet("/api/institutions", load)).resolves.toEqual([institution]);
    expect(load).toHaveBeenCalledOnce();
    answer(200, [{ id: institution.id }]);
    await expect(apiGet("/api/institutions", load)).rejects.toBeInstanceOf(z.ZodError);
    answer(200, { ok: true });
    await expect(apiSend("POST", "/api/auth/logout", async () => okSchema)).resolves.toEqual({ ok: true });
  });

  it("sends the query without empty values, and state changes with a JSON body", async () => {
    const get = answer(200, [institution]);
    await apiGet("/api/overviews", z.array(institutionSchema), { institutionId: "a b", q: undefined, n: 0, e: "" });
    expect(get).toHaveBeenCalledWith(
      "/api/overviews?institutionId=a+b&n=0",
      expect.objectContaining({ method: "GET" }),
    );
    const send = answer(200, { ok: true });
    await apiSend("POST", "/api/auth/logout", okSchema);
    expect(send).toHaveBeenCalledWith(
      "/api/auth/logout",
      expect.objectContaining({ method: "POST", body: "{}", credentials: "same-origin" }),
    );
  });
});

describe("a failed call is an ApiRequestError", () => {
  it("carries the server's problem details", async () => {
    const details = { issues: [{ path: "name", message: "Required" }] };
    answer(400, { code: "validation.failed", message: "Some fields are not valid.", details });
    const error = await apiSend("POST", "/api/institutions", institutionSchema, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: "validation.failed", details });
  });

  it("is coded by the status when the body is no problem details, and network.failed without an answer", async () => {
    answer(502, "<html>Bad gateway</html>", "Bad Gateway");
    await expect(apiGet("/api/dashboard", okSchema)).rejects.toMatchObject({ status: 502, code: "http.502" });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    await expect(apiGet("/api/dashboard", okSchema)).rejects.toMatchObject({ status: 0, code: "network.failed" });
  });
});

describe("isErrorBody checks what errorSchema checks, without Zod", () => {
  it.each([
    { code: "auth.invalid", message: "Wrong e-mail or password." },
    { code: "validation.failed", message: "Some fields are not valid.", details: { issues: [] } },
    { code: "x", message: "y", details: {}, extra: 1 },
    { code: "x" },
    { code: 1, message: "y" },
    { code: "x", message: "y", details: [] },
    { code: "x", message: "y", details: null },
    "Bad gateway",
    null,
    [],
  ])("%j", (body) => {
    expect(isErrorBody(body)).toBe(errorSchema.safeParse(body).success);
  });
});
