/**
 * Zod's validation messages in Dutch and English (zod ships both locales). Zod writes each issue's
 * message once, in its global language (English, never switched); we keep the issue and write its
 * reason again in the language a person reads, when the problem is built. No global setting changes
 * per request, so concurrent requests in different languages cannot race.
 */
import { z } from 'zod';
import { util } from 'zod/v4/core';
import type { Lang, Localised } from '../errors.js';

/** A finished zod issue (as in `error.issues`, or the params of fastify's validation error). */
export interface FinishedIssue {
  code: string;
  message?: string;
  params?: { nl?: unknown };
  received?: string;
  [key: string]: unknown;
}

const localeErrors: Record<Lang, ReturnType<typeof z.locales.en>['localeError']> = {
  nl: z.locales.nl().localeError,
  en: z.locales.en().localeError,
};

// A finished issue no longer holds its input (so no personal data travels in errors), but the
// `invalid_type` message names the type that was received. Remember that type name on the issue. This is
// set once for every parse (not per request) and returns nothing, so zod's own message is unchanged.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') (issue as FinishedIssue).received ??= util.parsedType(issue.input);
    return undefined;
  },
});

/** Zod's type names in plain Dutch, for "Verplicht: vul … in". */
const typeNl: Record<string, string> = {
  string: 'een tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'ja of nee (true of false)',
  array: 'een lijst',
  object: 'een object',
  date: 'een datum',
};

/** A value of the named type, so a locale can name it again ("received number"). */
function sampleOf(type: string | undefined): unknown {
  switch (type) {
    case undefined:
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'nan':
      return Number.NaN;
    case 'boolean':
      return false;
    case 'bigint':
      return 0n;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      // A class instance (`Date`, `Map`, …): zod names it by its constructor.
      return Object.create({ constructor: { name: type } });
  }
}

function render(issue: FinishedIssue, lang: Lang): string {
  const out = localeErrors[lang]?.({ ...issue, input: sampleOf(issue.received) } as never);
  const text = typeof out === 'string' ? out : out?.message;
  return text ?? (lang === 'nl' ? 'Ongeldige invoer' : 'Invalid input');
}

/**
 * The reason of one zod issue in both languages. A message written by a schema itself (a `custom`
 * issue, or an `error` option) is kept as the English text; its Dutch comes from `params.nl` when the
 * schema gives one, and otherwise from zod's Dutch locale.
 */
export function zodReason(finished: z.core.$ZodIssue | FinishedIssue): Localised {
  const issue = finished as FinishedIssue;
  const en = render(issue, 'en');
  const own = issue.message !== undefined && issue.message !== en ? issue.message : undefined;
  // The most common problem, a value left out, in plainer words than "received undefined".
  if (!own && issue.code === 'invalid_type' && (issue.received ?? 'undefined') === 'undefined') {
    const expected = String(issue.expected);
    return {
      nl: `Verplicht: vul ${typeNl[expected] ?? expected} in`,
      en: `Required: expected ${expected}`,
    };
  }
  const nl = typeof issue.params?.nl === 'string' ? issue.params.nl : render(issue, 'nl');
  return { nl, en: own ?? en };
}
