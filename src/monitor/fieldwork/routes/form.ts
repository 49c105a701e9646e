/** Reading the wave forms and putting errors next to their fields. */
import { AppError, type Lang } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';

/** Empty form fields arrive as ''. */
export const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const orNull = (v: unknown) => (str(v).trim() === '' ? null : str(v).trim());

export function parseDays(v: unknown): number[] | undefined {
  const s = str(v).trim();
  if (s === '') return [];
  const parts = s.split(/[\s,;]+/).filter(Boolean);
  const nums = parts.map((p) => Number(p));
  if (nums.some((n) => !Number.isInteger(n) || n < 1 || n > 365)) return undefined;
  return nums;
}

/** A service's validation/conflict error → messages next to the form's fields. Others are rethrown. */
export function formErrors(
  req: { t: (k: MessageKey, p?: Record<string, string | number>) => string; lang: Lang },
  err: unknown,
  fieldOf: (name: string) => string,
) {
  if (
    !(err instanceof AppError) ||
    !['validation', 'conflict'].includes(err.code) ||
    !err.invalidParams.length
  )
    throw err;
  return err.invalidParamsIn(req.lang).map((p) => {
    const key = `wave.error.${p.code}` as MessageKey;
    const m = req.t(key);
    return { field: fieldOf(p.name), message: m === key ? p.reason : m };
  });
}

export const mailFieldOf = (name: string) => {
  const m = /^mailTemplates\.(invitation|reminder)\.(nl|en)\.(subject|body)$/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : name;
};
export const waveFieldOf = (name: string) =>
  name.startsWith('reminderDays')
    ? 'reminderDays'
    : name.startsWith('privacy.')
      ? `privacy${name.slice(8, 9).toUpperCase()}${name.slice(9)}`
      : name.split('.')[0]!;
