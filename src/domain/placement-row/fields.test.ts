import { describe, expect, it } from "vitest";
import { rowFieldSchema, rowInputSchema, rowSchema } from "../../contracts/overviews.ts";
import { columnForHeader, templateColumns } from "../overview-template.ts";
import { sheetKinds } from "../sheet-kind.ts";
import { changedFieldsOf, displayValue } from "./changes.ts";
import { cellValuesOf, emptyRow, fieldInfo, fieldInfos, fieldOfColumn, rowFields, trackedFields } from "./fields.ts";

const rowValueKeys = (f: (typeof fieldInfos)[number]) =>
  f.form === "nationalId" ? [`${f.key}Masked`] : f.form === "site" ? [f.key, f.cellKey] : [f.key];

describe("the row's field registry", () => {
  it("names the contract's row fields, row input and tracked fields, in its order", () => {
    expect(rowFieldSchema.options).toEqual(fieldInfos.map((f) => f.key));
    expect(rowFields).toEqual(fieldInfos.map((f) => f.key));
    expect(trackedFields).toEqual(rowFields);
    const inputKeys = fieldInfos.flatMap((f) => (f.form === "site" ? [f.key, f.cellKey] : [f.key]));
    expect(Object.keys(rowInputSchema.shape)).toEqual(inputKeys);
  });

  it("gives the contract's row exactly its values, besides the row's own id, version, states and history", () => {
    const own = ["id", "sheetId", "version", "position", "personId"];
    const after = ["registrationState", "orderState", "learningPortalState", "problems", "changes", "comments"];
    expect(Object.keys(rowSchema.shape)).toEqual([
      ...own,
      ...fieldInfos.flatMap(rowValueKeys),
      ...after,
      "addedAfterSubmission",
      "anonymisedAt",
      "withdrawn",
      "extendedFrom",
    ]);
  });

  it("takes each field's input up to its length, and the site by id or by name", () => {
    for (const f of fieldInfos) {
      if (f.form === "site") {
        expect(rowInputSchema.safeParse({ [f.key]: null, [f.cellKey]: "x".repeat(f.maxLength) }).success).toBe(true);
        expect(rowInputSchema.safeParse({ [f.key]: "not a uuid" }).success).toBe(false);
      } else {
        expect(rowInputSchema.safeParse({ [f.key]: "x".repeat(f.maxLength) }).success).toBe(true);
      }
      expect(rowInputSchema.safeParse({ [f.cellKey]: "x".repeat(f.maxLength + 1) }).success).toBe(false);
    }
  });

  it("has a header in both languages for every field, each found on every sheet kind that has the column", () => {
    for (const f of fieldInfos) {
      expect(f.headers.nb.trim()).not.toBe("");
      expect(f.headers.en.trim()).not.toBe("");
      const kinds = sheetKinds.filter((k) => f.sheets[k]);
      expect(kinds.length).toBeGreaterThan(0);
      for (const kind of kinds) {
        expect(columnForHeader(kind, f.headers.nb)).toBe(f.column);
        expect(columnForHeader(kind, f.headers.en)).toBe(f.column);
        for (const alias of f.sheets[kind]?.aliases ?? []) expect(columnForHeader(kind, alias)).toBe(f.column);
      }
    }
  });

  it("names every field in bokmål, nynorsk and English for change texts, as the template does where it can", () => {
    for (const f of fieldInfos) {
      expect(f.names.nb).toBe(f.headers.nb);
      for (const name of Object.values(f.names)) expect(name.trim()).not.toBe("");
    }
    expect(fieldInfo("placementSiteId").names).toEqual({ nb: "Praksissted", nn: "Praksisstad", en: "Placement site" });
    expect(fieldInfo("dNumber").names.en).toBe("D-number");
  });

  it("puts its fields into each template in its order, in the sheet's language, before the state and comment columns", () => {
    for (const kind of sheetKinds) {
      const fields = fieldInfos.filter((f) => f.sheets[kind]);
      const columns = templateColumns[kind].slice(0, fields.length);
      expect(columns.map((c) => c.key)).toEqual(fields.map((f) => f.column));
      expect(columns.map((c) => c.header)).toEqual(
        fields.map((f) => (kind === "international" ? f.headers.en : f.headers.nb)),
      );
      expect(templateColumns[kind].slice(fields.length).every((c) => !fieldOfColumn(c.key))).toBe(true);
    }
  });

  it("says in one place that the placement site column is typed as a name and held as an id and a name", () => {
    const site = fieldOfColumn("placementSite");
    expect(site).toMatchObject({ key: "placementSiteId", cellKey: "placementSiteName", form: "site" });
    expect(fieldInfo("placementSiteName")).toBe(site);
    expect(emptyRow.placementSiteId).toBeNull();
    const d = { ...emptyRow, placementSiteId: "s1", placementSiteName: "Akuttmottaket" };
    expect(cellValuesOf(d).placementSiteName).toBe("Akuttmottaket");
    expect(displayValue(d, "placementSiteId")).toBe("Akuttmottaket");
    expect(changedFieldsOf(d, { ...d, placementSiteName: "Akuttmottaket (ny)" })).toEqual([]);
    expect(
      changedFieldsOf({ ...d, placementSiteId: null }, { ...d, placementSiteId: null, placementSiteName: "B" }),
    ).toEqual(["placementSiteId"]);
  });

  it("holds every field of an empty row as empty, the site's id as null", () => {
    for (const f of fieldInfos) expect(emptyRow[f.cellKey]).toBe("");
    expect(Object.keys(cellValuesOf(emptyRow))).toEqual(fieldInfos.map((f) => f.cellKey));
  });
});
