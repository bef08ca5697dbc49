import { describe, expect, it } from "vitest";
import nb from "../web/i18n/nb.json";
import { pickSignInTexts, signInSections } from "./sign-in-texts.ts";

describe("the sign-in texts", () => {
  it("are the named sections of nb.json, whole, and single texts where a key is named", () => {
    const picked = pickSignInTexts(nb);
    expect(picked.login).toEqual(nb.login);
    expect(picked.errors).toEqual(nb.errors);
    expect(picked.accessibility).toEqual({ title: nb.accessibility.title });
    expect(Object.keys(picked).sort()).toEqual([...new Set(signInSections.map((p) => p.split(".")[0]))].sort());
  });

  it("leave out the texts of the lazy pages", () => {
    const picked = pickSignInTexts(nb);
    expect(picked.overviews).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(nb).length / 4);
  });

  it("refuse a section or text nb.json does not have", () => {
    expect(() => pickSignInTexts({ app: {} })).toThrow(/no section common/);
    const withoutTitle = { ...nb, accessibility: {} };
    expect(() => pickSignInTexts(withoutTitle)).toThrow(/no text accessibility.title/);
  });
});
