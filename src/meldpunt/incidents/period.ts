/**
 * The period of an overview or benchmark from the query (`from`, `to`: days reported): the last 12
 * months by default; a malformed or reversed period falls back to that with field errors.
 */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import type { Translate } from '../../platform/i18n/catalogue.js';
import { isDate } from './route-support.js';
import { addDays, dayNumber } from './working-days.js';

export const periodQuery = {
  from: z.string().max(20).optional().catch(undefined),
  to: z.string().max(20).optional().catch(undefined),
};

const valid = (d: string | undefined): d is string => {
  if (!d || !isDate(d)) return false;
  try {
    dayNumber(d);
    return true;
  } catch {
    return false;
  }
};

export interface Period {
  from: string;
  to: string;
  errors: FieldErrors;
  /** What the form shows: the query as given, else the period used. */
  values: { from: string; to: string };
}

export function periodOf(
  q: { from?: string | undefined; to?: string | undefined },
  today: string,
  t: Translate,
): Period {
  const errors: FieldErrors = [];
  let from = addDays(today, -364);
  let to = today;
  if (q.from || q.to) {
    if (q.from && !valid(q.from)) errors.push({ field: 'from', message: t('incidents.error.date') });
    if (q.to && !valid(q.to)) errors.push({ field: 'to', message: t('incidents.error.date') });
    if (!errors.length) {
      from = q.from ?? from;
      to = q.to ?? to;
      if (from > to) {
        errors.push({ field: 'to', message: t('incidents.overview.badPeriod') });
        from = addDays(today, -364);
        to = today;
      }
    }
  }
  return { from, to, errors, values: { from: q.from ?? from, to: q.to ?? to } };
}
