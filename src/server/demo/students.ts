import { withCheckDigits } from "../../domain/check-digits.ts";
import { addDays, type IsoDate } from "../../domain/dates.ts";
import { countries, femaleNames, maleNames, newNorwegians, surnames } from "./student-names.ts";

/**
 * The demo's students: Norwegian and international names, synthetic national IDs, e-mail addresses
 * and mobile numbers, drawn from a seeded generator so every first start makes the same people.
 * Never a real person's number: every national ID is of Skatteetaten's Tenor test series (month +
 * 80; a D-number also day + 40), which only a trust in test mode accepts.
 */

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    /** An integer from `min` to `max`, both included. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A Tenor test number (month + 80; with `dNumber` also day + 40) for a birth date in 1940–2039,
 * not in `used`. The individual number fits the century (000–499 for the 1900s, 500–999 from 2000).
 */
export function syntheticNationalId(
  random: Random,
  birthDate: IsoDate,
  used: Set<string>,
  opts: { dNumber?: boolean } = {},
): string {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  const [low, high] = year >= 2000 ? [500, 999] : [0, 499];
  const start = random.int(low, high);
  for (let step = 0; step <= high - low; step++) {
    const individual = low + ((start - low + step) % (high - low + 1));
    const nine = `${pad(day + (opts.dNumber ? 40 : 0))}${pad(month + 80)}${pad(year % 100)}${pad(individual, 3)}`;
    const id = withCheckDigits(nine);
    if (id && !used.has(id)) {
      used.add(id);
      return id;
    }
  }
  throw new Error(`no test number left for ${birthDate}`);
}

/** Prefixes of Norwegian mobile numbers (the 4xx and 9xx series). */
const mobilePrefixes = ["40", "41", "45", "46", "47", "48", "90", "91", "92", "93", "94", "95", "97", "98", "99"];

export interface Student {
  firstName: string;
  lastName: string;
  /** 11 digits of the Tenor test series; empty for an exchange student without a Norwegian number. */
  nationalId: string;
  /** Only exchange students: a synthetic D-number, when they have one. */
  dNumber: string;
  birthDate: IsoDate;
  email: string;
  /** As a coordinator types it: `412 34 567`, or a foreign number with its country code. */
  mobile: string;
  nationality: string;
  homeInstitution: string;
}

/** `Anne Marie Økland` → `anne.marie.okland`: an e-mail address's local part as schools make them. */
export function localPart(...names: string[]): string {
  return names
    .join(" ")
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "o")
    .replaceAll("å", "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

/**
 * One generator for the whole demo: national IDs, e-mail addresses and mobile numbers are never
 * given out twice, and each cohort or exchange group is drawn from its own seed.
 */
export function createStudentFactory() {
  const usedIds = new Set<string>();
  const usedEmails = new Set<string>();
  const usedMobiles = new Set<string>();
  const usedNames = new Set<string>();

  function email(first: string, last: string, domain: string): string {
    const base = localPart(first, last);
    for (let n = 1; ; n++) {
      const address = `${base}${n === 1 ? "" : n}@${domain}`;
      if (!usedEmails.has(address)) {
        usedEmails.add(address);
        return address;
      }
    }
  }

  function unique(make: () => string): string {
    for (;;) {
      const value = make();
      if (!usedMobiles.has(value)) {
        usedMobiles.add(value);
        return value;
      }
    }
  }

  const norwegianMobile = (random: Random) =>
    unique(() => {
      const digits = `${random.pick(mobilePrefixes)}${String(random.int(0, 999_999)).padStart(6, "0")}`;
      return `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
    });

  return {
    /** A Norwegian mobile number nobody in the demo has yet. */
    mobile: norwegianMobile,

    /**
     * `count` students admitted in `cohort`, 19–26 years old at the start: mostly Norwegian names,
     * some from elsewhere, e-mail at the school's student domain.
     */
    cohort(seed: number, count: number, cohort: number, emailDomain: string): Student[] {
      const random = seededRandom(seed);
      return Array.from({ length: count }, () => {
        const [firstName, lastName] =
          random.next() < 0.1
            ? random.pick(newNorwegians)
            : [random.pick(random.next() < 0.65 ? femaleNames : maleNames), random.pick(surnames)];
        const birthDate = addDays(`${cohort - random.int(19, 26)}-01-01`, random.int(0, 364));
        return {
          firstName,
          lastName,
          nationalId: syntheticNationalId(random, birthDate, usedIds),
          dNumber: "",
          birthDate,
          email: email(firstName, lastName, emailDomain),
          mobile: norwegianMobile(random),
          nationality: "",
          homeInstitution: "",
        };
      });
    },

    /**
     * `count` exchange students with their birth date, nationality and home institution; about a
     * third have a synthetic D-number, half a mobile number from home.
     */
    exchange(seed: number, count: number, year: number, emailDomain: string): Student[] {
      const random = seededRandom(seed);
      return Array.from({ length: count }, () => {
        const country = random.pick(countries);
        let firstName: string;
        let lastName: string;
        do {
          firstName = random.pick(country.first);
          lastName = random.pick(country.last);
        } while (usedNames.has(`${firstName} ${lastName}`));
        usedNames.add(`${firstName} ${lastName}`);
        const birthDate = addDays(`${year - random.int(20, 25)}-01-01`, random.int(0, 364));
        const [prefix, digits] = country.phone;
        return {
          firstName,
          lastName,
          nationalId: "",
          dNumber: random.next() < 0.35 ? syntheticNationalId(random, birthDate, usedIds, { dNumber: true }) : "",
          birthDate,
          email: email(firstName, lastName, emailDomain),
          mobile:
            random.next() < 0.5
              ? unique(() => `${prefix} ${String(random.int(0, 10 ** digits - 1)).padStart(digits, "0")}`)
              : norwegianMobile(random),
          nationality: country.nationality,
          homeInstitution: random.pick(country.homes),
        };
      });
    },
  };
}
export type StudentFactory = ReturnType<typeof createStudentFactory>;
