// Password hashing with argon2id (OWASP's first choice), named explicitly rather than
// trusting the library default.
import { type Algorithm, hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the enum is an ambient const enum, so its value cannot be imported here.
const ARGON2ID: Algorithm = 2;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Verifying against this when the e-mail is unknown makes both failures take about as long,
// so response times do not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

/** True when the password matches; with no stored hash, spends the same time and returns false. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("no account has this password");
  const matches = await verify(storedHash ?? (await dummyHash), password).catch(() => false);
  return storedHash !== null && matches;
}
