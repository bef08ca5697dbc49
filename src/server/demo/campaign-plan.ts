import type { Language } from "../../contracts/vocabulary.ts";
import { addDays, type IsoDate } from "../../domain/dates.ts";
import type { DemoSheet } from "./semester.ts";
import { localPart, type Random, type Student } from "./students.ts";

/**
 * The demo's registration campaigns, planned from a sheet of the semester: FOU opens the campaign
 * the day the coordinator fills in the sheet, with its deadline a week before the placement starts;
 * the students register over the next five days, and on the third morning FOU transfers those
 * registered so far to the HR system. Pure, so a unit test can walk every day of two years.
 */

/**
 * What becomes of a registration:
 * - `transferred`: registered in the first two days and in FOU's HR transfer (the cells say "Overført");
 * - `registered`: registered later, ready for the transfer ("Registrert, ikke overført");
 * - `waiting`: from a private e-mail address, matched by the national ID but waiting for FOU's confirmation;
 * - `unconfirmed`: never confirmed the e-mail address (counts as not registered);
 * - `typo`: a student of the sheet who chose the form's way for students without a national ID,
 *   with a typo in the first name and a private e-mail address: matches no row, so FOU's matching
 *   view suggests theirs by the name;
 * - `newcomer`: an exchange student on no sheet yet, without a Norwegian number: matches no row.
 */
export type RegistrationOutcome = "transferred" | "registered" | "waiting" | "unconfirmed" | "typo" | "newcomer";

export interface PlannedRegistration {
  student: Student;
  outcome: RegistrationOutcome;
  /** The public form as the student filled it in. */
  form: {
    firstName: string;
    lastName: string;
    email: string;
    mobile: string;
    nationalId: string | null;
    birthDate: IsoDate | null;
    nationality: string | null;
    homeInstitution: string | null;
    language: Language;
  };
  registeredAt: Date;
  /** When the link in the e-mail was followed; null for `unconfirmed`. */
  confirmedAt: Date | null;
}

export interface CampaignPlan {
  createdAt: Date;
  deadline: IsoDate;
  /** FOU's HR transfer of the `transferred` registrations. */
  transferAt: Date;
  registrations: PlannedRegistration[];
}

/** Days after the campaign opened on which its students register. */
export const registrationDays = 5;

const minutes = 60_000;

/** `Ingrid` → `Inrgid`: two letters swapped on a phone's keyboard (one dropped where they are the same). */
export function typoOf(name: string): string {
  const i = Math.max(1, Math.floor(name.length / 2) - 1);
  const [a, b] = [name[i], name[i + 1]];
  if (b === undefined) return name.slice(0, -1);
  return a === b ? name.slice(0, i) + name.slice(i + 1) : name.slice(0, i) + b + a + name.slice(i + 2);
}

/** A student's rows on the sheet, found by their e-mail address (also as typed without its @). */
function rowsOf(sheet: Pick<DemoSheet, "typed">, student: Student) {
  const typedEmail = student.email.replace("@", ".");
  return sheet.typed.filter((r) => r.email === student.email || r.email === typedEmail);
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * The campaign for a sheet of the institution `institutionName`: `closed` (of the period before)
 * has most of its students transferred and three who never registered; `open` has about a third
 * transferred, a third registered, one of each other outcome and the rest not registered yet.
 */
export function campaignPlan(
  sheet: Pick<DemoSheet, "dates" | "students" | "typed" | "spare">,
  kind: "open" | "closed",
  random: Random,
  institutionName: string,
): CampaignPlan {
  const opened = sheet.dates.preparedOn;
  const evening = (day: number) =>
    new Date(`${addDays(opened, day)}T${String(random.int(16, 20)).padStart(2, "0")}:00:00Z`).getTime() +
    random.int(0, 59) * minutes;
  const language = (): Language => {
    const r = random.next();
    return r < 0.7 ? "nb" : r < 0.85 ? "nn" : "en";
  };
  const privateEmail = (s: Student) => `${localPart(s.firstName, s.lastName)}@example.${random.pick(["com", "net"])}`;
  const plan = (
    student: Student,
    outcome: RegistrationOutcome,
    days: [number, number],
    over: Partial<PlannedRegistration["form"]> = {},
  ): PlannedRegistration => {
    const registeredAt = evening(random.int(...days));
    return {
      student,
      outcome,
      form: {
        firstName: student.firstName,
        lastName: student.lastName,
        email: student.email,
        mobile: student.mobile,
        nationalId: student.nationalId,
        birthDate: null,
        nationality: null,
        homeInstitution: null,
        language: language(),
        ...over,
      },
      registeredAt: new Date(registeredAt),
      confirmedAt: outcome === "unconfirmed" ? null : new Date(registeredAt + random.int(2, 40) * minutes),
    };
  };

  const rows = new Map(sheet.students.map((s) => [s, rowsOf(sheet, s)]));
  const rowCount = (s: Student) => rows.get(s)?.length ?? 0;
  const clean = sheet.students.filter(
    (s) => rowCount(s) > 0 && (rows.get(s) ?? []).every((r) => r.nationalId === s.nationalId && r.email === s.email),
  );
  // A student with two rows registers: the coordinator's count of missing students counts persons.
  const order = shuffled(clean, random).sort((a, b) => rowCount(b) - rowCount(a));
  const early: [number, number] = [1, 2];
  const later: [number, number] = [3, registrationDays];
  const share = kind === "closed" ? order.length - 3 : Math.round(order.length * 0.3);
  const outcomes: RegistrationOutcome[] = [
    ...Array<RegistrationOutcome>(share).fill("transferred"),
    ...(kind === "closed"
      ? []
      : [...Array<RegistrationOutcome>(share).fill("registered"), "waiting", "typo", "unconfirmed", "unconfirmed"]),
  ] as RegistrationOutcome[];
  const registrations = outcomes.map((outcome, i) => {
    const student = order[i] as Student;
    const days = outcome === "transferred" ? early : later;
    if (outcome === "waiting") return plan(student, outcome, days, { email: privateEmail(student) });
    if (outcome !== "typo") return plan(student, outcome, days);
    return plan(student, outcome, days, {
      firstName: typoOf(student.firstName),
      email: privateEmail(student),
      nationalId: null,
      birthDate: student.birthDate,
      nationality: "Norsk",
      homeInstitution: institutionName,
    });
  });
  if (kind === "open") {
    const { spare } = sheet;
    registrations.push(
      plan(spare, "newcomer", later, {
        nationalId: null,
        birthDate: spare.birthDate,
        nationality: spare.nationality,
        homeInstitution: spare.homeInstitution,
        language: "en",
      }),
    );
  }
  return {
    createdAt: new Date(`${opened}T11:00:00Z`),
    deadline: addDays(sheet.dates.start, -7),
    transferAt: new Date(`${addDays(opened, 3)}T08:30:00Z`),
    registrations,
  };
}
