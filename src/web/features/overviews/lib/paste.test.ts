import { describe, expect, it } from "vitest";
import { fieldInfos } from "../../../../domain/placement-row/fields.ts";
import { sheetKinds } from "../../../../domain/sheet-kind.ts";
import { parseTabular, rowsFromPaste } from "./paste.ts";

describe("paste from Excel", () => {
  it("reads tab-separated lines, quoted cells and Windows line ends", () => {
    expect(parseTabular('a\tb\r\n"c\nd"\t"e ""x"""\r\n\r\n')).toEqual([
      ["a", "b"],
      ["c\nd", 'e "x"'],
    ]);
  });

  it("uses the template's column order without a header row", () => {
    const pasted = rowsFromPaste("Nordmann\tOla\t01019012345\tola@example.no\t912 34 567", "norwegian");
    expect(pasted.header).toBe(false);
    expect(pasted.rows).toEqual([
      {
        lastName: "Nordmann",
        firstName: "Ola",
        nationalId: "01019012345",
        email: "ola@example.no",
        mobile: "912 34 567",
      },
    ]);
  });

  it("matches columns by header in any order and ignores state and unknown columns", () => {
    const text = "Fornavn\tEtternavn\tPraksissted\tRegistrert\tSkostørrelse\nKari\tNordmann\tAkuttmottaket\tJa\t38\n";
    const pasted = rowsFromPaste(text, "norwegian");
    expect(pasted.header).toBe(true);
    expect(pasted.rows).toEqual([{ firstName: "Kari", lastName: "Nordmann", placementSiteName: "Akuttmottaket" }]);
    expect(pasted.ignored).toEqual(["Registrert", "Skostørrelse"]);
  });

  it("accepts English headers on an international sheet", () => {
    const pasted = rowsFromPaste("Surname\tFirst name\tNationality\nSmith\tAnna\tSwedish", "international");
    expect(pasted.rows).toEqual([{ lastName: "Smith", firstName: "Anna", nationality: "Swedish" }]);
  });
});

describe("paste of every field", () => {
  for (const kind of sheetKinds) {
    it(`reads each field of a ${kind} sheet by its header in either language, the site by name`, () => {
      const fields = fieldInfos.filter((f) => f.sheets[kind]);
      for (const lang of ["nb", "en"] as const) {
        const text = `${fields.map((f) => f.headers[lang]).join("\t")}\n${fields.map((f) => `v-${f.key}`).join("\t")}`;
        const pasted = rowsFromPaste(text, kind);
        expect(pasted.header).toBe(true);
        expect(pasted.rows).toEqual([Object.fromEntries(fields.map((f) => [f.cellKey, `v-${f.key}`]))]);
      }
    });
  }
});
