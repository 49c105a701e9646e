/** What the results pages share: number formats, labels of groups and breakdowns, notices. */
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import type { PageContext } from '../../platform/ui/context.js';
import { groupText, valueLabel } from '../labels.js';

export const k = (s: string) => s as MessageKey;

const percent = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};
const decimal = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }),
};
const whole = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };

/** A proportion as a percentage with one decimal ("48,9"), or a dash. */
export const pct = (ctx: PageContext, p: number | null | undefined) =>
  p === null || p === undefined || Number.isNaN(p) ? '—' : percent[ctx.lang].format(p * 100);
export const dec = (ctx: PageContext, x: number) => decimal[ctx.lang].format(x);
export const int = (ctx: PageContext, x: number) => whole[ctx.lang].format(x);
export const pValue = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));

export const groupLabel = (ctx: PageContext, g: string) => ctx.t(k(`results.group.${g}`));
export const themeLabel = (ctx: PageContext, theme: string) => ctx.t(k(`results.theme.${theme}`));
const varLabel = (ctx: PageContext, v: string) => {
  const key = k(`results.var.${v}`);
  const s = ctx.t(key);
  return s === key ? v : s;
};
/** "geslacht × bestuurslaag", or "Alle respondenten". */
export const breakdownLabel = (ctx: PageContext, vars: readonly string[]) =>
  vars.length === 0 ? ctx.t('results.table.all') : vars.map((v) => varLabel(ctx, v)).join(' × ');
/** The group of a cell in words: "vrouw, gemeente" (never a code), or "Alle respondenten". */
export const cellLabel = (ctx: PageContext, by: Record<string, string>) =>
  groupText(ctx.lang, by, ctx.t('results.table.all'));
/** One value of a breakdown variable in words ("lid algemeen bestuur", never `lid_ab`). */
export const valueText = (ctx: PageContext, variable: string, value: string) =>
  valueLabel(ctx.lang, variable, value);

export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="notice success" role="status">
      {props.text}
    </p>
  ) : null;
}
