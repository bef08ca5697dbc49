import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fetchMe } from "./fetchMe.ts";

const me = {
  user: {
    id: "3f0c9a2e-5b1d-4c7a-8e6f-2a1b3c4d5e6f",
    email: "kari.nordmann@helse-bergen.no",
    name: "Kari Nordmann",
    language: null,
    emailNotifications: "immediate",
    isSystemAdmin: false,
  },
  memberships: [],
  activeTrust: null,
  roles: [],
};

function answer(body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchMe", () => {
  it("is null for an anonymous visitor", async () => {
    answer({ me: null });
    await expect(fetchMe()).resolves.toBeNull();
  });

  it("parses a signed-in person with the session's schema", async () => {
    answer({ me: { ...me, extra: "dropped" } });
    await expect(fetchMe()).resolves.toEqual(me);
  });

  it("rejects a shape the schema does not take", async () => {
    answer({ me: { ...me, roles: ["owner"] } });
    await expect(fetchMe()).rejects.toBeInstanceOf(z.ZodError);
    answer({});
    await expect(fetchMe()).rejects.toBeInstanceOf(z.ZodError);
  });
});
