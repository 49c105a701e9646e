/**
 * The wave's mails: the personal links, the language of a person's mail, the texts reminders add, and
 * rendering a wave's invitation or reminder template (also for the preview). Used by ./invitations.ts
 * and ./reminders.ts.
 */
import type { Config } from '../../platform/config/config.js';
import type { DbOrTx } from '../../platform/db/database.js';
import type { Lang } from '../../platform/errors.js';
import { renderMail } from '../../platform/mail/templates.js';
import { organisationsByCode } from './frame-service.js';
import type { FramePerson, Wave, WaveMailTemplates } from './model.js';
import { templatesOf } from './waves-service.js';

/** The personal link; for a person who reads English it opens the questionnaire in English. */
export const linkFor = (config: Pick<Config, 'publicUrl'>, token: string, lang: Lang = 'nl') =>
  `${config.publicUrl}/r/${token}${lang === 'en' ? '?lang=en' : ''}`;
export const optOutLinkFor = (config: Pick<Config, 'publicUrl'>, token: string, lang: Lang = 'nl') =>
  `${config.publicUrl}/r/${token}/afmelden${lang === 'en' ? '?lang=en' : ''}`;

// Made once: constructing an Intl.DateTimeFormat costs more than rendering a whole mail.
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};
const dateText = (iso: string | null, lang: Lang) =>
  iso
    ? dateFormats[lang].format(new Date(`${iso}T00:00:00Z`))
    : lang === 'nl'
      ? 'het einde van het onderzoek'
      : 'the end of the study';

export const continueText: Record<Lang, string> = {
  nl: 'U bent al begonnen. Ga verder met de link uit onze eerste e-mail; uw antwoorden zijn bewaard.',
  en: 'You have already started. Continue with the link in our first e-mail; your answers have been saved.',
};
export const replacedText: Record<Lang, string> = {
  nl: 'Dit is uw persoonlijke link (deze vervangt de link uit de eerdere e-mail):',
  en: 'This is your personal link (it replaces the link in the earlier e-mail):',
};
/** Anonymous waves: everyone reminded gets this text and a new link; earlier links keep working. */
export const keptText: Record<Lang, string> = {
  nl: 'Bent u al begonnen? Ga dan verder met de link uit de e-mail waarmee u begon: uw antwoorden staan daar. Nog niet begonnen? Dan is dit uw persoonlijke link:',
  en: 'Have you already started? Then continue with the link in the e-mail you started with: your answers are there. Not started yet? This is your personal link:',
};

/** The language of a frame person's mail: a `taal`/`language` column with `en`, else Dutch. */
export function langOf(p: Pick<FramePerson, 'strata'>): Lang {
  const s = (p.strata ?? {}) as Record<string, string>;
  const v = (s.taal ?? s.language ?? s.lang ?? '').toLowerCase();
  return v === 'en' || v === 'engels' || v === 'english' ? 'en' : 'nl';
}

export interface MailParamsInput {
  name: string;
  link: string;
  optOutLink: string;
  organisation: string;
  end: string | null;
  /** Minutes to answer, from the person's questionnaire (questionnaires/progress.ts); unknown: "a few". */
  minutes?: number;
}

/** Renders one of the wave's mails (also for the preview). */
export function renderWaveMail(
  templates: WaveMailTemplates,
  kind: 'invitation' | 'reminder',
  lang: Lang,
  p: MailParamsInput,
) {
  const t = templates[kind];
  return renderMail(
    {
      subject: { nl: t.nl.subject, en: t.en.subject },
      text: { nl: t.nl.body, en: t.en.body },
      // Only our links are links; a name or organisation with a URL in it stays text (issue 13, row 13).
      links: ['link', 'afmeldlink'],
    },
    lang,
    {
      naam: p.name,
      link: p.link,
      afmeldlink: p.optOutLink,
      organisatie: p.organisation,
      einddatum: dateText(p.end, lang),
      minuten: p.minutes === undefined ? (lang === 'nl' ? 'enkele' : 'a few') : String(p.minutes),
    },
  );
}

/** The preview: example values, with a visibly fake link. */
export function previewWaveMail(
  wave: Wave,
  kind: 'invitation' | 'reminder',
  lang: Lang,
  config: Pick<Config, 'publicUrl'>,
  /** The minutes of the wave's questionnaire (waveMinutes), as the invitation will say. */
  minutes?: number,
) {
  const example = `${config.publicUrl}/r/VOORBEELD-voorbeeld-VOORBEELD`;
  return renderWaveMail(templatesOf(wave), kind, lang, {
    name: lang === 'nl' ? 'mevrouw J. de Vries' : 'Ms J. de Vries',
    link: example,
    optOutLink: `${example}/afmelden`,
    organisation: 'Gemeente Utrecht',
    end: wave.fieldworkEnd,
    minutes,
  });
}

/** Organisation names by id, for the `{organisatie}` placeholder: one query, not one per person. */
export async function organisationNames(db: DbOrTx): Promise<Map<string, string>> {
  return new Map([...(await organisationsByCode(db)).values()].map((o) => [o.id, o.name]));
}
