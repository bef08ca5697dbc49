import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compiledSerializer } from "./compiled-serializer.ts";

const schema = z.object({
  id: z.uuid(),
  name: z.string(),
  state: z.enum(["draft", "ordered"]),
  at: z.string().nullable(),
  items: z.array(z.object({ code: z.string(), details: z.object({ digits: z.number() }).optional() })),
});
const write = compiledSerializer({ schema });
const value: z.output<typeof schema> = {
  id: "0b9c6f52-3f0e-4c55-9d84-4cbbd1b4f0a1",
  name: 'Kari "Nordmann"',
  state: "draft",
  at: null,
  items: [{ code: "national_id.wrong_length", details: { digits: 10 } }, { code: "name.empty" }],
};

describe("a serializer compiled from a route's contract", () => {
  it("writes what Zod's encoding writes", () => {
    expect(write(value)).toBe(JSON.stringify(z.encode(schema, value)));
  });

  it("writes only the contract's keys: a field added by mistake never leaves", () => {
    const written = JSON.parse(write({ ...value, nationalIdEnc: "v2.secret", items: [{ code: "x", hash: "h" }] }));
    expect(written).not.toHaveProperty("nationalIdEnc");
    expect(written.items).toEqual([{ code: "x" }]);
  });

  it("fails an answer that lacks a required key", () => {
    const { name: _left, ...withoutName } = value;
    expect(() => write(withoutName)).toThrow(/name/);
  });

  it("refuses a contract that transforms its values (Fastify builds it when the app gets ready)", () => {
    expect(() => compiledSerializer({ schema: z.object({ n: z.string().transform(Number) }) })).toThrow();
    expect(() => compiledSerializer({ schema: { type: "object" } })).toThrow(TypeError);
  });
});
