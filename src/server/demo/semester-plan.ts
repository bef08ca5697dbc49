import { addDays, type IsoDate } from "../../domain/dates.ts";
import { deadlineOf } from "../../domain/deadlines.ts";

/**
 * The demo semester's plan: each programme's document and sheets, their deadlines counted from the
 * first start, how many students, when they were submitted, and the mistakes left in them.
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
  /** FOU's registration campaign for this sheet's students: still open, or closed (`campaign-plan.ts`). */
  campaign?: "open" | "closed";
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
        campaign: "closed",
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
        campaign: "open",
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
        campaign: "open",
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
        campaign: "open",
      },
      { kind: "norwegian", label: "Periode", number: 4, deadlineIn: 44, weeks: 6, students: 20, copyOf: 0 },
    ],
  },
];

/** The first Monday on or after `date`. */
function mondayFrom(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (8 - weekday) % 7);
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
