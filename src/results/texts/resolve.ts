/**
 * Placeholders → text and the figures they show, through a run's stored estimates (the published view:
 * a suppressed cell is an error, never a number). The wording of a change comes from the stored trend
 * test after Holm (`significant`), never from the raw difference; a change from a published historical
 * value (no standard error) gives the raw difference and says it was not tested.
 */
import type { Lang, Localised } from '../../platform/errors.js';
import { formatNumber, formatPercent } from '../../platform/format.js';
import type { CellEstimate } from '../estimates/compute.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import type { PublishedFigure } from '../publications/product.js';
import { type CoveredFigure, coveredFigures } from '../published.js';
import type { RunSummary } from '../runs/service.js';
import { cellKey } from '../trends/trend.js';
import type { Placeholder, TextError } from './placeholders.js';

/** Short names of the breakdown variables in placeholders and product scopes (`role=raadslid`). */
export const breakdownAliases: Record<string, string> = {
  role: 'bg_role',
  layer: 'bg_layer',
  gender: 'bg_gender',
  age: 'bg_age_group',
  age_group: 'bg_age_group',
  province: 'bg_province',
  role_group: 'bg_role_group',
  size: 'bg_org_size',
};
const variableOf = (name: string) => breakdownAliases[name] ?? (name.startsWith('bg_') ? name : undefined);
/** Options that are not breakdowns. */
const reserved = new Set(['wave', 'since', 'show']);

/** A product scope in stratum variables ({ role: 'raadslid' } → { bg_role: 'raadslid' }). */
export function scopeBy(scope: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(scope).map(([k, v]) => [variableOf(k) ?? k, v]));
}

export interface WaveRef {
  code: string;
  year: number;
  /** The wave's latest run the reader may see (none: only published figures exist for its year). */
  run?: RunSummary;
}

export interface Lookup {
  lang: Lang;
  /** The product's wave. */
  current: WaveRef;
  /** A wave by code or year (a year may have no wave in Weerbaar: then only published figures). */
  wave(ref: string): Promise<WaveRef | undefined>;
  definition(code: string): Promise<IndicatorDefinition | undefined>;
}

export interface Resolved {
  text: string;
  figures: PublishedFigure[];
}

class Refused extends Error {
  constructor(
    readonly code: string,
    readonly texts: Localised,
  ) {
    super(texts.en);
  }
}
const refuse = (code: string, nl: string, en: string): never => {
  throw new Refused(code, { nl, en });
};

export async function resolvePlaceholder(
  p: Placeholder,
  lookup: Lookup,
  scope: Record<string, string>,
  where: string,
): Promise<Resolved | TextError> {
  try {
    return await resolve(p, lookup, scope, where);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return { line: p.start.line, column: p.start.column, code: e.code, message: e.texts };
  }
}

async function resolve(
  p: Placeholder,
  lookup: Lookup,
  scope: Record<string, string>,
  where: string,
): Promise<Resolved> {
  const { lang } = lookup;
  const definition = await lookup.definition(p.indicator);
  if (!definition)
    refuse('unknown-indicator', `Er is geen indicator ${p.indicator}.`, `no indicator ${p.indicator}`);
  const def = definition as IndicatorDefinition;
  const allowed: Record<PlaceholderKindOptions, string[]> = {
    value: ['wave'],
    ci: ['wave'],
    n: ['wave'],
    label: [],
    change: ['wave', 'since', 'show'],
  };
  for (const name of Object.keys(p.options))
    if (reserved.has(name) && !allowed[p.kind].includes(name))
      refuse('invalid-option', `${p.kind} kent de optie ${name} niet.`, `${p.kind} takes no option ${name}`);
  for (const flag of p.flags)
    if (flag !== 'all')
      refuse('invalid-option', `Onbekende optie ${flag} (alleen all).`, `unknown option ${flag} (only all)`);
  if (p.kind === 'label') return { text: def.label[lang], figures: [] };

  // the breakdown: the placeholder's own (or `all`), else the product's scope
  const own: Record<string, string> = {};
  for (const [name, value] of Object.entries(p.options)) {
    if (reserved.has(name)) continue;
    const variable = variableOf(name);
    if (!variable)
      refuse(
        'unknown-breakdown',
        `Onbekende uitsplitsing ${name}: gebruik ${Object.keys(breakdownAliases).join(', ')}.`,
        `unknown breakdown ${name}: use ${Object.keys(breakdownAliases).join(', ')}`,
      );
    own[variable!] = value;
  }
  const by = p.flags.includes('all') || Object.keys(own).length > 0 ? own : scope;
  const variables = Object.keys(by).sort();
  if (!def.breakdowns.some((b) => [...b].sort().join('+') === variables.join('+')))
    refuse(
      'unknown-breakdown',
      `Indicator ${def.code} is niet uitgesplitst naar ${variables.join(' × ') || '(geen)'}.`,
      `indicator ${def.code} has no breakdown by ${variables.join(' × ') || '(none)'}`,
    );

  const waveOf = async (ref: string | undefined): Promise<WaveRef> => {
    if (ref === undefined) return lookup.current;
    const w = await lookup.wave(ref);
    if (!w) refuse('unknown-wave', `Er is geen meting ${ref}.`, `no wave ${ref}`);
    return w as WaveRef;
  };
  const wave = await waveOf(p.options.wave);
  const point = await pointOf(def, by, wave, p.kind === 'change' ? 'value' : p.kind);
  if (p.kind !== 'change') {
    const text =
      p.kind === 'value'
        ? formatPercent(lang, point.estimate)
        : p.kind === 'n'
          ? formatNumber(lang, point.cell!.n)
          : `${formatPercent(lang, point.cell!.ci[0])}–${formatPercent(lang, point.cell!.ci[1])}`;
    return { text, figures: [point.figure(where)] };
  }

  if (p.options.since === undefined)
    refuse('missing-since', 'Noem bij change de eerdere meting: since=2022.', 'change needs since=<wave>');
  const since =
    p.options.since === 'previous' ? await previousOf(def, by, wave, lookup) : await waveOf(p.options.since);
  if (since.year >= wave.year)
    refuse(
      'since-not-earlier',
      `since=${p.options.since} ligt niet vóór ${wave.year}.`,
      `since=${p.options.since} is not before ${wave.year}`,
    );
  const before = await pointOf(def, by, since, 'value');
  const word = p.options.show === 'word';
  if (p.options.show !== undefined && !word)
    refuse('invalid-option', 'show kent alleen show=word.', 'show takes only show=word');
  const figures = [before.figure(where), point.figure(where)];
  const pct = (x: number) => formatPercent(lang, x);
  if (before.published) {
    const diff = formatNumber(lang, Math.round(Math.abs(point.estimate - before.estimate) * 1000) / 10);
    const direction = point.estimate >= before.estimate;
    const text = word
      ? { nl: 'niet getoetst', en: 'not tested' }
      : {
          nl: `veranderd van ${pct(before.estimate)} in ${since.year} naar ${pct(point.estimate)} in ${wave.year} (${diff} procentpunt ${direction ? 'hoger' : 'lager'}; niet getoetst: het cijfer van ${since.year} is gepubliceerd zonder standaardfout)`,
          en: `changed from ${pct(before.estimate)} in ${since.year} to ${pct(point.estimate)} in ${wave.year} (${diff} percentage points ${direction ? 'higher' : 'lower'}; not tested: the ${since.year} figure was published without a standard error)`,
        };
    return { text: text[lang], figures };
  }
  const test = wave.run?.estimates[def.targetGroup]?.trends?.find(
    (t) => cellKey(t.indicator, t.by) === cellKey(def.code, by) && t.previousWave === since.code,
  );
  if (!test)
    refuse(
      'no-test',
      `Er is geen opgeslagen toets van ${since.code} naar ${wave.code} voor deze cel: een verandering wordt alleen getoetst tegen de vorige meting met een berekening.`,
      `no stored test from ${since.code} to ${wave.code} for this cell: changes are tested against the previous wave with a run only`,
    );
  const t = test!;
  const verdict = !t.significant ? 'same' : t.change > 0 ? 'up' : 'down';
  const words: Record<typeof verdict, Localised> = {
    up: { nl: 'gestegen', en: 'risen' },
    down: { nl: 'gedaald', en: 'fallen' },
    same: { nl: 'niet significant veranderd', en: 'not significantly changed' },
  };
  if (word) return { text: words[verdict][lang], figures };
  const full: Localised =
    verdict === 'same'
      ? {
          nl: `niet significant veranderd (${pct(before.estimate)} in ${since.year}, ${pct(point.estimate)} in ${wave.year})`,
          en: `not significantly changed (${pct(before.estimate)} in ${since.year}, ${pct(point.estimate)} in ${wave.year})`,
        }
      : {
          nl: `${words[verdict].nl} van ${pct(before.estimate)} in ${since.year} naar ${pct(point.estimate)} in ${wave.year}`,
          en: `${words[verdict].en} from ${pct(before.estimate)} in ${since.year} to ${pct(point.estimate)} in ${wave.year}`,
        };
  return { text: full[lang], figures };
}

type PlaceholderKindOptions = Placeholder['kind'];

/**
 * `since=previous`: the wave the run's stored test compares with, else the latest published figure
 * of the cell before this wave (then the change is not tested).
 */
async function previousOf(
  def: IndicatorDefinition,
  by: Record<string, string>,
  wave: WaveRef,
  lookup: Lookup,
): Promise<WaveRef> {
  const key = cellKey(def.code, by);
  const test = wave.run?.estimates[def.targetGroup]?.trends?.find((t) => cellKey(t.indicator, t.by) === key);
  if (test) {
    const w = await lookup.wave(test.previousWave);
    if (w) return w;
  }
  const years = coveredFigures()
    .filter((f) => f.indicator === def.code && cellKey(def.code, f.by) === key && f.figure.wave < wave.year)
    .map((f) => f.figure.wave);
  if (years.length === 0)
    refuse(
      'no-previous',
      `Er is geen eerder cijfer van ${def.code} ${describe(by)} om mee te vergelijken.`,
      `no earlier figure of ${def.code} ${describe(by)} to compare with`,
    );
  const year = Math.max(...years);
  return { code: String(year), year };
}

interface Point {
  estimate: number;
  cell?: CellEstimate;
  published?: CoveredFigure;
  figure(where: string): PublishedFigure;
}

/** The value of an indicator cell in a wave: the run's cell, or (without a run) a published figure. */
async function pointOf(
  def: IndicatorDefinition,
  by: Record<string, string>,
  wave: WaveRef,
  need: 'value' | 'ci' | 'n',
): Promise<Point> {
  const group = wave.run?.estimates[def.targetGroup];
  const key = cellKey(def.code, by);
  if (group) {
    const cell = group.cells.find((c) => cellKey(c.indicator, c.by) === key);
    if (!cell)
      refuse(
        'unknown-cell',
        `Indicator ${def.code} heeft in ${wave.code} geen cel ${describe(by)}.`,
        `indicator ${def.code} has no cell ${describe(by)} in ${wave.code}`,
      );
    const c = cell!;
    if (c.suppressed)
      refuse(
        'suppressed',
        `De cel ${def.code} ${describe(by)} in ${wave.code} is niet gepubliceerd (onthullingscontrole): noem een grotere groep.`,
        `cell ${def.code} ${describe(by)} in ${wave.code} is suppressed (disclosure control): name a larger group`,
      );
    if (c.estimate === null || (need === 'ci' && (c.ci[0] === null || c.ci[1] === null)))
      refuse(
        'no-estimate',
        `De cel ${def.code} ${describe(by)} in ${wave.code} heeft geen schatting.`,
        `cell ${def.code} ${describe(by)} in ${wave.code} has no estimate`,
      );
    return {
      estimate: c.estimate!,
      cell: c,
      figure: (where) => ({
        indicator: def.code,
        wave: wave.code,
        by: c.by,
        estimate: c.estimate,
        n: c.n,
        suppressed: false,
        where,
      }),
    };
  }
  const published = coveredFigures(wave.year).find(
    (f) => f.indicator === def.code && cellKey(def.code, f.by) === key,
  );
  if (!published)
    refuse(
      'no-value',
      `Er is geen cijfer van ${def.code} ${describe(by)} in ${wave.year}${wave.run ? '' : ' (geen berekening en geen gepubliceerd cijfer)'}.`,
      `no figure of ${def.code} ${describe(by)} in ${wave.year}`,
    );
  if (need !== 'value')
    refuse(
      'published-no-ci',
      `Het cijfer van ${wave.year} is gepubliceerd zonder interval of aantal: gebruik value.`,
      `the ${wave.year} figure was published without an interval or count: use value`,
    );
  const f = published!;
  return {
    estimate: f.figure.value / 100,
    published: f,
    figure: (where) => ({
      indicator: def.code,
      wave: String(wave.year),
      by: f.by,
      estimate: f.figure.value / 100,
      n: null,
      suppressed: false,
      where,
    }),
  };
}

const describe = (by: Record<string, string>) =>
  Object.keys(by).length === 0
    ? '(totaal)'
    : Object.keys(by)
        .sort()
        .map((k) => `${k}=${by[k]}`)
        .join(', ');
