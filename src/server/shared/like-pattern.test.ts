import { describe, expect, it } from "vitest";
import { containsPattern } from "./like-pattern.ts";

describe("containsPattern", () => {
  it("wraps the text in % and escapes what ilike would read as wildcards", () => {
    expect(containsPattern("Haug")).toBe("%Haug%");
    expect(containsPattern("100%")).toBe("%100\\%%");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
    expect(containsPattern("c:\\x")).toBe("%c:\\\\x%");
  });
});
