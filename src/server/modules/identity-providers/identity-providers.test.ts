import { describe, expect, it } from "vitest";
import { issuerSchema, oidcStartQuery } from "../../../contracts/identity-providers.ts";
import { emailFromClaims } from "./identity-providers.usecases.ts";

describe("emailFromClaims", () => {
  it("takes the e-mail, lower-cased, unless the provider says it is not verified", () => {
    expect(emailFromClaims("feide", { sub: "x", email: " Kari@UiB.no " })).toBe("kari@uib.no");
    expect(emailFromClaims("feide", { sub: "x", email: "kari@uib.no", email_verified: false })).toBeNull();
    expect(emailFromClaims("feide", { sub: "x", preferred_username: "kari@uib.no" })).toBeNull();
  });

  it("falls back to preferred_username and upn for Entra ID", () => {
    expect(emailFromClaims("entra_id", { sub: "x", preferred_username: "Ola@Helse-Bergen.no" })).toBe(
      "ola@helse-bergen.no",
    );
    expect(emailFromClaims("entra_id", { sub: "x", preferred_username: "ola", upn: "ola@hb.no" })).toBe("ola@hb.no");
    expect(emailFromClaims("entra_id", { sub: "x" })).toBeNull();
  });
});

describe("identity provider contracts", () => {
  it("accepts https issuers, and http only on this machine", () => {
    expect(issuerSchema.safeParse("https://auth.dataporten.no").success).toBe(true);
    expect(issuerSchema.safeParse("http://127.0.0.1:4000").success).toBe(true);
    expect(issuerSchema.safeParse("http://auth.dataporten.no").success).toBe(false);
    expect(issuerSchema.safeParse("https://idp.example/?x=1").success).toBe(false);
  });

  it("takes only paths of this app to return to", () => {
    for (const ok of ["/", "/oversikt?x=1"]) expect(oidcStartQuery.safeParse({ returnTo: ok }).success, ok).toBe(true);
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "oversikt", "/a b"]) {
      expect(oidcStartQuery.safeParse({ returnTo: bad }).success, bad).toBe(false);
    }
  });
});
