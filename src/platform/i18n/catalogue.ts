/**
 * The one message catalogue: every domain contributes its Dutch texts (the source) and an English
 * record with exactly the same keys. Add a domain's messages here with one line each.
 */

import { incidentsEn, incidentsNl } from '../../meldpunt/incidents/messages.js';
import { answeringEn, answeringNl } from '../../monitor/answering/messages.js';
import { fieldworkEn, fieldworkNl } from '../../monitor/fieldwork/messages.js';
import { monitorEn, monitorNl } from '../../monitor/messages.js';
import { auditEn, auditNl } from '../audit/messages.js';
import { authEn, authNl } from '../auth/messages.js';
import type { Lang } from '../errors.js';
import { mailEn, mailNl } from '../mail/messages.js';
import { orgsEn, orgsNl } from '../orgs/messages.js';
import { platformEn, platformNl } from './platform-messages.js';

const nl = {
  ...platformNl,
  ...authNl,
  ...auditNl,
  ...answeringNl,
  ...monitorNl,
  ...orgsNl,
  ...mailNl,
  ...fieldworkNl,
  ...incidentsNl,
};
const en: Record<keyof typeof nl, string> = {
  ...platformEn,
  ...authEn,
  ...auditEn,
  ...answeringEn,
  ...monitorEn,
  ...orgsEn,
  ...mailEn,
  ...fieldworkEn,
  ...incidentsEn,
};

export type MessageKey = keyof typeof nl;
export const catalogue: Record<Lang, Record<MessageKey, string>> = { nl, en };
export const languages: readonly Lang[] = ['nl', 'en'];

/**
 * `t('nl', 'layout.signedInAs', { name })`. Placeholders are `{name}`; `{count, plural, one {…} other {…}}`
 * picks a form, with `#` standing for the number.
 */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogue[lang][key] ?? catalogue.nl[key] ?? key;
  if (!template.includes('{')) return template; // most messages: no placeholders (every page asks for dozens)
  return template
    .replace(
      /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g,
      (_, name: string, one: string, other: string) => {
        const n = Number(params[name]);
        return (n === 1 ? one : other).replaceAll('#', String(n));
      },
    )
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    t(lang, key, params);
