import { withCheckDigits } from "../src/domain/check-digits.ts";
import { addDays } from "../src/domain/dates.ts";

/** The generator's seeded randomness, synthetic national IDs and the persons it makes: shared by every part of the bench's data. */

/** mulberry32: a small, fast, seeded generator (same seed, same region). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(list: readonly T[]): T => list[int(list.length)] as T,
    uuid(): string {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16));
      hex[12] = "4";
      hex[16] = ((int(4) + 8) as number).toString(16);
      const h = hex.join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
export type Random = ReturnType<typeof prng>;

/**
 * Synthetic fødselsnumre, never a real person's: birth dates from `firstYear` on in the 2030s
 * (individual numbers 500–999 are the 2000–2039 births), which nobody has yet. Unique per sequence;
 * sequences from years five apart never meet. `dNumber`: D-numbers instead (day + 40), which no
 * fødselsnummer sequence meets.
 */
export function nationalIds(firstYear: number, { dNumber = false } = {}) {
  const next = new Map<string, number>();
  let day = 0;
  return (): { nationalId: string; birthDate: string } => {
    for (;;) {
      const birthDate = addDays(`${firstYear}-01-01`, day % 1_800);
      day++;
      const [y, m, dd] = birthDate.split("-") as [string, string, string];
      let individual = next.get(birthDate) ?? 500;
      while (individual <= 999) {
        const first = dNumber ? String(Number(dd) + 40) : dd;
        const value = withCheckDigits(`${first}${m}${y.slice(2)}${String(individual).padStart(3, "0")}`);
        individual++;
        if (value) {
          next.set(birthDate, individual);
          return { nationalId: value, birthDate };
        }
      }
      next.set(birthDate, individual);
    }
  };
}

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  birthDate: string;
  email: string;
  mobile: string;
}
