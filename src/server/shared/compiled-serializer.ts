import fastJson, { type Schema } from "fast-json-stringify";
import { ZodType, z } from "zod";

/**
 * A route's answer written by a serializer compiled from its contract (fast-json-stringify over
 * the contract's JSON Schema), instead of Zod's encoding and then `JSON.stringify`. For the large
 * answers that are read on every visit (a sheet's rows): Zod's encoding copies and checks every
 * value of every row, about 1.3 ms of a 200-row sheet's 2.3 ms of writing (docs/performance.md).
 *
 * What the answer may hold is still the contract: only the schema's keys are written (a field the
 * code added by mistake never leaves), and a required key that is missing fails the answer. What it
 * no longer checks is each value's format (an enum, a uuid): the route's API tests check the answer
 * against the contract. A schema that transforms its values (a codec, a transform) has no JSON
 * Schema and fails the app's start (Fastify builds serializers when it gets ready), not a request.
 */
export function compiledSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof ZodType)) throw new TypeError("compiledSerializer takes a route's Zod response schemas.");
  return fastJson(z.toJSONSchema(schema, { target: "draft-7", io: "output" }) as Schema);
}
