import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upgradeCiphertexts } from "../../src/server/encryption-upgrade.ts";
import { placementRows } from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import { createDataCrypto } from "../../src/server/shared/crypto.ts";
import { encryptV1 } from "../helpers/legacy-ciphertext.ts";
import { testNationalId } from "../helpers/national-ids.ts";
import { seedWorld, type World } from "../helpers/seed.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** Issue 7 §6: ciphertexts bound to their table, column and row; older values re-encrypted at start. */
const key = randomBytes(32);
const crypto = createDataCrypto(key);
let t: TestApp;
let world: World;
let admin: string;

const number = testNationalId({ year: 2036, month: 6, day: 6, individual: 560 });
const other = testNationalId({ year: 2036, month: 7, day: 7, individual: 570 });

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_ENCRYPTION_KEY: key.toString("base64") } });
  world = await seedWorld(t.database.db);
  admin = await t.login(world.users.admin.email);
});
afterAll(() => t?.close());

const reveal = (personId: string) =>
  t.call("POST", `/api/persons/${personId}/reveal-national-id`, { cookie: admin, body: {} });

describe("ciphertexts bound to their place", () => {
  it("re-encrypts v1 values of persons and rows in the current format, once", async () => {
    const personId = world.students.bergen.id;
    const rowId = world.overviews.uib.row.id;
    await t.database.db
      .update(persons)
      .set({ nationalIdEnc: encryptV1(key, number), nationalIdHash: crypto.hash(number) })
      .where(eq(persons.id, personId));
    await t.database.db
      .update(placementRows)
      .set({ nationalIdEnc: encryptV1(key, number), dNumberEnc: encryptV1(key, other) })
      .where(eq(placementRows.id, rowId));
    // A v1 value is still read before the upgrade.
    expect((await reveal(personId)).json()).toEqual({ nationalId: number });

    expect(await upgradeCiphertexts(t.database.db, crypto)).toBe(3);
    const [person] = await t.database.db.select().from(persons).where(eq(persons.id, personId));
    const [row] = await t.database.db.select().from(placementRows).where(eq(placementRows.id, rowId));
    for (const value of [person?.nationalIdEnc, row?.nationalIdEnc, row?.dNumberEnc]) expect(value).toMatch(/^v2\./);
    expect((await reveal(personId)).json()).toEqual({ nationalId: number });
    const rowReveal = await t.call("POST", `/api/rows/${rowId}/reveal-national-id`, { cookie: admin });
    expect(rowReveal.json()).toEqual({ nationalId: number });
    expect(await upgradeCiphertexts(t.database.db, crypto)).toBe(0);
  });

  it("refuses a ciphertext moved to another person", async () => {
    const [source] = await t.database.db.select().from(persons).where(eq(persons.id, world.students.bergen.id));
    const [target] = await t.database.db
      .insert(persons)
      .values({
        trustId: world.trusts.bergen.id,
        firstName: "Flyttet",
        lastName: "Verdi",
        nationalIdEnc: source?.nationalIdEnc,
      })
      .returning();
    expect(source?.nationalIdEnc).toMatch(/^v2\./);
    const res = await reveal(target?.id as string);
    // The record's own value would decrypt; a copied one fails as tampered data does.
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(number);
  });
});
