import { describe, expect, it } from "vitest";
import { documentName, fileName, nextSheetName, sheetName } from "./naming-standard.ts";
import { columnForHeader } from "./overview-template.ts";
import { orderColour, registrationColour, registrationStateOf } from "./statuses.ts";

const group = { institution: "HVL", programme: "Sykepleie", cohort: 2024 };

describe("naming standard", () => {
  it("names documents, sheets and files as the procedure does", () => {
    expect(documentName(group)).toBe("HVL Sykepleie kull 2024");
    expect(fileName(group)).toBe("Praksisoversikt HVL Sykepleie kull 2024.xlsx");
    expect(sheetName({ label: "Periode", n: 1, international: false })).toBe("Periode 1");
    expect(sheetName({ label: "Semester", n: 5, international: false })).toBe("Semester 5");
    expect(sheetName({ label: "Periode", n: 1, international: true })).toBe("Internasjonale – Periode 1");
  });

  it("follows a trust's own patterns and keeps file names safe", () => {
    const own = {
      document: "{cohort} {institution}/{programme}",
      sheet: "{label} {n}",
      internationalSheet: "Int {n}",
      file: "{institution}/{programme}.xlsx",
    };
    expect(documentName(group, own)).toBe("2024 HVL/Sykepleie");
    expect(fileName(group, own)).toBe("HVL-Sykepleie.xlsx");
  });

  it("names the next period's sheet when one is copied", () => {
    expect(nextSheetName("Periode 2")).toBe("Periode 3");
    expect(nextSheetName("Internasjonale – Semester 5")).toBe("Internasjonale – Semester 6");
    expect(nextSheetName("Høst")).toBeNull();
  });
});

describe("template headers", () => {
  it("are found in either language, with stray spaces and case", () => {
    expect(columnForHeader("norwegian", "  fødselsnummer ")).toBe("nationalId");
    expect(columnForHeader("norwegian", "Surname")).toBe("lastName");
    expect(columnForHeader("international", "Etternavn")).toBe("lastName");
    expect(columnForHeader("international", "D-number (if any)")).toBe("dNumber");
    expect(columnForHeader("norwegian", "Rad-ID")).toBe("rowId");
    expect(columnForHeader("norwegian", "Skostørrelse")).toBeNull();
  });
});

describe("Registrert and Bestilt", () => {
  it("are yellow until done and green when done", () => {
    expect(registrationColour(registrationStateOf(null))).toBe("yellow");
    expect(registrationStateOf({ registeredAt: new Date(), hrTransferredAt: null })).toBe("registered");
    expect(registrationColour("registered")).toBe("yellow");
    expect(registrationColour(registrationStateOf({ registeredAt: new Date(), hrTransferredAt: new Date() }))).toBe(
      "green",
    );
    expect(orderColour("not_ordered")).toBe("yellow");
    expect(orderColour("ordered")).toBe("green");
    expect(orderColour("implemented")).toBe("green");
    expect(orderColour("rejected")).toBe("red");
  });
});
