/**
 * Passwords: argon2id hashes, the password rules, and a dummy verification so that signing in as
 * someone who does not exist takes as long as a wrong password.
 */
import argon2 from 'argon2';

export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 1024;

/** Why a password is refused (a message key suffix), or undefined when it is acceptable. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'sameAsEmail';

export function passwordProblem(password: string, email: string): PasswordProblem | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const e = email.trim().toLowerCase();
  const p = password.trim().toLowerCase();
  if (p === e || p === e.split('@')[0]) return 'sameAsEmail';
  return undefined;
}

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/** A hash of nothing anyone knows, made once, verified against when the account does not exist. */
let dummy: Promise<string> | undefined;

/** True when `password` matches `hash`; with no hash, burns the same time and answers false. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= hashPassword(`dummy-${Math.random()}`);
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A random password for `weerbaar users create` without --password: 20 characters, unambiguous. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const limit = 256 - (256 % alphabet.length); // no modulo bias
  let out = '';
  while (out.length < 20) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) {
      if (b < limit && out.length < 20) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}
