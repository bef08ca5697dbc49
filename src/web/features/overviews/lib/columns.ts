import type { Row, RowField, Sheet } from "../../../../contracts/overviews.ts";
import { type ColumnKey, templateColumns } from "../../../../domain/overview-template.ts";

/** What a grid column holds and how its cells are edited. */
export type CellKind = "text" | "date" | "nationalId" | "site" | "state" | "comments" | "actions";

export interface GridColumn {
  /** The template's column key, or the grid's own comments/actions columns. */
  key: ColumnKey | "comments" | "actions";
  /** The row field the column edits; null for read-only and button columns. */
  field: RowField | null;
  kind: CellKind;
  /** The two name columns stay in view on horizontal scroll (from 768 px). Columns are as wide as their content. */
  frozen?: boolean;
}

const fieldOf: Partial<Record<ColumnKey, RowField>> = {
  lastName: "lastName",
  firstName: "firstName",
  nationalId: "nationalId",
  birthDate: "birthDate",
  nationality: "nationality",
  email: "email",
  mobile: "mobile",
  homeInstitution: "homeInstitution",
  studyProgramme: "studyProgramme",
  placementSite: "placementSiteId",
  startDate: "startDate",
  endDate: "endDate",
  dNumber: "dNumber",
  previousUsername: "previousUsername",
};

const kindOf = (key: ColumnKey): CellKind => {
  if (key === "nationalId" || key === "dNumber") return "nationalId";
  if (key === "startDate" || key === "endDate" || key === "birthDate") return "date";
  if (key === "placementSite") return "site";
  if (key === "registered" || key === "ordered" || key === "learningPortalUser") return "state";
  return "text";
};

/** The grid's columns in the template's order (SPEC §3.6), comments and row actions last. */
export function gridColumns(kind: Sheet["kind"]): GridColumn[] {
  const columns: GridColumn[] = [];
  for (const c of templateColumns[kind]) {
    if (c.key === "rowId") continue;
    if (c.key === "comment") {
      columns.push({ key: "comments", field: null, kind: "comments" });
      continue;
    }
    columns.push({
      key: c.key,
      field: fieldOf[c.key] ?? null,
      kind: kindOf(c.key),
      frozen: c.key === "lastName" || c.key === "firstName",
    });
  }
  columns.push({ key: "actions", field: null, kind: "actions" });
  return columns;
}

/** "Etternavn, Fornavn" of a row, for labels and messages. */
export function rowLabel(row: Pick<Row, "lastName" | "firstName">, fallback: string): string {
  const name = [row.lastName, row.firstName].filter((s) => s.trim()).join(", ");
  return name || fallback;
}
