/**
 * What every report part and factsheet shares while it is made: the language, number formats, the
 * outline (every heading with its id) and the figures (every number shown, for the disclosure scan).
 */
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import { t } from '../../../platform/i18n/catalogue.js';
import { groupText, valueLabel } from '../../labels.js';
import type { OutlineEntry, ProductLang, PublishedFigure, RenderContext } from '../product.js';

const percent = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};
const whole = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };
const decimal = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** The sign of a suppressed or missing number: a dash, never 0. */
export const DASH = '—';

export class ProductBuilder {
  readonly outline: OutlineEntry[] = [];
  readonly figures: PublishedFigure[] = [];
  readonly lang: ProductLang;
  private readonly ids = new Set<string>();

  constructor(readonly ctx: RenderContext) {
    this.lang = ctx.lang;
  }

  t(key: string, params: Record<string, string | number> = {}): string {
    return t(this.lang, key as MessageKey, params);
  }

  /** Registers a heading in the outline; the id is made unique on the page. */
  heading(level: OutlineEntry['level'], id: string, text: string): OutlineEntry {
    let unique = id;
    for (let i = 2; this.ids.has(unique); i++) unique = `${id}-${i}`;
    this.ids.add(unique);
    const entry = { level, id: unique, text };
    this.outline.push(entry);
    return entry;
  }

  figure(f: PublishedFigure): void {
    this.figures.push(f);
  }

  /** "45,1%" (one decimal), or a dash. */
  pct(p: number | null | undefined): string {
    return p === null || p === undefined || Number.isNaN(p) ? DASH : `${percent[this.lang].format(p * 100)}%`;
  }

  /** "42,0% – 48,1%", or a dash. */
  ci(c: readonly [number | null, number | null] | undefined): string {
    return !c || c[0] === null || c[1] === null ? DASH : `${this.pct(c[0])} – ${this.pct(c[1])}`;
  }

  /** A change in percentage points: "+3,2" or "−1,0". */
  points(x: number): string {
    const s = percent[this.lang].format(Math.abs(x) * 100);
    return `${x > 0 ? '+' : x < 0 ? '−' : ''}${s}`;
  }

  int(n: number | null | undefined): string {
    return n === null || n === undefined ? DASH : whole[this.lang].format(n);
  }

  dec(x: number): string {
    return decimal[this.lang].format(x);
  }

  /** A group in words ("vrouw", "gemeente, raadslid") or "all respondents". */
  group(by: Record<string, string>, all = this.t('results.table.all')): string {
    return groupText(this.lang, by, all);
  }

  value(variable: string, value: string): string {
    return valueLabel(this.lang, variable, value);
  }
}

/** Ids in the HTML: lower case, digits and hyphens. */
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
