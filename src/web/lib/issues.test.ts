import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./api.ts";
import { serverFieldErrors } from "./errors.ts";
import { errorIssues } from "./issues.ts";

const t = ((key: string) => `text:${key}`) as TFunction;
const refused = (issues: unknown) =>
  new ApiRequestError(400, { code: "validation.failed", message: "Some fields are not valid.", details: { issues } });

describe("errorIssues", () => {
  it("reads the issues of an answer, and nothing from an answer without them", () => {
    expect(errorIssues({ issues: [{ path: "email", message: "Invalid email" }] })).toEqual([
      { path: "email", message: "Invalid email" },
    ]);
    expect(errorIssues(undefined)).toBeNull();
    expect(errorIssues({ issues: [{ path: ["email"] }] })).toBeNull();
  });
});

describe("serverFieldErrors", () => {
  it("puts each issue on the field its path names, with the form's message or a generic one", () => {
    const error = refused([
      { path: "firstAdmin.email", message: "Invalid email" },
      { path: "name", message: "Too long" },
      { path: "name", message: "Required" },
    ]);
    expect(serverFieldErrors(t, error, { name: "Skriv inn navnet." })).toEqual({
      "firstAdmin.email": "text:errors.fieldInvalid",
      name: "Skriv inn navnet.",
    });
  });

  it("gives nothing for other errors", () => {
    expect(serverFieldErrors(t, new ApiRequestError(409, { code: "conflict.duplicate", message: "x" }))).toEqual({});
    expect(serverFieldErrors(t, new Error("boom"))).toEqual({});
  });
});
