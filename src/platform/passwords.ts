// Password hashing with argon2id (@node-rs/argon2 defaults: 19 MiB, 2 passes, 1 lane — the
// OWASP recommendation), so a stolen database does not reveal passwords.
import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` is a const enum (2), which isolated modules cannot import.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the account does not exist takes as long as a real check, so
// response times do not tell which email addresses have accounts.
const DUMMY_HASH = hash('not a real password, only spends the same time', OPTIONS);

export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  try {
    if (!storedHash) {
      await verify(await DUMMY_HASH, password);
      return false;
    }
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
