import type { Language } from "../../../../contracts/vocabulary.ts";
import type { AuditFilter } from "./listAudit.ts";

/**
 * GET /api/audit/export.csv — the filtered log as a CSV file in the page's language, for a plain
 * download link (the browser sends the session cookie; the server audits the download).
 */
export function auditExportUrl(filter: AuditFilter, language: Language): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) search.set(key, value);
  search.set("lang", language);
  return `/api/audit/export.csv?${search.toString()}`;
}
