import { describe, expect, it } from "vitest";
import { browserLanguage } from "./language.ts";

describe("browserLanguage", () => {
  it("takes the first of the browser's languages that the form has", () => {
    expect(browserLanguage(["nn-NO", "nb"])).toBe("nn");
    expect(browserLanguage(["de-DE", "no"])).toBe("nb");
    expect(browserLanguage(["en-GB", "nb-NO"])).toBe("en");
  });

  it("answers English for a browser that asks only for other languages, bokmål for none", () => {
    expect(browserLanguage(["sv-SE", "de"])).toBe("en");
    expect(browserLanguage([])).toBe("nb");
  });
});
