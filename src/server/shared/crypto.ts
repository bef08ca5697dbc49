import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption of short personal values at rest (national IDs, client secrets) and a keyed hash to find
 * them again.
 *
 * - `encrypt`: AES-256-GCM with the 32-byte `DATA_ENCRYPTION_KEY` and a random 12-byte IV, written as
 *   one self-describing string `v2.<iv>.<tag>.<ciphertext>` (base64url). The associated data binds
 *   the value to its place — table, column and row id — so a ciphertext copied into another record
 *   or column fails to decrypt there. The version names the key, algorithm and binding.
 * - `decrypt` also reads `v1` values (written before the binding existed, associated data only the
 *   version); `isCurrent` tells them apart so they are re-encrypted (`encryption-upgrade.ts`).
 * - `hash`: HMAC-SHA256 under a sub-key derived from the same key with HKDF, so the encryption key is
 *   never used for anything else; equal inputs give equal hashes (base64url), for unique indexes and
 *   look-ups. Normalize the value before hashing (national IDs: the 11 digits).
 */
export interface DataCrypto {
  encrypt(plain: string, place: CipherPlace): string;
  /** Throws on a tampered, truncated or foreign value, or one that belongs to another place. */
  decrypt(token: string, place: CipherPlace): string;
  /** Whether a value is in the current format (else re-encrypt it). */
  isCurrent(token: string): boolean;
  hash(value: string): string;
}

/** Where a ciphertext lives: it decrypts only there. */
export interface CipherPlace {
  table: string;
  column: string;
  id: string;
}

const version = "v2";
const legacyVersion = "v1";
const ivBytes = 12;
const tagBytes = 16;

export class DecryptionError extends Error {
  constructor() {
    super("The value could not be decrypted: it was changed, or encrypted with another key.");
  }
}

/** v2 binds the value to its place; v1 had only the version. NUL cannot occur in the names or a uuid. */
function associatedData(tokenVersion: string, place: CipherPlace): Buffer {
  if (tokenVersion === legacyVersion) return Buffer.from(legacyVersion);
  return Buffer.from([tokenVersion, place.table, place.column, place.id].join("\0"));
}

export function createDataCrypto(key: Buffer): DataCrypto {
  if (key.length !== 32) throw new Error("The data encryption key must be 32 bytes.");
  // A key object made once (it keeps its own copy): given as bytes, each cipher imported the key
  // again (a sheet of 200 rows decrypts up to 400 values per read).
  const encryptionKey = createSecretKey(key);
  const hashKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "praksistilgang lookup hash v1", 32));

  return {
    encrypt(plain, place) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv, { authTagLength: tagBytes });
      cipher.setAAD(associatedData(version, place));
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [version, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
    },

    decrypt(token, place) {
      const parts = token.split(".");
      const tokenVersion = parts[0];
      if (parts.length !== 4 || (tokenVersion !== version && tokenVersion !== legacyVersion)) {
        throw new DecryptionError();
      }
      const decoded = parts.slice(1).map((p) => Buffer.from(p, "base64url"));
      // Only the canonical encoding: no value has two spellings.
      if (decoded.some((bytes, i) => bytes.toString("base64url") !== parts[i + 1])) throw new DecryptionError();
      const [iv, tag, ciphertext] = decoded as [Buffer, Buffer, Buffer];
      if (iv.length !== ivBytes || tag.length !== tagBytes) throw new DecryptionError();
      try {
        const decipher = createDecipheriv("aes-256-gcm", encryptionKey, iv, { authTagLength: tagBytes });
        decipher.setAAD(associatedData(tokenVersion, place));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw new DecryptionError();
      }
    },

    isCurrent(token) {
      return token.startsWith(`${version}.`);
    },

    hash(value) {
      return createHmac("sha256", hashKey).update(value, "utf8").digest("base64url");
    },
  };
}
