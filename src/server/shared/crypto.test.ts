import { createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encryptV1 } from "../../../test/helpers/legacy-ciphertext.ts";
import { testNationalId } from "../../../test/helpers/national-ids.ts";
import { type CipherPlace, createDataCrypto, DecryptionError } from "./crypto.ts";

const key = randomBytes(32);
const crypto = createDataCrypto(key);
const value = testNationalId();
const place: CipherPlace = { table: "persons", column: "national_id_enc", id: "7b0a9a4e-0000-4000-8000-000000000001" };

describe("encrypt and decrypt", () => {
  it("round-trips short strings, and never shows the plain value", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (plain) => {
        const token = crypto.encrypt(plain, place);
        expect(crypto.decrypt(token, place)).toBe(plain);
        if (plain.length >= 4) expect(token).not.toContain(plain);
      }),
    );
    const token = crypto.encrypt(value, place);
    expect(token).toMatch(/^v2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain(value);
  });

  it("uses a fresh IV each time", () => {
    const a = crypto.encrypt(value, place);
    const b = crypto.encrypt(value, place);
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
  });

  it("refuses any changed byte of IV, tag or ciphertext", () => {
    const token = crypto.encrypt(value, place);
    const parts = token.split(".");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (part, at, xor) => {
        const bytes = Buffer.from(parts[part] as string, "base64url");
        const i = at % bytes.length;
        bytes[i] = (bytes[i] as number) ^ xor;
        const tampered = parts.map((p, j) => (j === part ? bytes.toString("base64url") : p)).join(".");
        expect(() => crypto.decrypt(tampered, place)).toThrow(DecryptionError);
      }),
    );
  });

  it("refuses another key, another version, a truncated value and a second spelling", () => {
    const token = crypto.encrypt(value, place);
    expect(() => createDataCrypto(randomBytes(32)).decrypt(token, place)).toThrow(DecryptionError);
    expect(() => crypto.decrypt(token.replace(/^v2\./, "v1."), place)).toThrow(DecryptionError);
    expect(() => crypto.decrypt(token.slice(0, -2), place)).toThrow(DecryptionError);
    expect(() => crypto.decrypt(token.split(".").slice(0, 3).join("."), place)).toThrow(DecryptionError);
    expect(() => crypto.decrypt(`${token}=`, place)).toThrow(DecryptionError);
    expect(() => crypto.decrypt("", place)).toThrow(DecryptionError);
  });

  it("binds each value to its table, column and row: moved elsewhere, it does not decrypt", () => {
    const token = crypto.encrypt(value, place);
    expect(crypto.decrypt(token, { ...place })).toBe(value);
    for (const elsewhere of [
      { ...place, id: "7b0a9a4e-0000-4000-8000-000000000002" },
      { ...place, column: "d_number_enc" },
      { ...place, table: "placement_rows" },
    ]) {
      expect(() => crypto.decrypt(token, elsewhere)).toThrow(DecryptionError);
    }
  });

  it("still reads v1 values (written before the binding), and tells them from current ones", () => {
    const legacy = encryptV1(key, value);
    expect(crypto.decrypt(legacy, place)).toBe(value);
    expect(crypto.isCurrent(legacy)).toBe(false);
    expect(crypto.isCurrent(crypto.encrypt(value, place))).toBe(true);
  });

  it("wants a 32-byte key", () => {
    expect(() => createDataCrypto(randomBytes(16))).toThrow();
  });
});

describe("hash", () => {
  it("is stable for equal input, differs for different input and between keys", () => {
    expect(crypto.hash(value)).toBe(crypto.hash(value));
    expect(crypto.hash(value)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(crypto.hash(value)).not.toBe(crypto.hash(testNationalId({ day: 15 })));
    expect(createDataCrypto(randomBytes(32)).hash(value)).not.toBe(crypto.hash(value));
  });

  it("is not keyed with the encryption key itself", () => {
    const direct = createHmac("sha256", key).update(value).digest("base64url");
    expect(crypto.hash(value)).not.toBe(direct);
  });
});
