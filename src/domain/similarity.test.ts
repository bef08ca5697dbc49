import { describe, expect, it } from "vitest";
import { levenshtein, nameSimilarity, nearestNames, normalizeName } from "./similarity.ts";

const demoSites = [
  "Medisinsk avdeling, post 3",
  "Kirurgisk avdeling, post 2",
  "Barne- og ungdomsklinikken",
  "Akuttmottaket",
  "Kvinneklinikken",
  "Hjerteavdelinga, post 1",
  "Nevrologisk avdeling, post 4",
  "Radiologisk avdeling",
  "Laboratorium for klinisk biokjemi",
  "Fysioterapiavdelinga",
];

describe("similarity", () => {
  it("normalizes case, punctuation and spaces", () => {
    expect(normalizeName("  Hjerteavdelingen,  Post 1 ")).toBe("hjerteavdelingen post 1");
    expect(normalizeName("Barne- og ungdomsklinikken")).toBe("barne og ungdomsklinikken");
  });

  it("counts edits", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("same", "same")).toBe(0);
  });

  it("scores the same name 1 and unlike names low", () => {
    expect(nameSimilarity("Akuttmottaket", "akuttmottaket")).toBe(1);
    expect(nameSimilarity("Akuttmottaket", "Radiologisk avdeling")).toBeLessThan(0.4);
  });

  it("suggests Hjerteavdelinga, post 1 first for Hjerteavdelingen, post 1", () => {
    const nearest = nearestNames("Hjerteavdelingen, post 1", demoSites);
    expect(nearest).toHaveLength(3);
    expect(nearest[0]).toBe("Hjerteavdelinga, post 1");
  });

  it("gives fewer names when the list is short", () => {
    expect(nearestNames("x", ["a"])).toEqual(["a"]);
  });
});
