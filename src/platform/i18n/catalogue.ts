/**
 * The one message catalogue. The platform's texts are here from the start; each domain brings its own
 * records in its module descriptor (src/platform/modules.ts), and the composition root registers them
 * (`registerMessages`) before the first request. Dutch is the source; English has exactly the same keys.
 *
 * Keys stay typed: `Messages` lists every known key. The platform's keys are below; a domain's messages
 * file adds its own with a module augmentation, so `MessageKey` is the union of them all:
 *
 *   declare module '../../platform/i18n/catalogue.js' {
 *     interface Messages extends Record<keyof typeof fieldworkNl, string> {}
 *   }
 */

import { auditEn, auditNl } from '../audit/messages.js';
import { authEn, authNl } from '../auth/messages.js';
import { chartsEn, chartsNl } from '../charts/messages.js';
import type { Lang } from '../errors.js';
import { mailEn, mailNl } from '../mail/messages.js';
import type { DomainModule, MessageRecords } from '../modules.js';
import { orgsEn, orgsNl } from '../orgs/messages.js';
import { platformEn, platformNl } from './platform-messages.js';

/** The platform's own texts (also listed in the platform descriptor). */
export const platformMessages: MessageRecords[] = [
  { nl: platformNl, en: platformEn },
  { nl: authNl, en: authEn },
  { nl: auditNl, en: auditEn },
  { nl: orgsNl, en: orgsEn },
  { nl: mailNl, en: mailEn },
  { nl: chartsNl, en: chartsEn },
];
type PlatformKey =
  | keyof typeof platformNl
  | keyof typeof authNl
  | keyof typeof auditNl
  | keyof typeof orgsNl
  | keyof typeof mailNl
  | keyof typeof chartsNl;

/** Every known message key (domains add theirs by augmenting this interface). */
export interface Messages extends Record<PlatformKey, string> {}

export type MessageKey = keyof Messages & string;
export const catalogue: Record<Lang, Record<MessageKey, string>> = {
  nl: {} as Record<MessageKey, string>,
  en: {} as Record<MessageKey, string>,
};
export const languages: readonly Lang[] = ['nl', 'en'];

/** Which record brought each key (a key defined twice is a programming error). */
const registered = new Set<Readonly<Record<string, string>>>();
const owner = new Map<string, Readonly<Record<string, string>>>();

function add(records: MessageRecords): void {
  if (registered.has(records.nl)) return;
  for (const key of Object.keys(records.nl)) {
    const first = owner.get(key);
    if (first && first !== records.nl) throw new Error(`message key ${key} is defined twice`);
  }
  registered.add(records.nl);
  for (const key of Object.keys(records.nl)) owner.set(key, records.nl);
  Object.assign(catalogue.nl, records.nl);
  Object.assign(catalogue.en, records.en);
}

for (const records of platformMessages) add(records);

/** Adds the texts of the composed modules to the catalogue (again: no effect). */
export function registerMessages(modules: readonly DomainModule[]): void {
  for (const m of modules) for (const records of m.messages ?? []) add(records);
}

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
