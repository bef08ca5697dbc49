import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("GET /api/openapi.json", () => {
  it("describes every API route of the app as OpenAPI 3.1", async () => {
    const res = await t.call("GET", "/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    for (const stable of [
      "GET /api/health",
      "POST /api/auth/login",
      "POST /api/auth/logout",
      "GET /api/auth/me",
      "GET /api/institutions",
      "POST /api/webcruiter-import",
      "GET /api/clinical-systems",
      "POST /api/clinical-systems",
      "PATCH /api/clinical-systems/:id",
      "GET /api/access-profiles",
      "POST /api/access-profiles",
      "PATCH /api/access-profiles/:id",
      "POST /api/orders",
      "POST /api/orders/:id/cancel",
      "GET /api/orders",
      "GET /api/orders/:id",
      "GET /api/orders/:id/export",
      "POST /api/orders/:id/mark-ordered",
      "GET /api/order-lines",
      "POST /api/order-lines/approve",
      "POST /api/order-lines/reject",
      "POST /api/order-lines/implement",
      "GET /api/readiness",
      "POST /api/orders/status-import",
    ]) {
      expect(documented, stable).toContain(stable);
    }
    const routes = t.app
      .printRoutes({ commonPrefix: false, includeHooks: false, method: undefined })
      .split("\n")
      .filter((l) => l.includes("/api/"));
    expect(routes.length).toBeGreaterThan(0);
  });

  it("serves the API documentation page", async () => {
    const res = await t.call("GET", "/api/docs/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger");
  });
});
