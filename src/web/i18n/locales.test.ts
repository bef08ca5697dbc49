import { describe, expect, it } from "vitest";
import en from "./en.json";
import nb from "./nb.json";
import nn from "./nn.json";

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") result.set(path, value);
    else if (value && typeof value === "object") for (const [k, v] of flatten(value, path)) result.set(k, v);
    else result.set(path, String(value));
  }
  return result;
}

/** {{name}}-style interpolations and {name}/{count, plural, …} ICU arguments, sorted. */
function placeholders(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) found.add(`{{${m[1]}}}`);
  const withoutI18next = text.replace(/\{\{[^}]*\}\}/g, "");
  for (const m of withoutI18next.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g))
    found.add(`{${m[1]}${m[2] ? `,${m[2]}` : ""}}`);
  for (const m of text.matchAll(/\$t\(([^)]+)\)/g)) found.add(`$t(${m[1]})`);
  return [...found].sort();
}

const locales = { nb: flatten(nb as Tree), nn: flatten(nn as Tree), en: flatten(en as Tree) };
const master = locales.nb;

describe("locales", () => {
  it("nb (the master) has keys", () => {
    expect(master.size).toBeGreaterThan(100);
  });

  for (const [name, locale] of Object.entries(locales)) {
    it(`${name} has exactly the keys of nb`, () => {
      const missing = [...master.keys()].filter((k) => !locale.has(k));
      const extra = [...locale.keys()].filter((k) => !master.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${name} has no empty strings`, () => {
      const empty = [...locale].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${name} has the same placeholders as nb`, () => {
      const differing = [...master]
        .filter(([key]) => locale.has(key))
        .filter(([key, text]) => placeholders(text).join("|") !== placeholders(locale.get(key) ?? "").join("|"))
        .map(([key, text]) => ({ key, nb: placeholders(text), [name]: placeholders(locale.get(key) ?? "") }));
      expect(differing).toEqual([]);
    });
  }
});
