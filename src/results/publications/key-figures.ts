/**
 * Key numbers of a product (the 5-minute version, the Kamerbrief annex): an indicator cell of the
 * wave's visible run with its interval, and its change from the previous wave with the stored verdict
 * (Holm), or from the latest earlier published figure (not tested). Every number is also a figure.
 */
import { escapeHtml } from '../../platform/mail/templates.js';
import type { CellEstimate } from '../estimates/compute.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import { coveredFigures } from '../published.js';
import { resultsLookup } from '../texts/lookup.js';
import type { Lookup } from '../texts/resolve.js';
import { cellKey } from '../trends/trend.js';
import type { ProductLang, PublishedFigure, RenderContext } from './product.js';

export interface KeyFigure {
  definition: IndicatorDefinition;
  by: Record<string, string>;
  cell: CellEstimate;
  /** The earlier value and how the change was judged. */
  previous?:
    | {
        year: number;
        wave: string;
        estimate: number;
        tested: true;
        significant: boolean;
        pHolm: number | null;
        change: number;
      }
    | { year: number; wave: string; estimate: number; tested: false; change: number };
}

export interface KeyFigureContext {
  lookup: Lookup;
  ctx: RenderContext;
}

export async function keyFigureContext(ctx: RenderContext): Promise<KeyFigureContext> {
  return { ctx, lookup: await resultsLookup(ctx.database, ctx.wave, ctx.visibility, ctx.lang) };
}

/** The key figure of an indicator cell, or undefined when the run has no such indicator or cell. */
export async function keyFigure(
  k: KeyFigureContext,
  code: string,
  by: Record<string, string> = {},
): Promise<KeyFigure | undefined> {
  const { lookup } = k;
  const run = lookup.current.run;
  const definition = await lookup.definition(code);
  if (!run || !definition) return undefined;
  const group = run.estimates[definition.targetGroup];
  const key = cellKey(code, by);
  const cell = group?.cells.find((c) => cellKey(c.indicator, c.by) === key);
  if (!cell) return undefined;
  const out: KeyFigure = { definition, by, cell };
  if (cell.suppressed || cell.estimate === null) return out;
  const test = group?.trends?.find((t) => cellKey(t.indicator, t.by) === key);
  if (test) {
    const before = await lookup.wave(test.previousWave);
    const prev = before?.run?.estimates[definition.targetGroup]?.cells.find(
      (c) => cellKey(c.indicator, c.by) === key,
    );
    if (before && prev?.estimate != null && !prev.suppressed)
      out.previous = {
        year: before.year,
        wave: before.code,
        estimate: prev.estimate,
        tested: true,
        significant: test.significant,
        pHolm: test.pHolm,
        change: test.change,
      };
    return out;
  }
  const earlier = coveredFigures()
    .filter((f) => f.indicator === code && cellKey(code, f.by) === key && f.figure.wave < lookup.current.year)
    .sort((a, b) => b.figure.wave - a.figure.wave)[0];
  if (earlier)
    out.previous = {
      year: earlier.figure.wave,
      wave: String(earlier.figure.wave),
      estimate: earlier.figure.value / 100,
      tested: false,
      change: cell.estimate - earlier.figure.value / 100,
    };
  return out;
}

/** The numbers a key figure shows, for the disclosure scan. */
export function keyFigureFigures(f: KeyFigure, wave: string, where: string): PublishedFigure[] {
  const suppressed = Boolean(f.cell.suppressed);
  const out: PublishedFigure[] = [
    {
      indicator: f.definition.code,
      wave,
      by: f.cell.by,
      estimate: suppressed ? null : f.cell.estimate,
      n: suppressed ? null : f.cell.n,
      suppressed,
      where,
    },
  ];
  if (f.previous)
    out.unshift({
      indicator: f.definition.code,
      wave: f.previous.wave,
      by: f.cell.by,
      estimate: f.previous.estimate,
      n: null,
      suppressed: false,
      where,
    });
  return out;
}

const percent = (lang: ProductLang, r: number | null | undefined) =>
  r === null || r === undefined
    ? '—'
    : new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(r);
const points = (lang: ProductLang, d: number) =>
  `${d > 0 ? '+' : d < 0 ? '−' : '±'}${new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(Math.abs(Math.round(d * 1000) / 10))}`;

export const fmt = { percent, points };

const verdicts = {
  up: { nl: 'significant gestegen', en: 'significantly risen' },
  down: { nl: 'significant gedaald', en: 'significantly fallen' },
  same: { nl: 'niet significant veranderd', en: 'no significant change' },
  untested: {
    nl: 'niet getoetst (gepubliceerd cijfer zonder standaardfout)',
    en: 'not tested (published figure without a standard error)',
  },
} as const;

/** The verdict of a change in words: from the stored test, or "not tested". */
export function verdictText(lang: ProductLang, p: NonNullable<KeyFigure['previous']>): string {
  if (!p.tested) return verdicts.untested[lang];
  return verdicts[!p.significant ? 'same' : p.change > 0 ? 'up' : 'down'][lang];
}

export const esc = escapeHtml;
