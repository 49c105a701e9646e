/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Small builders for the built-in templates: the option sets of the item bank
 * (../shared/domain/questionnaire-outline.md) and one-line item constructors, so a template reads
 * like the item bank itself.
 */
import type { Item, LocalText, MatrixRow, Option } from '../model.js';

export const t = (nl: string, en: string): LocalText => ({ nl, en });
export const o = (code: string, nl: string, en: string, extra: Partial<Option> = {}): Option => ({
  code,
  label: t(nl, en),
  ...extra,
});
export const anders = (nl = 'Anders, namelijk', en = 'Other, namely'): Option =>
  o('anders', nl, en, { other: true });
export const weetNiet = o('weet_niet', 'Weet ik niet', "Don't know");

export const JN = [o('ja', 'Ja', 'Yes'), o('nee', 'Nee', 'No')];
export const JNW = [...JN, weetNiet];
export const JNO = [
  o('ja', 'Ja', 'Yes'),
  o('in_ontwikkeling', 'Nee, maar dit wordt nu gemaakt', 'No, but it is being made'),
  o('nee', 'Nee', 'No'),
  weetNiet,
];
export const FREQ = [
  o('nooit', 'Nee, nooit', 'No, never'),
  o('een_keer', 'Ja, één keer', 'Yes, once'),
  o('twee_tot_vijf', 'Ja, 2 tot 5 keer', 'Yes, 2 to 5 times'),
  o('vaker', 'Ja, vaker dan 5 keer', 'Yes, more than 5 times'),
];
export const ERNST = [
  o('zeer_ernstig', 'Zeer ernstig', 'Very serious'),
  o('ernstig', 'Ernstig', 'Serious'),
  o('niet_zo_ernstig', 'Niet zo ernstig', 'Not so serious'),
  o('niet_ernstig', 'Helemaal niet ernstig', 'Not serious at all'),
];
export const EENS = [
  o('helemaal_eens', 'Helemaal eens', 'Strongly agree'),
  o('eens', 'Eens', 'Agree'),
  o('neutraal', 'Niet eens, niet oneens', 'Neither agree nor disagree'),
  o('oneens', 'Oneens', 'Disagree'),
  o('helemaal_oneens', 'Helemaal oneens', 'Strongly disagree'),
  weetNiet,
];
export const TEVR = [
  o('zeer_tevreden', 'Zeer tevreden', 'Very satisfied'),
  o('tevreden', 'Tevreden', 'Satisfied'),
  o('neutraal', 'Niet tevreden, niet ontevreden', 'Neither satisfied nor dissatisfied'),
  o('ontevreden', 'Ontevreden', 'Dissatisfied'),
  o('zeer_ontevreden', 'Zeer ontevreden', 'Very dissatisfied'),
];
export const AGENDA = [
  o('nooit', 'Nooit', 'Never'),
  o('minder_dan_jaarlijks', 'Minder dan één keer per jaar', 'Less than once a year'),
  o('jaarlijks', 'Eén keer per jaar', 'Once a year'),
  o('vaker', 'Vaker dan één keer per jaar', 'More than once a year'),
  weetNiet,
];

type Extra = { relevant?: string; hint?: LocalText; required?: boolean };

export const single = (code: string, label: LocalText, options: Option[], extra: Extra = {}): Item => ({
  type: 'single_choice',
  code,
  label,
  ...extra,
  options,
});
export const multi = (code: string, label: LocalText, options: Option[], extra: Extra = {}): Item => ({
  type: 'multiple_choice',
  code,
  label,
  hint: t('U mag meer antwoorden kiezen.', 'You may choose more than one answer.'),
  ...extra,
  options,
});
export const matrix = (
  code: string,
  label: LocalText,
  rows: MatrixRow[],
  options: Option[],
  extra: Extra = {},
): Item => ({
  type: 'matrix',
  code,
  label,
  ...extra,
  rows,
  options,
});
export const row = (code: string, label: LocalText, relevant?: string): MatrixRow =>
  relevant ? { code, label, relevant } : { code, label };
export const num = (code: string, label: LocalText, min: number, max: number, extra: Extra = {}): Item => ({
  type: 'number',
  code,
  label,
  integer: true,
  min,
  max,
  ...extra,
});
export const note = (code: string, label: LocalText): Item => ({ type: 'note', code, label });
export const text = (code: string, label: LocalText, extra: Extra = {}): Item => ({
  type: 'text',
  code,
  label,
  appearance: 'multiline',
  maxLength: 2000,
  ...extra,
});

/** `${code}` was answered and is not `nooit`: the form of aggression occurred. */
export const occurred = (code: string) => `(\${${code}} != '' and \${${code}} != 'nooit')`;
/** Any of the codes occurred (the derived agr_exp_any_12m, computed in the routing itself). */
export const anyOccurred = (codes: string[]) => codes.map(occurred).join(' or ');
export const anyIs = (codes: string[], value: string) =>
  codes.map((c) => `\${${c}} = '${value}'`).join(' or ');
