import type { Row, RowInput } from "../../contracts/overviews.ts";
import { addDays, type IsoDate, todayInOslo } from "../../domain/dates.ts";
import { createNotifier } from "../modules/notifications/notifications.public.ts";
import { createOutbox } from "../modules/outbox/outbox.public.ts";
import { createPersonLinks } from "../modules/overviews/overviews.public.ts";
import { createOverviewsUsecases } from "../modules/overviews/overviews.usecases.ts";
import { createRowsUsecases } from "../modules/overviews/rows.usecases.ts";
import { createPersonsUsecases } from "../modules/persons/persons.public.ts";
import type { Actor } from "../shared/actor.ts";
import type { Clock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { at, type DemoWorld, demoActor, demoClock } from "./demo-world.ts";
import { withMistakes } from "./mistakes.ts";
import { changedDaysAgo, type DocumentPlan, type SheetPlan, semesterPlan, sheetDates } from "./semester-plan.ts";
import { createStudentFactory, type Student, seededRandom } from "./students.ts";

/**
 * A semester in the demo trust, as coordinators and FOU would have left it by the day of the first
 * start: documents for each programme with sheets submitted, due soon, late and on time, a sheet
 * changed after submission with comments, the typical mistakes in the sheets not yet submitted,
 * and international sheets. Everything goes through the overviews' use-cases as the demo people,
 * so rows are encrypted in their places, matched to persons, counted, tracked and announced as in
 * use; a demo clock sets each step on its day, counted from the first start.
 */

const studentDomains = { UiB: "student.uib.no", HVL: "stud.hvl.no", VID: "stud.vid.no" } as const;

/** A sheet the semester filled with rows of its own (not a copy), as the registration campaigns need it. */
export interface DemoSheet {
  institution: DocumentPlan["institution"];
  plan: SheetPlan;
  overviewId: string;
  sheetId: string;
  /** The document's and the sheet's names: `HVL Sykepleie kull 2024 – Periode 3`. */
  name: string;
  dates: ReturnType<typeof sheetDates>;
  /** The students on it, as they are; `typed` is their rows as the coordinator typed them, mistakes included. */
  students: Student[];
  typed: RowInput[];
  /** An exchange student just arrived at the institution, on none of its sheets, with a Norwegian mobile. */
  spare: Student;
}

/** The latest intake: students are admitted in August. */
function latestCohort(today: IsoDate): number {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return month >= 8 ? year : year - 1;
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

/** Fills the semester (see `semester-plan.ts`) into the demo trust, as its coordinators and FOU. */
export async function fillDemoSemester(
  db: Db,
  world: DemoWorld,
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<{ sheets: DemoSheet[] }> {
  const clock = demoClock(deps.clock);
  const persons = createPersonsUsecases({ db, crypto: deps.crypto, links: createPersonLinks() });
  const notifier = createNotifier({ outbox: createOutbox({ publicUrl: deps.publicUrl, clock }), clock });
  const overviewDeps = { db, crypto: deps.crypto, clock, notifier, persons };
  const overviews = createOverviewsUsecases(overviewDeps);
  const rows = createRowsUsecases(overviewDeps);
  const students = createStudentFactory();

  const actorOf = (email: string) => demoActor(world, email);
  const fou = actorOf("fou@demo.test");
  const today = todayInOslo(deps.clock.now());
  const intake = latestCohort(today);
  const filled: DemoSheet[] = [];

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
    // One more than the largest sheet: a student who has just arrived (`DemoSheet.spare`).
    const exchange = students.exchange(2000 + d, largest("international") + 1, intake, domain);
    const arrived = { ...(exchange.at(-1) as Student), mobile: students.mobile(seededRandom(6000 + d)) };

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
          const withTheirMistakes = withMistakes(typed, plan.mistakes ?? [], random, {
            periodEnd: period.end,
            sites: doc.sites,
          });
          created = (await rows.create(coordinator, sheet.id, withTheirMistakes)).rows;
          filled.push({
            institution: doc.institution,
            plan,
            overviewId: overview.id,
            sheetId: sheet.id,
            name: `${overview.name} – ${sheet.name}`,
            dates: period,
            students: people,
            typed: withTheirMistakes,
            spare: arrived,
          });
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
  return { sheets: filled };
}
