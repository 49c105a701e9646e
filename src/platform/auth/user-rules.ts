/**
 * The rules for account data (e-mail, name, password, organisations), as validation errors with one
 * `invalidParams` entry per problem so forms can show each message next to its field.
 */
import { z } from 'zod';
import type { DbOrTx } from '../db/database.js';
import { AppError, type InvalidParam, type Localised, reasonsOf } from '../errors.js';
import { organisationsByIds } from './organisations.js';
import { passwordProblem } from './passwords.js';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const emailSchema = z.email();

export function invalid(params: InvalidParam[]): AppError {
  return new AppError('validation', {
    detail: reasonsOf(params),
    invalidParams: params,
  });
}

/** The reason for a value outside a fixed list. */
export const oneOf = (allowed: readonly string[]): Localised => ({
  nl: `een van: ${allowed.join(' | ')}`,
  en: `one of: ${allowed.join(' | ')}`,
});

export const noLocalPassword: Localised = {
  nl: 'Dit account heeft geen eigen wachtwoord (u meldt zich aan via uw organisatie).',
  en: 'this account has no local password',
};

const passwordReasons = {
  tooShort: { nl: 'minstens 12 tekens', en: 'at least 12 characters' },
  tooLong: { nl: 'hoogstens 1024 tekens', en: 'at most 1024 characters' },
  sameAsEmail: { nl: 'mag niet het e-mailadres zijn', en: 'must not be the e-mail address' },
} as const;

export function checkPassword(password: string, email: string, problems: InvalidParam[]) {
  const problem = passwordProblem(password, email);
  if (problem)
    problems.push({ name: 'password', code: `password_${problem}`, reason: passwordReasons[problem] });
}

/** Throws a validation error when the password breaks the rules (before changing anything else). */
export function assertPasswordAcceptable(password: string, email: string): void {
  const problems: InvalidParam[] = [];
  checkPassword(password, email, problems);
  if (problems.length) throw invalid(problems);
}

export function checkDisplayName(name: string | undefined, problems: InvalidParam[]) {
  if (name !== undefined && (name.trim().length === 0 || name.length > 200)) {
    problems.push({
      name: 'displayName',
      code: 'name_required',
      reason: { nl: 'een naam van 1 tot 200 tekens', en: 'a name of 1 to 200 characters' },
    });
  }
}

export async function checkOrganisations(db: DbOrTx, ids: string[], problems: InvalidParam[]) {
  const uuidLike = ids.filter((id) => z.uuid().safeParse(id).success);
  const found = await organisationsByIds(db, uuidLike);
  for (const id of ids) {
    if (!found.has(id)) {
      problems.push({
        name: 'organisationId',
        code: 'unknown_organisation',
        reason: { nl: `er is geen organisatie ${id}`, en: `no organisation ${id}` },
      });
    }
  }
}
