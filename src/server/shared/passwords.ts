import { hash, verify } from "@node-rs/argon2";

/** argon2id (the library's const enum value 2), with its recommended memory and time cost. */
const options = { algorithm: 2 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified when the e-mail is unknown, so an answer takes as long whether the account exists or not. */
export const timingDummyHash = await hashPassword("timing-dummy-password");
