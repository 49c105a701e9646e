/**
 * Control characters in input (issue 13, row 9). PostgreSQL cannot store a NUL byte in text or jsonb,
 * so a NUL anywhere in a login e-mail, a search, a name or an answer used to end as a 500 with the
 * value in the error log. Text from people never needs the C0 controls other than tab, LF and CR, nor
 * DEL: every request's body (form or JSON), query and path parameters are checked before the handler,
 * and a field holding one is refused with a 400 that names the field. Uploaded files (raw bodies)
 * are not checked here: their importers report their own problems. Routes that give their own field
 * messages (a respondent's answers) declare `config.checksControlCharacters` and use `hasControlCharacter`.
 */
import { AppError, type InvalidParam } from '../errors.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasControlCharacter = (s: string): boolean => CONTROL.test(s);

const reason = {
  nl: 'Bevat een onzichtbaar stuurteken (zoals een nul-byte) dat hier niet mag. Typ de tekst opnieuw.',
  en: 'contains a control character (such as a NUL byte) that is not allowed here',
};

/** The paths (`body.email`, `query.q`, `body.items.2.name`) of strings holding a control character. */
export function controlCharacterPaths(value: unknown, path: string, out: string[] = [], depth = 0): string[] {
  if (out.length >= 20 || depth > 32) return out;
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) controlCharacterPaths(v, `${path}.${i}`, out, depth + 1);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const name = CONTROL.test(k) ? `${path}.?` : `${path}.${k}`;
      if (name.endsWith('.?')) out.push(name);
      else controlCharacterPaths(v, name, out, depth + 1);
    }
  }
  return out;
}

/** Throws a 400 `validation` problem naming every field of the request that holds a control character. */
export function assertNoControlCharacters(parts: { body?: unknown; query?: unknown; params?: unknown }) {
  const paths: string[] = [];
  // A string body is an uploaded file (CSV, XLSForm): its importer checks it.
  if (typeof parts.body === 'object') controlCharacterPaths(parts.body, 'body', paths);
  controlCharacterPaths(parts.query, 'query', paths);
  controlCharacterPaths(parts.params, 'params', paths);
  if (paths.length === 0) return;
  const invalidParams: InvalidParam[] = paths.map((name) => ({ name, code: 'control_character', reason }));
  throw new AppError('validation', {
    detail: {
      nl: `Ongeldige invoer: ${paths.join(', ')} ${reason.nl.charAt(0).toLowerCase()}${reason.nl.slice(1)}`,
      en: `${paths.join(', ')}: ${reason.en}`,
    },
    invalidParams,
  });
}
