import type { Role } from "../../contracts/common.ts";
import type { Row, RowInput } from "../../contracts/overviews.ts";
import { addDays, type IsoDate, todayInOslo } from "../../domain/dates.ts";
import { deadlineOf } from "../../domain/deadlines.ts";
import { validateNationalId } from "../../domain/national-id.ts";
import { createNotifier } from "../modules/notifications/notifications.public.ts";
import { createOutbox } from "../modules/outbox/outbox.public.ts";
import { createPersonLinks } from "../modules/overviews/overviews.public.ts";
import { createOverviewsUsecases } from "../modules/overviews/overviews.usecases.ts";
import { createRowsUsecases } from "../modules/overviews/rows.usecases.ts";
import { createPersonsUsecases } from "../modules/persons/persons.usecases.ts";
import type { Actor } from "../shared/actor.ts";
import type { Clock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { createStudentFactory, type Random, type Student, seededRandom } from "./students.ts";

/**
 * A semester in the demo trust, as coordinators and FOU would have left it by the day of the first
 * start: documents for each programme with sheets submitted, due soon, late and on time, a sheet
 * changed after submission with comments, the typical mistakes in the sheets not yet submitted,
 * and international sheets. Everything goes through the overviews' use-cases as the demo people,
 * so rows are encrypted in their places, matched to persons, counted, tracked and announced as in
 * use; a demo clock sets each step on its day, counted from the first start.
 */

/** The mistakes coordinators make, one row each (`twice` adds a second row for the same student). */
export type Mistake =
  | "checksum"
  | "missingDigit"
  | "noMobile"
  | "emailWithoutAt"
  | "unknownSite"
  | "outsidePeriod"
  | "twice"
  | "noBirthDate";

export interface SheetPlan {
  kind: "norwegian" | "international";
  label: "Periode" | "Semester";
  number: number;
  /** Days from the first start to the deadline, give or take a few: periods start on a Monday. */
  deadlineIn: number;
  weeks: number;
  /** How many of the document's students (15–40). */
  students: number;
  /** Submitted this many days before the deadline (negative: after it, late). */
  submittedBeforeDeadline?: number;
  mistakes?: Mistake[];
  /** Changed after submission: cells, a new and a removed row, comments from both sides. */
  changedAfterSubmission?: boolean;
  /** The sheet (index in its document) whose rows this one starts with, moved to the new period. */
  copyOf?: number;
}

export interface DocumentPlan {
  institution: "UiB" | "HVL" | "VID";
  programme: string;
  /** Admitted this many years before the latest intake. */
  cohortAge: number;
  sites: string[];
  sheets: SheetPlan[];
}

const nursingSites = [
  "Medisinsk avdeling, post 3",
  "Kirurgisk avdeling, post 2",
  "Barne- og ungdomsklinikken",
  "Akuttmottaket",
  "Kvinneklinikken",
  "Hjerteavdelinga, post 1",
  "Nevrologisk avdeling, post 4",
];

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

/** Days before today on which a submitted sheet is changed (see `changeAfterSubmission`). */
export const changedDaysAgo = 3;

export const semesterPlan: DocumentPlan[] = [
  {
    institution: "HVL",
    programme: "Sykepleie",
    cohortAge: 2,
    sites: nursingSites,
    sheets: [
      {
        kind: "norwegian",
        label: "Periode",
        number: 5,
        deadlineIn: -60,
        weeks: 6,
        students: 26,
        submittedBeforeDeadline: 6,
      },
      {
        kind: "norwegian",
        label: "Periode",
        number: 6,
        deadlineIn: -14,
        weeks: 8,
        students: 25,
        submittedBeforeDeadline: 3,
        changedAfterSubmission: true,
      },
    ],
  },
  {
    institution: "HVL",
    programme: "Sykepleie",
    cohortAge: 1,
    sites: nursingSites,
    sheets: [
      {
        kind: "norwegian",
        label: "Periode",
        number: 3,
        deadlineIn: 1,
        weeks: 6,
        students: 30,
        mistakes: ["checksum", "missingDigit", "noMobile", "emailWithoutAt", "unknownSite", "outsidePeriod", "twice"],
      },
      {
        kind: "international",
        label: "Periode",
        number: 3,
        deadlineIn: 1,
        weeks: 6,
        students: 15,
        mistakes: ["noBirthDate"],
      },
    ],
  },
  {
    institution: "HVL",
    programme: "Fysioterapi",
    cohortAge: 1,
    sites: ["Fysioterapiavdelinga", "Nevrologisk avdeling, post 4", "Medisinsk avdeling, post 3"],
    sheets: [
      {
        kind: "norwegian",
        label: "Periode",
        number: 2,
        deadlineIn: -12,
        weeks: 5,
        students: 16,
        mistakes: ["emailWithoutAt", "outsidePeriod", "noMobile"],
      },
    ],
  },
  {
    institution: "HVL",
    programme: "Radiografi",
    cohortAge: 2,
    sites: ["Radiologisk avdeling"],
    sheets: [
      {
        kind: "norwegian",
        label: "Periode",
        number: 4,
        deadlineIn: -16,
        weeks: 6,
        students: 16,
        submittedBeforeDeadline: -4,
      },
    ],
  },
  {
    institution: "HVL",
    programme: "Bioingeniør",
    cohortAge: 1,
    sites: ["Laboratorium for klinisk biokjemi"],
    sheets: [
      {
        kind: "norwegian",
        label: "Periode",
        number: 2,
        deadlineIn: 30,
        weeks: 6,
        students: 16,
        mistakes: ["missingDigit", "unknownSite"],
      },
    ],
  },
  {
    institution: "UiB",
    programme: "Medisin",
    cohortAge: 4,
    sites: [...nursingSites, "Radiologisk avdeling"],
    sheets: [
      {
        kind: "norwegian",
        label: "Semester",
        number: 9,
        deadlineIn: -27,
        weeks: 10,
        students: 24,
        submittedBeforeDeadline: 4,
      },
      {
        kind: "international",
        label: "Semester",
        number: 9,
        deadlineIn: -27,
        weeks: 10,
        students: 15,
        submittedBeforeDeadline: 4,
      },
    ],
  },
  {
    institution: "UiB",
    programme: "Medisin",
    cohortAge: 3,
    sites: nursingSites,
    sheets: [
      {
        kind: "norwegian",
        label: "Semester",
        number: 7,
        deadlineIn: -9,
        weeks: 10,
        students: 22,
        mistakes: ["noMobile", "twice", "checksum"],
      },
    ],
  },
  {
    institution: "VID",
    programme: "Sykepleie",
    cohortAge: 2,
    sites: nursingSites,
    sheets: [
      {
        kind: "norwegian",
        label: "Periode",
        number: 5,
        deadlineIn: -48,
        weeks: 8,
        students: 18,
        submittedBeforeDeadline: 2,
      },
    ],
  },
  {
    institution: "VID",
    programme: "Sykepleie",
    cohortAge: 1,
    sites: nursingSites,
    sheets: [
      {
        kind: "norwegian",
        label: "Periode",
        number: 3,
        deadlineIn: 0,
        weeks: 6,
        students: 20,
        mistakes: ["checksum", "noMobile", "unknownSite", "emailWithoutAt"],
      },
      { kind: "norwegian", label: "Periode", number: 4, deadlineIn: 44, weeks: 6, students: 20, copyOf: 0 },
    ],
  },
];

const studentDomains = { UiB: "student.uib.no", HVL: "stud.hvl.no", VID: "stud.vid.no" } as const;

/** What the demo's first part made: the trust, its people, institutions and programmes. */
export interface DemoWorld {
  trustId: string;
  deadlineDays: number;
  /** Demo people by e-mail. */
  users: Map<string, { id: string; role: Role; institutionId: string | null }>;
  /** Programme ids by `<institution short name> <programme name>`. */
  programmeIds: Map<string, string>;
}

/** A moment on `date` at `utcTime`: working hours in Oslo (an hour or two later there). */
const at = (date: IsoDate, utcTime: string) => new Date(`${date}T${utcTime}:00Z`);

/** The first Monday on or after `date`. */
function mondayFrom(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (8 - weekday) % 7);
}

/** The latest intake: students are admitted in August. */
function latestCohort(today: IsoDate): number {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return month >= 8 ? year : year - 1;
}

/**
 * The days of a planned sheet counted from `today`: its period (from a Monday), deadline, the day
 * it was submitted (if it was) and the day it was filled in (a week before submission, else in the
 * last few days; a copy later than its source).
 */
export function sheetDates(plan: SheetPlan, today: IsoDate, deadlineDays: number) {
  const start = mondayFrom(addDays(today, plan.deadlineIn + deadlineDays));
  const deadline = deadlineOf(start, deadlineDays);
  const submittedOn =
    plan.submittedBeforeDeadline === undefined ? null : addDays(deadline, -plan.submittedBeforeDeadline);
  const preparedOn = submittedOn ? addDays(submittedOn, -7) : addDays(today, plan.copyOf === undefined ? -6 : -2);
  return { start, end: addDays(start, plan.weeks * 7 - 3), deadline, submittedOn, preparedOn };
}

/** A clock the demo sets to each step's moment; `now()` is the real time until it is set. */
function demoClock(real: Clock) {
  let moment: Date | null = null;
  return {
    now: () => moment ?? real.now(),
    set(value: Date | null) {
      moment = value;
    },
  };
}

function rowOf(
  student: Student,
  kind: SheetPlan["kind"],
  programme: string,
  site: string,
  start: IsoDate,
  end: IsoDate,
) {
  const common: RowInput = {
    lastName: student.lastName,
    firstName: student.firstName,
    email: student.email,
    mobile: student.mobile,
    studyProgramme: programme,
    placementSiteName: site,
    startDate: start,
    endDate: end,
  };
  if (kind === "norwegian") return { ...common, nationalId: student.nationalId };
  return {
    ...common,
    birthDate: student.birthDate,
    nationality: student.nationality,
    homeInstitution: student.homeInstitution,
    dNumber: student.dNumber,
  };
}

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

/** Fills the semester (see the plan above) into the demo trust, as its coordinators and FOU. */
export async function fillDemoSemester(
  db: Db,
  world: DemoWorld,
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<void> {
  const clock = demoClock(deps.clock);
  const persons = createPersonsUsecases({ db, crypto: deps.crypto, links: createPersonLinks() });
  const notifier = createNotifier({ outbox: createOutbox({ publicUrl: deps.publicUrl, clock }), clock });
  const overviewDeps = { db, crypto: deps.crypto, clock, notifier, persons };
  const overviews = createOverviewsUsecases(overviewDeps);
  const rows = createRowsUsecases(overviewDeps);
  const students = createStudentFactory();

  const actorOf = (email: string): Actor => {
    const user = world.users.get(email);
    if (!user) throw new Error(`no demo user ${email}`);
    return {
      userId: user.id,
      isSystemAdmin: false,
      trustId: world.trustId,
      roles: [user.role],
      institutionIds: user.institutionId ? [user.institutionId] : [],
      requestId: "demo-data",
    };
  };
  const fou = actorOf("fou@demo.test");
  const today = todayInOslo(deps.clock.now());
  const intake = latestCohort(today);

  for (const [d, doc] of semesterPlan.entries()) {
    const coordinator = actorOf(`koordinator.${doc.institution.toLowerCase()}@demo.test`);
    const programmeId = world.programmeIds.get(`${doc.institution} ${doc.programme}`);
    if (!programmeId) throw new Error(`no demo programme ${doc.institution} ${doc.programme}`);
    const cohort = intake - doc.cohortAge;
    const domain = studentDomains[doc.institution];
    const largest = (kind: SheetPlan["kind"]) =>
      Math.max(0, ...doc.sheets.filter((s) => s.kind === kind && s.copyOf === undefined).map((s) => s.students));
    // One more than the largest sheet: a student who joins after submission.
    const roster = students.cohort(1000 + d, largest("norwegian") + 1, cohort, domain);
    const exchange = students.exchange(2000 + d, largest("international"), intake, domain);

    const periods = doc.sheets.map((s) => sheetDates(s, today, world.deadlineDays));
    const firstPrepared = periods.map((p) => p.preparedOn).sort()[0] as IsoDate;
    clock.set(at(firstPrepared, "08:00"));
    const overview = await overviews.create(coordinator, { programmeId, cohort });

    // Each step on its day and in the order of the days: a sheet made after another one was
    // submitted is a change, as it would have been.
    const steps: { at: Date; run: () => Promise<void> }[] = [];
    const sheetIds: string[] = [];
    for (const [s, plan] of doc.sheets.entries()) {
      const period = periods[s] as (typeof periods)[number];
      const random = seededRandom(3000 + d * 10 + s);
      let created: Row[] = [];
      steps.push({
        at: at(period.preparedOn, "08:15"),
        run: async () => {
          const copyFromSheetId = plan.copyOf === undefined ? undefined : sheetIds[plan.copyOf];
          const sheet = await overviews.createSheet(coordinator, overview.id, {
            kind: plan.kind,
            label: plan.label,
            number: plan.number,
            startDate: period.start,
            endDate: period.end,
            copyFromSheetId,
          });
          sheetIds[s] = sheet.id;
          if (copyFromSheetId) return;
          const people = (plan.kind === "norwegian" ? roster : exchange).slice(0, plan.students);
          const typed = people.map((student, i) => {
            // A few start a week late (exams, an earlier placement); the rest take the whole period.
            const start = random.next() < 0.2 ? addDays(period.start, 7) : period.start;
            const site = doc.sites[(i + s) % doc.sites.length] as string;
            return rowOf(student, plan.kind, doc.programme, site, start, period.end);
          });
          clock.set(at(period.preparedOn, "09:30"));
          const mistakes = plan.mistakes ?? [];
          created = (
            await rows.create(
              coordinator,
              sheet.id,
              withMistakes(typed, mistakes, random, { periodEnd: period.end, sites: doc.sites }),
            )
          ).rows;
        },
      });
      if (period.submittedOn) {
        steps.push({
          at: at(period.submittedOn, "13:10"),
          run: async () => {
            await overviews.submit(coordinator, sheetIds[s] as string);
          },
        });
      }
      if (plan.changedAfterSubmission) {
        steps.push({
          at: at(addDays(today, -changedDaysAgo), "08:40"),
          run: () =>
            changeAfterSubmission(created, roster[plan.students] as Student, sheetIds[s] as string, {
              coordinator,
              site: (doc.sites[1] ?? doc.sites[0]) as string,
              start: period.start,
              end: period.end,
            }),
        });
      }
    }
    for (const step of steps.sort((a, b) => a.at.getTime() - b.at.getTime())) {
      clock.set(step.at);
      await step.run();
    }
  }

  /**
   * `changedDaysAgo` days ago and the day after: the coordinator changes a mobile number and a placement (site and
   * start), adds a student from the waiting list in place of one who left, and explains it in a
   * comment; FOU answers on the moved placement. Each is kept in red and announced to the other side.
   */
  async function changeAfterSubmission(
    sheetRows: Row[],
    newcomer: Student,
    sheetId: string,
    p: { coordinator: Actor; site: string; start: IsoDate; end: IsoDate },
  ) {
    const [mobileChanged, moved, leaving] = [sheetRows[2], sheetRows[6], sheetRows[11]] as [Row, Row, Row];
    const daysAgo = (n: number, utcTime: string) => at(addDays(today, -n), utcTime);
    await rows.update(p.coordinator, mobileChanged.id, {
      version: mobileChanged.version,
      mobile: students.mobile(seededRandom(4000)),
    });
    clock.set(daysAgo(changedDaysAgo, "08:52"));
    const site = p.site === moved.placementSiteName ? "Akuttmottaket" : p.site;
    await rows.update(p.coordinator, moved.id, {
      version: moved.version,
      placementSiteName: site,
      startDate: addDays(p.start, 7),
    });
    clock.set(daysAgo(changedDaysAgo, "09:05"));
    await rows.remove(p.coordinator, leaving.id, leaving.version);
    const [added] = (
      await rows.create(p.coordinator, sheetId, [
        rowOf(newcomer, "norwegian", leaving.studyProgramme, leaving.placementSiteName, p.start, p.end),
      ])
    ).rows as [Row];
    clock.set(daysAgo(changedDaysAgo, "09:07"));
    await rows.comment(p.coordinator, added.id, {
      body: `Kommer inn fra ventelisten i stedet for ${leaving.firstName} ${leaving.lastName}, som har sluttet.`,
    });
    clock.set(daysAgo(changedDaysAgo - 1, "07:45"));
    await rows.comment(fou, moved.id, {
      body: `Avdelingen er varslet om ny startdato. Vi sjekker om tilgangen må bestilles på nytt for ${site}.`,
    });
  }

  clock.set(null);
  // The morning job's reminders for sheets due within the week, as on the day of the first start.
  await overviews.runDeadlineReminders(clock.now());
}
