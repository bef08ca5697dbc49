import { describe, expect, it } from "vitest";
import { needsConfirmation, publicStep, registrationState } from "./states.ts";

const at = new Date("2026-08-10T10:00:00Z");
const base = { emailConfirmedAt: at, personId: "p1", personHasRows: true, personTransferredAt: null };

describe("a registration's state", () => {
  it("is unconfirmed until the e-mail address is confirmed, whatever else is true", () => {
    expect(registrationState({ ...base, emailConfirmedAt: null, personTransferredAt: at })).toBe("unconfirmed");
  });
  it("is confirmed without a person, or with a person without rows", () => {
    expect(registrationState({ ...base, personId: null })).toBe("confirmed");
    expect(registrationState({ ...base, personHasRows: false })).toBe("confirmed");
  });
  it("is matched when the person has rows, and transferred once the person is", () => {
    expect(registrationState(base)).toBe("matched");
    expect(registrationState({ ...base, personTransferredAt: at })).toBe("transferred");
  });
  it("shows the student the step reached", () => {
    expect(publicStep({ personTransferredAt: null })).toBe("registered");
    expect(publicStep({ personTransferredAt: at })).toBe("transferred");
  });
});

describe("needsConfirmation", () => {
  const matched = {
    matchedBy: "national_id",
    email: "kari@student.no",
    personHasRows: true,
    rowEmails: ["kari@uib.no"],
    verifiedAt: null,
    fouConfirmedAt: null,
  };
  it("holds a national ID match whose e-mail differs from every e-mail on the person's rows", () => {
    expect(needsConfirmation(matched)).toBe(true);
    expect(needsConfirmation({ ...matched, rowEmails: [] })).toBe(true);
  });
  it("does not when one row has the same address (in any case)", () => {
    expect(needsConfirmation({ ...matched, rowEmails: ["kari@uib.no", "KARI@student.no "] })).toBe(false);
  });
  it("does not for ID-porten, FOU's confirmation, other keys, or a person without rows yet", () => {
    expect(needsConfirmation({ ...matched, verifiedAt: at })).toBe(false);
    expect(needsConfirmation({ ...matched, fouConfirmedAt: at })).toBe(false);
    expect(needsConfirmation({ ...matched, matchedBy: "email" })).toBe(false);
    expect(needsConfirmation({ ...matched, personHasRows: false })).toBe(false);
  });
});
