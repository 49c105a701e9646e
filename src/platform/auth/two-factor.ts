/**
 * Two-factor sign-in for local accounts: TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock
 * drift either way) and 10 one-time recovery codes. The secret is stored encrypted (./secret-box.ts);
 * recovery codes as salt + SHA-256, shown once. A TOTP code is accepted once (`last_step`).
 * Admins can require two-factor for holders of a platform or organisation role (`two_factor_requirements`).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { organisationRoles, platformRoles } from '../access/policy.js';
import { type Actor, audit } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { memberships, twoFactor, twoFactorRecoveryCodes, twoFactorRequirements, users } from './schema.js';
import { open, seal } from './secret-box.js';
import { safeEqual } from './tokens.js';

const PURPOSE = 'totp-secret';
export const TOTP_PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Weerbaar';

export const totpFor = (secretBase32: string, label: string) =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });

/** Base32 in groups of four, easier to type into an authenticator app. */
export const groupSecret = (b32: string) => b32.replace(/(.{4})/g, '$1 ').trim();

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(db: DbOrTx, userId: string): Promise<TwoFactorStatus> {
  const [row] = await db
    .select({ enabledAt: twoFactor.enabledAt })
    .from(twoFactor)
    .where(eq(twoFactor.userId, userId));
  if (!row?.enabledAt) return { enabled: false, recoveryCodesLeft: 0 };
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return { enabled: true, recoveryCodesLeft: left?.n ?? 0 };
}

/**
 * The secret a user is enrolling with (created on first call, the same one afterwards until confirmed),
 * as base32 text and as an otpauth:// URI. Refused (conflict) when two-factor is on already.
 */
export async function enrolmentSecret(
  db: DbOrTx,
  key: Buffer,
  userId: string,
  label: string,
): Promise<{ secret: string; uri: string }> {
  const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
  if (row?.enabledAt)
    throw new AppError('conflict', {
      detail: { nl: 'Aanmelden in twee stappen staat al aan.', en: 'two-factor sign-in is on already' },
    });
  let secret: string;
  if (row) secret = open(key, PURPOSE, row.secretEnc);
  else {
    secret = new Secret({ size: 20 }).base32;
    await db
      .insert(twoFactor)
      .values({ userId, secretEnc: seal(key, PURPOSE, secret) })
      .onConflictDoNothing();
    // Two tabs at once: whichever row was stored first wins, both show it.
    const [stored] = await db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
    secret = open(key, PURPOSE, stored!.secretEnc);
  }
  return { secret, uri: totpFor(secret, label).toString() };
}

/** The TOTP step a code belongs to, or undefined when it is wrong (one step of drift allowed). */
export function totpStep(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    period: TOTP_PERIOD,
    digits: 6,
    algorithm: 'SHA1',
    timestamp: now,
    window: 1,
  });
  if (delta === null) return undefined;
  return TOTP.counter({ period: TOTP_PERIOD, timestamp: now }) + delta;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const newRecoveryCode = () => {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
};
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const hashRecoveryCode = (salt: string, code: string) =>
  createHash('sha256')
    .update(`${salt}:${normaliseRecoveryCode(code)}`)
    .digest('hex');

/**
 * Confirms enrolment with a code from the app: turns two-factor on and returns the 10 recovery codes
 * (the only time they exist in plain text). Undefined when the code is wrong.
 */
export async function confirmEnrolment(
  db: DbOrTx,
  key: Buffer,
  actor: Actor,
  userId: string,
  code: string,
): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, userId)).for('update');
    if (!row)
      throw new AppError('conflict', {
        detail: {
          nl: 'Het instellen van aanmelden in twee stappen is niet begonnen.',
          en: 'no two-factor enrolment was started',
        },
      });
    if (row.enabledAt)
      throw new AppError('conflict', {
        detail: { nl: 'Aanmelden in twee stappen staat al aan.', en: 'two-factor sign-in is on already' },
      });
    const step = totpStep(open(key, PURPOSE, row.secretEnc), code);
    if (step === undefined) return undefined;
    await tx
      .update(twoFactor)
      .set({ enabledAt: sql`now()`, lastStep: step })
      .where(eq(twoFactor.userId, userId));
    const codes = await replaceRecoveryCodes(tx, userId);
    await audit(tx, actor, {
      action: 'user.two-factor-enable',
      resourceType: 'user',
      resourceId: userId,
      diff: { twoFactor: 'on', recoveryCodes: codes.length },
    });
    return codes;
  });
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.insert(twoFactorRecoveryCodes).values(
    codes.map((c) => {
      const salt = randomBytes(16).toString('hex');
      return { userId, salt, codeHash: hashRecoveryCode(salt, c) };
    }),
  );
  return codes;
}

/** New recovery codes (the old ones stop working); only while two-factor is on. */
export async function regenerateRecoveryCodes(db: DbOrTx, actor: Actor, userId: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, userId));
    if (!row?.enabledAt)
      throw new AppError('conflict', {
        detail: { nl: 'Aanmelden in twee stappen staat uit.', en: 'two-factor sign-in is off' },
      });
    const codes = await replaceRecoveryCodes(tx, userId);
    await audit(tx, actor, {
      action: 'user.two-factor-recovery-codes',
      resourceType: 'user',
      resourceId: userId,
      diff: { recoveryCodes: codes.length },
    });
    return codes;
  });
}

/** Turns two-factor off (by the user after re-entering the password, or by an admin). */
export async function disableTwoFactor(db: DbOrTx, actor: Actor, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(twoFactor)
      .where(eq(twoFactor.userId, userId))
      .returning({ on: twoFactor.enabledAt });
    await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
    if (!gone[0]?.on) return false;
    await audit(tx, actor, {
      action: 'user.two-factor-disable',
      resourceType: 'user',
      resourceId: userId,
      diff: { twoFactor: 'off' },
    });
    return true;
  });
}

/**
 * Checks the second factor: a TOTP code (each accepted once) or an unused recovery code (used up
 * by this call). Returns which one worked, or undefined.
 */
export async function verifySecondFactor(
  db: DbOrTx,
  key: Buffer,
  userId: string,
  input: string,
): Promise<'totp' | 'recovery-code' | undefined> {
  const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
  if (!row?.enabledAt) return undefined;
  const code = input.trim();
  // Six digits: a code from the app. Anything else: a recovery code (10 characters, dash optional).
  if (/^\d{6}$/.test(code.replace(/\s/g, ''))) {
    const step = totpStep(open(key, PURPOSE, row.secretEnc), code);
    if (step === undefined) return undefined;
    // Accept each step once, also when two requests race.
    const done = await db
      .update(twoFactor)
      .set({ lastStep: step })
      .where(and(eq(twoFactor.userId, userId), or(isNull(twoFactor.lastStep), lt(twoFactor.lastStep, step))))
      .returning({ userId: twoFactor.userId });
    return done.length ? 'totp' : undefined;
  }
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return undefined;
  const candidates = await db
    .select()
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  let match: string | undefined;
  for (const c of candidates) if (safeEqual(hashRecoveryCode(c.salt, normalised), c.codeHash)) match = c.id;
  if (!match) return undefined;
  const used = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(twoFactorRecoveryCodes.id, match), isNull(twoFactorRecoveryCodes.usedAt)))
    .returning({ id: twoFactorRecoveryCodes.id });
  return used.length ? 'recovery-code' : undefined;
}

// --- requirements per role ---

export const requirableRoles = [...platformRoles, ...organisationRoles] as const;
export type RequirableRole = (typeof requirableRoles)[number];

export async function listRequirements(db: DbOrTx): Promise<RequirableRole[]> {
  const rows = await db.select({ role: twoFactorRequirements.role }).from(twoFactorRequirements);
  return rows.map((r) => r.role as RequirableRole).filter((r) => requirableRoles.includes(r));
}

/** Replaces the set of roles that require two-factor; audited with before and after. */
export async function setRequirements(db: DbOrTx, actor: Actor, roles: readonly string[]): Promise<void> {
  const wanted = [...new Set(roles)].filter((r): r is RequirableRole =>
    (requirableRoles as readonly string[]).includes(r),
  );
  await db.transaction(async (tx) => {
    const before = await listRequirements(tx);
    await tx.delete(twoFactorRequirements);
    if (wanted.length) await tx.insert(twoFactorRequirements).values(wanted.map((role) => ({ role })));
    const sort = (a: string[]) => [...a].sort();
    if (JSON.stringify(sort(before)) !== JSON.stringify(sort(wanted))) {
      await audit(tx, actor, {
        action: 'two-factor.requirements',
        resourceType: 'setting',
        resourceId: null,
        diff: { roles: [sort(before), sort(wanted)] },
      });
    }
  });
}

/** Does one of the user's roles (platform, or in any organisation) require two-factor? */
export async function twoFactorRequired(db: DbOrTx, userId: string): Promise<boolean> {
  const required = await listRequirements(db);
  if (required.length === 0) return false;
  const [user] = await db.select({ roles: users.platformRoles }).from(users).where(eq(users.id, userId));
  if (user?.roles.some((r) => required.includes(r as RequirableRole))) return true;
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, required)))
    .limit(1);
  return Boolean(m);
}
