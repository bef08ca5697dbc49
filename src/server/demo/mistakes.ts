import type { RowInput } from "../../contracts/overviews.ts";
import { addDays, type IsoDate } from "../../domain/dates.ts";
import { validateNationalId } from "../../domain/national-id.ts";
import type { Mistake } from "./semester-plan.ts";
import type { Random } from "./students.ts";

/** How a site's name is often written by hand: close to the list's, but not it. */
const misspelled: Record<string, string> = {
  "Medisinsk avdeling, post 3": "Medisinsk avd. post 3",
  "Kirurgisk avdeling, post 2": "Kirurgen post 2",
  "Barne- og ungdomsklinikken": "Barneklinikken",
  Akuttmottaket: "Akuttmottak",
  Kvinneklinikken: "Kvinneklinikk",
  "Hjerteavdelinga, post 1": "Hjerteavdelingen post 1",
  "Nevrologisk avdeling, post 4": "Nevrologen",
  "Radiologisk avdeling": "Røntgen",
  "Laboratorium for klinisk biokjemi": "Lab. klinisk biokjemi",
  Fysioterapiavdelinga: "Fysioterapien",
};

/**
 * Gives `rows` their mistakes, each in a row of its own chosen by `random` (one without a D-number
 * for `noBirthDate`); `twice` puts a second row for the same student right after theirs, at
 * another site in overlapping dates.
 */
export function withMistakes(
  rows: RowInput[],
  mistakes: Mistake[],
  random: Random,
  ctx: { periodEnd: IsoDate; sites: string[] },
): RowInput[] {
  const result = rows.map((r) => ({ ...r }));
  const taken = new Set<number>();
  const pickRow = (fits: (r: RowInput) => boolean = () => true) => {
    const free = result.map((r, i) => ({ r, i })).filter(({ r, i }) => !taken.has(i) && fits(r));
    const chosen = free.length > 0 ? random.pick(free) : undefined;
    if (!chosen) throw new Error("no row left for a demo mistake");
    taken.add(chosen.i);
    return chosen;
  };
  let twice: number | null = null;
  for (const mistake of mistakes) {
    if (mistake === "twice") {
      twice = pickRow().i;
      continue;
    }
    const { r } = pickRow(mistake === "noBirthDate" ? (row) => !row.dNumber : undefined);
    const id = r.nationalId ?? "";
    switch (mistake) {
      case "checksum":
        r.nationalId = `${id.slice(0, 10)}${(Number(id[10]) + 1) % 10}`;
        break;
      case "missingDigit":
        r.nationalId = [4, 5, 6, 7, 8]
          .map((at) => id.slice(0, at) + id.slice(at + 1))
          .find((typed) => !validateNationalId(typed, { testMode: true }).ok);
        break;
      case "noMobile":
        r.mobile = "";
        break;
      case "emailWithoutAt":
        r.email = (r.email ?? "").replace("@", ".");
        break;
      case "unknownSite": {
        const typo = misspelled[r.placementSiteName ?? ""];
        if (!typo) throw new Error(`no misspelling of ${r.placementSiteName}`);
        r.placementSiteName = typo;
        break;
      }
      case "outsidePeriod":
        r.endDate = addDays(ctx.periodEnd, 7);
        break;
      case "noBirthDate":
        r.birthDate = "";
        break;
    }
  }
  if (twice !== null) {
    const original = result[twice] as RowInput;
    const otherSite = ctx.sites.find((s) => s !== original.placementSiteName) ?? original.placementSiteName;
    result.splice(twice + 1, 0, { ...original, placementSiteName: otherSite });
  }
  return result;
}
