import type { Lang } from '../../../platform/errors.js';
import type { MessageKey, Translate } from '../../../platform/i18n/catalogue.js';

/** A calendar day (`YYYY-MM-DD`) as people read it, e.g. "3 dec. 2026". */
export function formatDay(lang: Lang, day: string | null | undefined): string {
  if (!day) return '—';
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A picklist label: `incidents.<list>.<code>`, or the code itself when unknown. */
export const labelOf = (t: Translate, list: string, code: string | null | undefined): string =>
  code ? t(`incidents.${list}.${code}` as MessageKey) : '—';

export const labelsOf = (t: Translate, list: string, codes: readonly string[]): string =>
  codes.length ? codes.map((c) => labelOf(t, list, c)).join(', ') : '—';
