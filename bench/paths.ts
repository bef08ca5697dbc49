import type { Fixtures } from "./fixtures.ts";
import type { OrderSheet } from "./generate-orders.ts";

/** The paths, bodies and labels that more than one phase of a run (run.ts) measures. */

export const registrationsOf = (id: string) => `/api/campaigns/${id}/registrations`;

export const readinessOf = (x: Fixtures) =>
  `/api/readiness?from=${x.orders.readiness.from}&to=${x.orders.readiness.to}`;

export const exportPathOf = (id: string) => `/api/orders/${id}/export?format=xlsx`;

/** The overview list's first page (50 by name) of the `n` documents it pages through. */
export const firstPage = (n: number) => (n > 50 ? `first 50 of ${n} documents` : `${n} documents`);

/** An order of every row of the sheet, its warnings accepted. */
export const orderOf = (sheet: OrderSheet) =>
  JSON.stringify({ sheetId: sheet.sheetId, rowIds: sheet.rowIds, acceptWarnings: true });

export const jsonPost = (body: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body,
});
