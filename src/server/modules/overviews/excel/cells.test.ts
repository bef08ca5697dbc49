import { describe, expect, it } from "vitest";
import { neutralise, plainValue, unneutralise } from "./cells.ts";

describe("neutralise", () => {
  it("puts an apostrophe before text a spreadsheet would take for a formula, and unneutralise takes it away", () => {
    const cases: [string, string][] = [
      ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
      ["+Ola", "'+Ola"],
      ["-ola", "'-ola"],
      ["@ola", "'@ola"],
      ["\tfoo", "'\tfoo"],
      ["\rfoo", "'\rfoo"],
      ["'=already", "''=already"],
      ["''+x", "'''+x"],
      ["'plain", "'plain"],
      ["Nordmann", "Nordmann"],
      ["", ""],
      ["+47 912 34 567", "+47 912 34 567"],
      ["+4791234567", "+4791234567"],
      ["-1", "-1"],
      ["-1,5", "-1,5"],
      ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
      ["-2+3", "'-2+3"],
    ];
    for (const [text, written] of cases) {
      expect(neutralise(text)).toBe(written);
      expect(unneutralise(written)).toBe(text);
    }
  });
});

describe("plainValue", () => {
  it("reduces exceljs cell shapes to plain values", () => {
    const date = new Date(Date.UTC(2027, 2, 1));
    expect(plainValue({ richText: [{ text: "Kari " }, { text: "Nordmann" }] })).toBe("Kari Nordmann");
    expect(plainValue({ text: "kari@hvl.no", hyperlink: "mailto:kari@hvl.no" })).toBe("kari@hvl.no");
    expect(plainValue({ text: "", hyperlink: "mailto:kari@hvl.no?subject=Hei" })).toBe("kari@hvl.no");
    expect(plainValue({ text: { richText: [{ text: "a@b.no" }] }, hyperlink: "mailto:x@y.no" })).toBe("a@b.no");
    expect(plainValue({ formula: "A1", result: date })).toBe(date);
    expect(plainValue({ sharedFormula: "A1", result: 5 })).toBe(5);
    expect(plainValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(plainValue({ formula: "A1" })).toBeNull();
    expect(plainValue(undefined)).toBeNull();
    expect(plainValue(true)).toBe(true);
  });

  it("drops NUL characters from text, which PostgreSQL text cannot hold", () => {
    expect(plainValue("Nord\u0000mann")).toBe("Nordmann");
    expect(plainValue({ richText: [{ text: "Ka\u0000ri" }] })).toBe("Kari");
    expect(plainValue({ text: "kari@hvl.no\u0000", hyperlink: "mailto:kari@hvl.no" })).toBe("kari@hvl.no");
  });
});
