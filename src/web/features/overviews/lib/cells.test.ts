import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../../../test/helpers/national-ids.ts";
import type { Row } from "../../../../contracts/overviews.ts";
import type { RowContext } from "../../../../domain/placement-row/context.ts";
import { emptyRow } from "../../../../domain/placement-row/fields.ts";
import { applyInput } from "../../../../domain/placement-row/input.ts";
import { rowProblems } from "../../../../domain/placement-row/problems.ts";
import { type CheckContext, checkCell } from "./cells.ts";

const sites = [{ id: "5b0e2f0a-8a4c-4a8e-9a61-1f7e3c1d2b10", name: "Akuttmottaket" }];
const period = { periodStart: "2027-03-01", periodEnd: "2027-04-30" };
const norwegian: CheckContext = { kind: "norwegian", testMode: false, sites, ...period };
const international: CheckContext = { ...norwegian, kind: "international" };
/** The server's context for the same sheet. */
const domain = ({ kind, testMode, periodStart, periodEnd }: CheckContext): RowContext => ({
  kind,
  testMode,
  periodStart,
  periodEnd,
  sites,
});

const fnr = testNationalId({ year: 1995, month: 5, day: 17, individual: 100 });
const dnr = testNationalId({ year: 1995, month: 5, day: 17, individual: 100, kind: "dnr" });
const broken = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;

/** A stored row as the API answers it: an international student with a D-number, no birth date. */
const row = {
  lastName: "Smith",
  firstName: "Anna",
  nationalIdMasked: null,
  birthDate: null,
  nationality: "Swedish",
  email: "anna@example.se",
  mobile: "+46701234567",
  homeInstitution: "Lund",
  studyProgramme: "Nursing",
  placementSiteId: sites[0]?.id ?? null,
  placementSiteName: "Akuttmottaket",
  startDate: "2027-03-01",
  endDate: "2027-03-26",
  dNumberMasked: `${dnr.slice(0, 6)} *****`,
  previousUsername: "",
  anonymisedAt: null,
} as unknown as Row;

describe("checkCell, the grid's check as one types", () => {
  it("asks for a national ID on a Norwegian sheet, as the server does, and not on an international one", () => {
    expect(checkCell("nationalId", "", norwegian)).toEqual([{ code: "national_id.empty" }]);
    expect(checkCell("nationalId", "  ", international)).toEqual([]);
    const server = rowProblems({ ...emptyRow, nationalId: "" }, domain(norwegian)).filter(
      (p) => p.field === "nationalId",
    );
    expect(server.map((p) => p.code)).toEqual(["national_id.empty"]);
  });

  it("reports a D-number's faults as d_number.*, with what was found, as the server does", () => {
    expect(checkCell("dNumber", "1234", international)).toEqual([
      { code: "d_number.wrong_length", details: { reason: "digits", digits: 4 } },
    ]);
    expect(checkCell("dNumber", broken, international)).toEqual([{ code: "d_number.checksum" }]);
    expect(checkCell("nationalId", broken, norwegian)).toEqual([{ code: "national_id.checksum" }]);
    const server = rowProblems(
      applyInput(emptyRow, { dNumber: "1234" }, domain(international)).data,
      domain(international),
    );
    expect(server.find((p) => p.field === "dNumber")).toEqual({
      field: "dNumber",
      code: "d_number.wrong_length",
      details: { reason: "digits", digits: 4 },
    });
  });

  it("takes any valid national ID in the D-number column, a fødselsnummer too, and warns of a restored zero", () => {
    expect(checkCell("dNumber", dnr, international)).toEqual([]);
    expect(checkCell("dNumber", fnr, international)).toEqual([]);
    const zero = testNationalId({ year: 1995, month: 5, day: 7, individual: 100 });
    expect(checkCell("nationalId", zero.slice(1), norwegian)).toEqual([
      { code: "national_id.leading_zero_restored", warning: true },
    ]);
  });

  it("reads the row's other values: a birth date is needed only without a national ID or D-number", () => {
    expect(checkCell("birthDate", "", { ...international, row })).toEqual([]);
    expect(checkCell("birthDate", "", { ...international, row: { ...row, dNumberMasked: null } })).toEqual([
      { code: "date.empty" },
    ]);
    expect(checkCell("birthDate", "31.02.1999", { ...international, row })).toEqual([{ code: "date.invalid" }]);
  });

  it("checks dates against the period and the row's other date, the end date carrying the fault", () => {
    expect(checkCell("startDate", "", norwegian)).toEqual([{ code: "date.empty" }]);
    expect(checkCell("startDate", "01.05.2027", norwegian)).toEqual([
      { code: "date.outside_period", details: { reason: "period", start: "2027-03-01", end: "2027-04-30" } },
    ]);
    expect(checkCell("endDate", "10.03.2027", { ...norwegian, row, startDate: "2027-03-15" })).toEqual([
      { code: "date.end_before_start" },
    ]);
    expect(checkCell("startDate", "20.03.2027", { ...norwegian, row, endDate: "2027-03-10" })).toEqual([]);
  });

  it("checks names, e-mail, mobile, previous username and site with the server's rules", () => {
    expect(checkCell("lastName", " ", norwegian)).toEqual([{ code: "name.empty" }]);
    expect(checkCell("email", "anna@", norwegian).map((p) => p.code)).toEqual(["email.invalid"]);
    expect(checkCell("mobile", "12", norwegian).map((p) => p.code)).toEqual(["mobile.invalid"]);
    expect(checkCell("previousUsername", fnr, norwegian)).toEqual([{ code: "previous_username.national_id" }]);
    expect(checkCell("placementSiteId", "", { ...norwegian, row })).toEqual([{ code: "placement_site.empty" }]);
    expect(checkCell("placementSiteId", sites[0]?.id ?? "", { ...norwegian, row })).toEqual([]);
    expect(checkCell("nationality", "", international)).toEqual([]);
  });
});
