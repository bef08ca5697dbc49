import { describe, expect, it } from "vitest";
import { testNationalId } from "../../../test/helpers/national-ids.ts";
import { checkRegistrationForm } from "./form.ts";

const fnr = testNationalId();
const wrongCheckDigit = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;

const valid = {
  firstName: "Kari",
  lastName: "Nordmann",
  email: " Kari@Student.UIB.no ",
  mobile: "912 34 567",
  nationalId: fnr,
};

describe("the registration form", () => {
  it("turns the mobile into E.164 (Norway by default) and lower-cases the e-mail", () => {
    const result = checkRegistrationForm(
      { ...valid, nationalId: null, birthDate: "2001-02-03", nationality: "SE", homeInstitution: "Lund" },
      { testMode: false },
    );
    expect(result).toEqual({ ok: true, email: "kari@student.uib.no", mobile: "+4791234567", nationalId: null });
  });

  it("accepts a foreign number that is possible in its country", () => {
    const result = checkRegistrationForm(
      {
        ...valid,
        mobile: "+46 70 123 45 67",
        nationalId: null,
        birthDate: "2001-02-03",
        nationality: "SE",
        homeInstitution: "Lund",
      },
      { testMode: false },
    );
    expect(result.ok && result.mobile).toBe("+46701234567");
  });

  it("names each field at fault with its code", () => {
    const result = checkRegistrationForm(
      { firstName: " ", lastName: "N", email: "kari@", mobile: "12", nationalId: wrongCheckDigit },
      { testMode: false },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { path: "firstName", message: "registration.required" },
      { path: "email", message: "email.invalid" },
      { path: "mobile", message: "mobile.invalid" },
      { path: "nationalId", message: "national_id.checksum" },
    ]);
  });

  it("asks for birth date, nationality and home institution when there is no national ID", () => {
    const result = checkRegistrationForm({ ...valid, nationalId: "" }, { testMode: false });
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(["birthDate", "nationality", "homeInstitution"]);
  });

  it("accepts synthetic test numbers only in the trust's test mode", () => {
    const synthetic = testNationalId({ kind: "tnr" });
    const refused = checkRegistrationForm({ ...valid, nationalId: synthetic }, { testMode: false });
    expect(!refused.ok && refused.issues).toEqual([
      { path: "nationalId", message: "national_id.test_number_not_allowed" },
    ]);
    const accepted = checkRegistrationForm({ ...valid, nationalId: synthetic }, { testMode: true });
    expect(accepted.ok && accepted.nationalId).toBe(synthetic);
    expect(checkRegistrationForm(valid, { testMode: false }).ok).toBe(true);
  });
});
