import { describe, expect, it } from "vitest";
import {
  applyExceptions,
  type ProfileException,
  type ProfileQuestion,
  programmeKey,
  resolveAccessProfile,
} from "./access-profile.ts";

const nursing = { id: "prog-nursing", name: "Sykepleie", professionId: "nurse" };
const intensive = { id: "prog-intensive", name: "Intensivsykepleie", professionId: "intensive-nurse" };
const radiography = { id: "prog-radiography", name: "Radiografi", professionId: "radiographer" };
const dips = { systemId: "dips", role: "Student sykepleie" };
const metavision = { systemId: "metavision", role: "Student intensiv" };

const question = (over: Partial<ProfileQuestion> = {}): ProfileQuestion => ({
  documentProgrammeId: nursing.id,
  studyProgramme: "",
  period: { start: "2027-03-01", end: "2027-04-09" },
  programmes: [nursing, intensive, radiography],
  profiles: [
    { professionId: "nurse", versionId: "nurse-v3", version: 3, items: [dips] },
    { professionId: "intensive-nurse", versionId: "intensive-v1", version: 1, items: [dips, metavision] },
  ],
  exceptions: [],
  ...over,
});

describe("the access profile of a row", () => {
  it("is the current profile of the document's programme's profession when the row names no other", () => {
    for (const studyProgramme of ["", "  ", "Sykepleie", " sykepleie ", "SYKEPLEIE"]) {
      expect(resolveAccessProfile(question({ studyProgramme })), studyProgramme).toEqual({
        ok: true,
        programmeId: nursing.id,
        professionId: "nurse",
        profileVersionId: "nurse-v3",
        version: 3,
        items: [{ ...dips, exceptionId: null }],
      });
    }
  });

  it("follows the row's study programme when it names another programme of the institution", () => {
    const resolved = resolveAccessProfile(question({ studyProgramme: " intensivsykepleie" }));
    expect(resolved).toMatchObject({ ok: true, programmeId: intensive.id, profileVersionId: "intensive-v1" });
    expect(resolveAccessProfile(question({ studyProgramme: "Intensivsykepleie" }))).toMatchObject({
      items: [
        { systemId: "dips", exceptionId: null },
        { systemId: "metavision", exceptionId: null },
      ],
    });
  });

  it("is an error to fix before ordering when the row's study programme names no programme of the institution", () => {
    expect(resolveAccessProfile(question({ studyProgramme: " Vernepleie " }))).toEqual({
      ok: false,
      reason: "unknown_programme",
      studyProgramme: "Vernepleie",
    });
    const otherInstitution = question({ programmes: [nursing], studyProgramme: "Radiografi" });
    expect(resolveAccessProfile(otherInstitution)).toMatchObject({ ok: false, reason: "unknown_programme" });
  });

  it("is missing when the profession has no current profile", () => {
    expect(resolveAccessProfile(question({ studyProgramme: "Radiografi" }))).toEqual({
      ok: false,
      reason: "no_profile",
      programmeId: radiography.id,
      professionId: "radiographer",
    });
    expect(resolveAccessProfile(question({ profiles: [] }))).toMatchObject({ reason: "no_profile" });
  });

  it("compares programme names trimmed, with single spaces and without case", () => {
    expect(programmeKey("  Intensiv   Sykepleie ")).toBe("intensiv sykepleie");
    expect(programmeKey("ÅRSSTUDIUM")).toBe("årsstudium");
  });
});

describe("exceptions (approved change requests for a programme and period)", () => {
  const exception = (over: Partial<ProfileException> = {}): ProfileException => ({
    id: "exception-1",
    programmeId: nursing.id,
    from: "2027-03-15",
    to: "2027-06-30",
    add: [metavision],
    remove: [],
    ...over,
  });
  const period = { start: "2027-03-01", end: "2027-04-09" };

  it("change nothing while there are none", () => {
    expect(applyExceptions([dips], [], nursing.id, period)).toEqual([{ ...dips, exceptionId: null }]);
  });

  it("add systems for the programme in an overlapping period, marked with the exception", () => {
    const resolved = resolveAccessProfile(question({ exceptions: [exception()] }));
    expect(resolved).toMatchObject({
      ok: true,
      profileVersionId: "nurse-v3",
      items: [
        { ...dips, exceptionId: null },
        { ...metavision, exceptionId: "exception-1" },
      ],
    });
  });

  it("remove systems, and replace the role of a system the profile has", () => {
    const removed = applyExceptions(
      [dips, metavision],
      [exception({ add: [], remove: ["metavision"] })],
      nursing.id,
      period,
    );
    expect(removed).toEqual([{ ...dips, exceptionId: null }]);
    const replaced = applyExceptions(
      [dips],
      [exception({ add: [{ systemId: "dips", role: "Student jordmor" }] })],
      nursing.id,
      period,
    );
    expect(replaced).toEqual([{ systemId: "dips", role: "Student jordmor", exceptionId: "exception-1" }]);
  });

  it("leave other programmes and periods that do not overlap alone", () => {
    const others = [
      exception({ programmeId: intensive.id }),
      exception({ from: "2027-04-10", to: "2027-06-30" }),
      exception({ from: "2027-01-01", to: "2027-02-28" }),
    ];
    expect(applyExceptions([dips], others, nursing.id, period)).toEqual([{ ...dips, exceptionId: null }]);
    const lastDay = exception({ from: "2027-04-09", to: "2027-04-09" });
    expect(applyExceptions([dips], [lastDay], nursing.id, period)).toHaveLength(2);
  });

  it("apply in the order given, a later one over an earlier one", () => {
    const first = exception({ id: "first", add: [{ systemId: "synergi", role: "Melder" }] });
    const second = exception({ id: "second", add: [], remove: ["synergi"] });
    expect(applyExceptions([dips], [first, second], nursing.id, period)).toEqual([{ ...dips, exceptionId: null }]);
  });
});
