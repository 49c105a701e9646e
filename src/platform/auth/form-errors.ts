import { AppError } from '../errors.js';
import type { MessageKey, Translate } from '../i18n/catalogue.js';
import type { FieldErrors } from './views/fields.js';

/**
 * Turns a validation or conflict error from a service into messages next to the form's fields.
 * `fields` maps the service's parameter names onto the form's field ids. Other errors are rethrown.
 */
export function formErrors(t: Translate, err: unknown, fields: Record<string, string>): FieldErrors {
  if (
    !(err instanceof AppError) ||
    !['validation', 'conflict'].includes(err.code) ||
    !err.invalidParams.length
  ) {
    throw err;
  }
  return err.invalidParams.map((p) => {
    const key = `auth.error.${p.code}` as MessageKey;
    const message = t(key);
    return { field: fields[p.name] ?? p.name, message: message === key ? t('auth.error.invalid') : message };
  });
}

/** Form fields arrive as a string, an array of strings (repeated names), or not at all. */
export function formList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v !== '' ? [v] : [];
}

export const formString = (v: unknown): string => (typeof v === 'string' ? v : '');
