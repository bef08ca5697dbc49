import { withCheckDigits } from "../../domain/check-digits.ts";
import { addDays, type IsoDate } from "../../domain/dates.ts";

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

const femaleNames = [
  "Ingrid",
  "Sofie",
  "Emma",
  "Nora",
  "Ida",
  "Thea",
  "Sara",
  "Maria",
  "Hanna",
  "Julie",
  "Emilie",
  "Marte",
  "Silje",
  "Kristine",
  "Ingeborg",
  "Tuva",
  "Vilde",
  "Mathilde",
  "Andrea",
  "Camilla",
  "Eline",
  "Hedda",
  "Karoline",
  "Live",
  "Synnøve",
  "Astrid",
  "Marit",
  "Solveig",
  "Guro",
  "Åse",
  "Ragnhild",
  "Oda",
  "Frida",
  "Maja",
  "Amalie",
  "Helene",
  "Stine",
  "Malin",
  "Anne Marie",
  "Tiril",
] as const;
const maleNames = [
  "Ola",
  "Jonas",
  "Henrik",
  "Magnus",
  "Sander",
  "Eirik",
  "Håkon",
  "Martin",
  "Andreas",
  "Sindre",
  "Kristian",
  "Torbjørn",
  "Sigurd",
  "Emil",
  "Mathias",
  "Even",
  "Jørgen",
  "Vegard",
  "Øystein",
  "Lars",
  "Anders",
  "Tobias",
  "Elias",
  "Aksel",
  "Ivar",
  "Kjetil",
  "Stian",
  "Espen",
  "Bjørn",
  "Trond",
  "Per Kristian",
  "Ådne",
] as const;
const surnames = [
  "Hansen",
  "Johansen",
  "Olsen",
  "Larsen",
  "Andersen",
  "Pedersen",
  "Nilsen",
  "Kristiansen",
  "Jensen",
  "Karlsen",
  "Johnsen",
  "Pettersen",
  "Eriksen",
  "Berg",
  "Haugen",
  "Hagen",
  "Johannessen",
  "Andreassen",
  "Jacobsen",
  "Dahl",
  "Jørgensen",
  "Halvorsen",
  "Henriksen",
  "Lund",
  "Sørensen",
  "Jakobsen",
  "Moen",
  "Gundersen",
  "Iversen",
  "Strand",
  "Solberg",
  "Svendsen",
  "Eide",
  "Knutsen",
  "Martinsen",
  "Paulsen",
  "Bakken",
  "Kristoffersen",
  "Mathisen",
  "Lie",
  "Amundsen",
  "Nguyen",
  "Rasmussen",
  "Ali",
  "Lunde",
  "Solheim",
  "Berge",
  "Moe",
  "Nygård",
  "Bakke",
  "Kristensen",
  "Fredriksen",
  "Holm",
  "Lien",
  "Hauge",
  "Christensen",
  "Andresen",
  "Nielsen",
  "Knudsen",
  "Evensen",
  "Sæther",
  "Aas",
  "Myhre",
  "Hanssen",
  "Ahmed",
  "Haugland",
  "Thorsen",
  "Haaland",
  "Fjeld",
  "Sandvik",
  "Tveit",
  "Vik",
  "Økland",
  "Aasen",
] as const;
/** Students who grew up in Norway with names from elsewhere: first name, surname. */
const newNorwegians = [
  ["Amina", "Hassan"],
  ["Yusuf", "Abdi"],
  ["Zainab", "Ahmadi"],
  ["Mohammad", "Rahimi"],
  ["Linh", "Tran"],
  ["Agnieszka", "Nowak"],
  ["Tomasz", "Kowalski"],
  ["Aisha", "Mohamed"],
  ["Emre", "Yilmaz"],
  ["Sunita", "Thapa"],
  ["Jonas", "Petrauskas"],
  ["Fatima", "Ibrahim"],
] as const;

/**
 * Where exchange students come from: names of the country, its name as a coordinator writes it,
 * home institutions, and the start of a mobile number there with the digits that follow it.
 */
const countries = [
  {
    nationality: "Tyskland",
    first: ["Lukas", "Lea", "Jonas", "Hannah", "Felix", "Laura"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker"],
    homes: ["Universität zu Lübeck", "Universität Heidelberg", "Hochschule Hannover"],
    phone: ["+49 151", 8],
  },
  {
    nationality: "Nederland",
    first: ["Sanne", "Daan", "Fleur", "Bram", "Lotte"],
    last: ["de Vries", "Bakker", "Visser", "Smit", "van Dijk"],
    homes: ["Hanze University of Applied Sciences Groningen", "Hogeschool van Amsterdam"],
    phone: ["+31 6", 8],
  },
  {
    nationality: "Spania",
    first: ["Lucía", "Pablo", "Carmen", "Javier", "Marta"],
    last: ["García", "Fernández", "López", "Martínez", "Sánchez"],
    homes: ["Universidad de Granada", "Universidad de Salamanca"],
    phone: ["+34 6", 8],
  },
  {
    nationality: "Italia",
    first: ["Giulia", "Marco", "Chiara", "Luca", "Sara"],
    last: ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci"],
    homes: ["Università di Bologna", "Università degli Studi di Padova"],
    phone: ["+39 3", 9],
  },
  {
    nationality: "Frankrike",
    first: ["Camille", "Hugo", "Léa", "Louis", "Manon"],
    last: ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard"],
    homes: ["Université de Lille", "Université de Bordeaux"],
    phone: ["+33 6", 8],
  },
  {
    nationality: "Polen",
    first: ["Zofia", "Jakub", "Maja", "Piotr"],
    last: ["Wiśniewska", "Zieliński", "Wójcik", "Kamińska"],
    homes: ["Uniwersytet Medyczny w Łodzi", "Gdański Uniwersytet Medyczny"],
    phone: ["+48 5", 8],
  },
  {
    nationality: "Finland",
    first: ["Aino", "Eetu", "Venla", "Onni"],
    last: ["Virtanen", "Korhonen", "Mäkinen", "Nieminen"],
    homes: ["Tampere University", "Turku University of Applied Sciences"],
    phone: ["+358 40", 7],
  },
  {
    nationality: "Irland",
    first: ["Niamh", "Seán", "Aoife", "Cian"],
    last: ["Murphy", "Kelly", "O'Brien", "Byrne"],
    homes: ["University College Cork", "University of Galway"],
    phone: ["+353 8", 8],
  },
  {
    nationality: "Belgia",
    first: ["Lotte", "Wout", "Noor", "Arne"],
    last: ["Peeters", "Janssens", "Maes", "Claes"],
    homes: ["Artevelde University of Applied Sciences", "KU Leuven"],
    phone: ["+32 47", 7],
  },
  {
    nationality: "Portugal",
    first: ["Tomás", "Beatriz", "Diogo", "Inês"],
    last: ["Silva", "Santos", "Ferreira", "Pereira"],
    homes: ["Universidade do Porto", "Universidade de Coimbra"],
    phone: ["+351 91", 7],
  },
] as const satisfies readonly {
  nationality: string;
  first: readonly string[];
  last: readonly string[];
  homes: readonly string[];
  phone: readonly [string, number];
}[];

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
function localPart(...names: string[]): string {
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
