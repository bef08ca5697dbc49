import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testNationalId } from "../../test/helpers/national-ids.ts";
import { holdsNationalId, maskNationalIdsInText } from "./free-text.ts";

const id = testNationalId();
const mask = `${id.slice(0, 6)} *****`;
const dnr = testNationalId({ kind: "dnr", rest: 3 });
const tenor = testNationalId({ kind: "tnr", year: 1999, month: 11, day: 23, individual: 100 });
const ids = [id, dnr, tenor, testNationalId({ year: 2036, month: 5, day: 17 })];
const wrong = `${id.slice(0, 10)}${(Number(id[10]) + 1) % 10}`;

/** Text as people type it: letters, digits, spaces, punctuation, line breaks. */
const typed = fc.stringMatching(/^[a-zæøå0-9 .,:;()\n+*-]{0,80}$/);
/** A national ID as people write it: 11 digits, or 6 + 5 with a space, no-break space, hyphen or plus. */
const written = fc
  .record({ value: fc.constantFrom(...ids), separator: fc.constantFrom("", " ", "\u00a0", "-", "+") })
  .map(({ value, separator }) => `${value.slice(0, 6)}${separator}${value.slice(6)}`);
/** Free text around national IDs: each ID set off from the text by something other than a digit. */
const withIds = fc
  .array(fc.tuple(typed, written), { minLength: 1, maxLength: 4 })
  .map((parts) => ({ text: parts.map(([before, nr]) => `${before} ${nr} `).join(""), count: parts.length }));

describe("maskNationalIdsInText", () => {
  it("masks 11 digits and 6 + 5 with a separator when the check digits fit, and nothing else", () => {
    expect(maskNationalIdsInText(`fnr ${id}, spaced ${id.slice(0, 6)} ${id.slice(6)}.`)).toEqual({
      text: `fnr ${mask}, spaced ${mask}.`,
      masked: 2,
    });
    expect(maskNationalIdsInText(`Ring meg. Fnr:${id.slice(0, 6)}-${id.slice(6)}!`).text).toBe(
      `Ring meg. Fnr:${mask}!`,
    );
    expect(maskNationalIdsInText(`url ?nr=${id.slice(0, 6)}%20${id.slice(6)}`).text).toBe(`url ?nr=${mask}`);
    expect(maskNationalIdsInText(`test ${tenor}`).text).toBe(`test ${tenor.slice(0, 6)} *****`);
    expect(maskNationalIdsInText(`typo ${wrong}`)).toEqual({ text: `typo ${wrong}`, masked: 0 });
    expect(maskNationalIdsInText(`longer 9${id}`)).toEqual({ text: `longer 9${id}`, masked: 0 });
    expect(maskNationalIdsInText("order 12345, phone +47 912 34 567")).toEqual({
      text: "order 12345, phone +47 912 34 567",
      masked: 0,
    });
    expect(maskNationalIdsInText("")).toEqual({ text: "", masked: 0 });
  });

  it("masks every national ID in any text and leaves none behind", () => {
    fc.assert(
      fc.property(withIds, ({ text, count }) => {
        const result = maskNationalIdsInText(text);
        expect(result.masked).toBeGreaterThanOrEqual(count);
        for (const value of ids) expect(result.text).not.toContain(value.slice(6));
        expect(maskNationalIdsInText(result.text)).toEqual({ text: result.text, masked: 0 });
        expect(holdsNationalId(result.text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves text unchanged when it has no number whose check digits fit", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const result = maskNationalIdsInText(text);
        if (result.masked === 0) expect(result.text).toBe(text);
        else expect(result.text).not.toBe(text);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[^0-9]{0,60}$/), (text) => {
        expect(maskNationalIdsInText(text)).toEqual({ text, masked: 0 });
        expect(holdsNationalId(text)).toBe(false);
      }),
    );
  });
});

describe("holdsNationalId", () => {
  it("finds a national ID, whole or masked, in an e-mail address or username", () => {
    expect(holdsNationalId(`${id}@uib.no`)).toBe(true);
    expect(holdsNationalId(`${mask}@uib.no`)).toBe(true);
    expect(holdsNationalId(dnr)).toBe(true);
    expect(holdsNationalId(mask)).toBe(true);
    expect(holdsNationalId("kari.nordmann@uib.no")).toBe(false);
    expect(holdsNationalId(`${wrong}@uib.no`)).toBe(false);
    expect(holdsNationalId("kno012")).toBe(false);
  });
});
