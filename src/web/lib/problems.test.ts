import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { testNationalId } from "../../../test/helpers/national-ids.ts";
import { withCheckDigits } from "../../domain/check-digits.ts";
import { normalizeEmail, normalizeMobile } from "../../domain/contact.ts";
import { validateNationalId } from "../../domain/national-id.ts";
import en from "../i18n/en.json";
import nb from "../i18n/nb.json";
import nn from "../i18n/nn.json";
import { problemText, typedDate } from "./problems.ts";

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({
    resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
    lng: "nb",
    fallbackLng: "nb",
    interpolation: { escapeValue: false },
  });
});

describe("problem texts say what was found", () => {
  it("how many digits a national ID or a mobile number has, and which characters do not belong", () => {
    expect(problemText(t.t, "national_id.wrong_length", undefined, { reason: "digits", digits: 12 })).toBe(
      "Fødselsnummeret har 12 sifre, ikke 11.",
    );
    expect(problemText(t.t, "d_number.wrong_length", undefined, { reason: "digits", digits: 1 })).toBe(
      "Fødselsnummeret har 1 siffer, ikke 11.",
    );
    expect(problemText(t.t, "national_id.not_digits", undefined, { reason: "characters", characters: "O " })).toBe(
      "Fødselsnummeret kan bare ha sifre, men har «O», mellomrom.",
    );
    expect(problemText(t.t, "mobile.invalid", undefined, { reason: "digits", digits: 7 })).toMatch(
      /^Mobilnummeret har 7 sifre, men et norsk nummer har 8\./,
    );
    expect(
      problemText(t.getFixedT("en"), "national_id.checksum", undefined, { reason: "leading_zero", digits: 10 }),
    ).toMatch(/^The national ID has 10 digits, not 11\./);
  });

  it("an e-mail address without @, the site as typed, the period", () => {
    expect(problemText(t.t, "email.invalid", undefined, { reason: "missing_at" })).toBe("E-postadressen mangler @.");
    expect(
      problemText(t.t, "rows.unknown_placement_site", ["Hjerteavdelinga, post 1"], {
        reason: "not_in_list",
        name: "Hjerteavd post 1",
      }),
    ).toBe("«Hjerteavd post 1» finnes ikke i helseforetakets liste over praksissteder.");
    expect(
      problemText(t.t, "date.outside_period", undefined, { reason: "period", start: "2027-03-01", end: "2027-04-09" }),
    ).toBe("Datoen er utenfor praksisperioden 01.03.2027–09.04.2027.");
    expect(problemText(t.getFixedT("nn"), "rows.duplicate_student", undefined, { reason: "email" })).toContain(
      "(same e-postadresse)",
    );
  });

  it("has a text for every reason the checks give", () => {
    const id = testNationalId();
    const zero = testNationalId({ day: 7 });
    const badDate = withCheckDigits("310435512") ?? withCheckDigits("310435513") ?? "";
    // Day 00: no date, with check digits that fit; without its leading zero as Excel leaves it.
    const dayZero = (withCheckDigits("003035512") ?? withCheckDigits("003035513") ?? "").slice(1);
    const ids = [
      `${id}1`,
      id.slice(0, 9),
      `${id.slice(0, 5)}x${id.slice(6)}`,
      String(Number(zero) + 1),
      badDate,
      dayZero,
    ];
    const emails = ["kari.uib.no", "kari@@uib.no", "kari @uib.no", "@uib.no", "kari@uib", `${"k".repeat(250)}@uib.no`];
    const mobiles = ["412 34 56", "ring meg", "01234567", "+46 70"];
    const found = [
      ...ids.map((v) => ["national_id", validateNationalId(v, { testMode: true })] as const),
      ...emails.map((v) => ["email", normalizeEmail(v)] as const),
      ...mobiles.map((v) => ["mobile", normalizeMobile(v)] as const),
    ];
    const reasons = new Set<string>();
    for (const [, r] of found) {
      if (r.ok || !("details" in r) || !r.details) throw new Error(`no details: ${JSON.stringify(r)}`);
      reasons.add(`${r.code}:${r.details.reason}`);
      expect(problemText(t.t, r.code, undefined, r.details)).not.toBe(problemText(t.t, r.code));
    }
    expect(reasons.size).toBe(15);
  });
});

describe("typedDate", () => {
  it("reads dd.mm.yyyy, names an impossible or missing date, and takes the field's own text for an empty one", () => {
    expect(typedDate(t.t, "01.03.2027")).toEqual({ date: "2027-03-01", error: null });
    expect(typedDate(t.t, "31.02.2027")).toEqual({ date: null, error: problemText(t.t, "date.invalid") });
    expect(typedDate(t.t, " ")).toEqual({ date: null, error: problemText(t.t, "date.empty") });
    expect(typedDate(t.t, "", "Skriv fristen.")).toEqual({ date: null, error: "Skriv fristen." });
  });
});
