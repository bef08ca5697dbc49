import { describe, expect, it } from "vitest";
import { dashboardItemKeySchema } from "../../../../contracts/dashboard.ts";
import en from "../../../i18n/en.json";
import nb from "../../../i18n/nb.json";
import nn from "../../../i18n/nn.json";
import { zeroHints } from "./items.ts";

type Texts = Record<string, Record<string, string>>;
const locales = { nb: nb.dashboard as Texts, nn: nn.dashboard as Texts, en: en.dashboard as Texts };

/** The texts a card with this key may need: its count in the singular and plural, and what zero says. */
function textsFor(key: (typeof dashboardItemKeySchema.options)[number]): string[] {
  const hint = zeroHints[key];
  return [
    `items.${key}_one`,
    `items.${key}_other`,
    ...(hint ? [`empty.${key}`] : []),
    ...(hint && !hint.everyone ? [`emptyReadOnly.${key}`] : []),
  ];
}

describe("start page cards", () => {
  for (const [name, texts] of Object.entries(locales)) {
    it(`${name} has a text for every number the server's dashboard can send`, () => {
      const missing = dashboardItemKeySchema.options.flatMap(textsFor).filter((path) => {
        const [group, key] = path.split(".") as [string, string];
        return typeof texts[group]?.[key] !== "string";
      });
      expect(missing).toEqual([]);
    });
  }

  it("has no texts for numbers the server cannot send", () => {
    const known = new Set(dashboardItemKeySchema.options.flatMap(textsFor));
    const extra = Object.entries(locales.nb).flatMap(([group, texts]) =>
      Object.keys(texts)
        .map((key) => `${group}.${key}`)
        .filter((path) => !known.has(path)),
    );
    expect(extra).toEqual([]);
  });
});
