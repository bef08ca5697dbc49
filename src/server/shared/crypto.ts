import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption of short personal values at rest (national IDs) and a keyed hash to find them again.
 *
 * - `encrypt`: AES-256-GCM with the 32-byte `DATA_ENCRYPTION_KEY` and a random 12-byte IV, written as
 *   one self-describing string `v1.<iv>.<tag>.<ciphertext>` (base64url). The version names the key
 *   and algorithm, so a later key rotation can tell old values from new ones.
 * - `hash`: HMAC-SHA256 under a sub-key derived from the same key with HKDF, so the encryption key is
 *   never used for anything else; equal inputs give equal hashes (base64url), for unique indexes and
 *   look-ups. Normalize the value before hashing (national IDs: the 11 digits).
 */
export interface DataCrypto {
  encrypt(plain: string): string;
  /** Throws on a tampered, truncated or foreign value. */
  decrypt(token: string): string;
  hash(value: string): string;
}

const version = "v1";
const ivBytes = 12;
const tagBytes = 16;

export class DecryptionError extends Error {
  constructor() {
    super("The value could not be decrypted: it was changed, or encrypted with another key.");
  }
}

export function createDataCrypto(key: Buffer): DataCrypto {
  if (key.length !== 32) throw new Error("The data encryption key must be 32 bytes.");
  const encryptionKey = Buffer.from(key);
  const hashKey = Buffer.from(hkdfSync("sha256", encryptionKey, Buffer.alloc(0), "praksistilgang lookup hash v1", 32));

  return {
    encrypt(plain) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv, { authTagLength: tagBytes });
      cipher.setAAD(Buffer.from(version));
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [version, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
    },

    decrypt(token) {
      const parts = token.split(".");
      if (parts.length !== 4 || parts[0] !== version) throw new DecryptionError();
      const decoded = parts.slice(1).map((p) => Buffer.from(p, "base64url"));
      // Only the canonical encoding: no value has two spellings.
      if (decoded.some((bytes, i) => bytes.toString("base64url") !== parts[i + 1])) throw new DecryptionError();
      const [iv, tag, ciphertext] = decoded as [Buffer, Buffer, Buffer];
      if (iv.length !== ivBytes || tag.length !== tagBytes) throw new DecryptionError();
      try {
        const decipher = createDecipheriv("aes-256-gcm", encryptionKey, iv, { authTagLength: tagBytes });
        decipher.setAAD(Buffer.from(version));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw new DecryptionError();
      }
    },

    hash(value) {
      return createHmac("sha256", hashKey).update(value, "utf8").digest("base64url");
    },
  };
}
