import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signInProviderSchema } from "../../../../contracts/identity-providers.ts";
import { signInProvidersOf } from "./listSignInProviders.ts";

const feide = {
  id: "7d4a2f1e-3b6c-4e8d-9a0f-1c2b3d4e5f60",
  trustName: "Helse Bergen",
  kind: "feide",
  displayName: "Feide",
};
const schema = z.array(signInProviderSchema);

describe("signInProvidersOf checks what signInProviderSchema checks, without Zod", () => {
  it.each([
    [[feide]],
    [[feide, { ...feide, kind: "entra_id", displayName: "Helse Bergen (Entra ID)" }]],
    [[]],
    [[{ ...feide, extra: "dropped" }]],
  ])("takes %j as the schema does", (answer) => {
    expect(signInProvidersOf(answer)).toEqual(schema.parse(answer));
  });

  it.each([
    [[{ ...feide, kind: "saml" }]],
    [[{ ...feide, displayName: undefined }]],
    [[{ ...feide, trustName: 3 }]],
    [[null]],
    [{ providers: [feide] }],
    [null],
  ])("refuses %j as the schema does", (answer) => {
    expect(schema.safeParse(answer).success).toBe(false);
    expect(() => signInProvidersOf(answer)).toThrow(TypeError);
  });
});
