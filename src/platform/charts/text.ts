/**
 * What a chart says without the drawing: the text alternative (every value in words, in the page's
 * language) and the data table beside it. A suppressed value is named "suppressed" (in the table: a
 * dash with a note), a missing one "no data": never 0.
 */
import type { Lang } from '../errors.js';
import { formatNumber, formatPercent } from '../format.js';
import { t } from '../i18n/catalogue.js';
import { type ChartInput, type ChartValue, seriesOf } from './model.js';

export interface ChartCell {
  text: string;
  numeric: boolean;
  suppressed?: boolean;
}

export interface ChartTable {
  caption: string;
  head: string[];
  rows: { label: string; cells: ChartCell[] }[];
  /** The note under the table (when a value is suppressed). */
  note: string | undefined;
}

export function formatValue(input: Pick<ChartInput, 'unit'>, lang: Lang, v: number): string {
  return input.unit === 'share' ? formatPercent(lang, v) : formatNumber(lang, v);
}

function valueIndex(input: ChartInput): Map<string, ChartValue> {
  const first = seriesOf(input)[0]!.id;
  return new Map(input.values.map((v) => [JSON.stringify([v.category, v.series ?? first]), v]));
}

const altKey = {
  bar: 'chart.alt.bar',
  'grouped-bar': 'chart.alt.groupedBar',
  'stacked-bar': 'chart.alt.stackedBar',
  trend: 'chart.alt.trend',
} as const;

/** Every value in words: "Line chart. 2014: 23% (published); 2024: 45.1% (interval 42% to 48%)…". */
export function textAlternative(input: ChartInput, lang: Lang): string {
  const series = seriesOf(input);
  const many = series.length > 1;
  const index = valueIndex(input);
  const styles = new Map((input.pointStyles ?? []).map((p) => [p.id, p.label]));
  const say = (v: ChartValue): string => {
    if (v.suppressed) return t(lang, 'chart.suppressed');
    if (v.value === null) return t(lang, 'chart.noValue');
    const value = formatValue(input, lang, v.value);
    const withCi = v.ci
      ? t(lang, 'chart.alt.withInterval', {
          value,
          lo: formatValue(input, lang, v.ci[0]),
          hi: formatValue(input, lang, v.ci[1]),
        })
      : value;
    const style = v.style === undefined ? undefined : styles.get(v.style);
    return style ? `${withCi} (${style})` : withCi;
  };
  const items = input.categories.flatMap((c) => {
    const values = series.flatMap((s) => {
      const v = index.get(JSON.stringify([c.id, s.id]));
      if (!v) return [];
      return [many ? t(lang, 'chart.alt.seriesValue', { series: s.label, value: say(v) }) : say(v)];
    });
    return values.length ? [t(lang, 'chart.alt.item', { category: c.label, values: values.join(', ') })] : [];
  });
  const text = items.length
    ? t(lang, altKey[input.kind], { items: items.join('; ') })
    : t(lang, 'chart.empty');
  const cLabel = new Map(input.categories.map((c) => [c.id, c.label]));
  const marks = (input.marks ?? []).map((m) =>
    t(lang, 'chart.alt.mark', { label: m.label, category: cLabel.get(m.category) ?? m.category }),
  );
  return marks.length ? `${text} ${t(lang, 'chart.alt.marks', { marks: marks.join(', ') })}` : text;
}

/** The data table: a row per category, per series its value (and interval when it has one). */
export function chartTable(input: ChartInput, lang: Lang): ChartTable {
  const series = seriesOf(input);
  const many = series.length > 1;
  const index = valueIndex(input);
  const withCi = new Set(input.values.filter((v) => v.ci).map((v) => v.series ?? series[0]!.id));
  const styles = new Map((input.pointStyles ?? []).map((p) => [p.id, p.label]));
  const showStyle = styles.size > 0 && !many;
  const head = [input.categoryTitle];
  for (const s of series) {
    head.push(many ? s.label : input.valueTitle);
    if (withCi.has(s.id))
      head.push(many ? `${s.label}: ${t(lang, 'chart.interval')}` : t(lang, 'chart.interval'));
  }
  if (showStyle) head.push(input.pointStyleTitle ?? '');
  const marks = input.marks ?? [];
  if (marks.length) head.push(input.markTitle ?? '');
  let suppressed = false;
  const rows = input.categories.map((c) => {
    const cells: ChartCell[] = [];
    let style = '';
    for (const s of series) {
      const v = index.get(JSON.stringify([c.id, s.id]));
      if (v?.suppressed) {
        suppressed = true;
        cells.push({ text: '–', numeric: true, suppressed: true });
      } else
        cells.push({ text: v && v.value !== null ? formatValue(input, lang, v.value) : '', numeric: true });
      if (withCi.has(s.id))
        cells.push({
          text:
            v?.ci && !v.suppressed
              ? t(lang, 'chart.intervalValue', {
                  lo: formatValue(input, lang, v.ci[0]),
                  hi: formatValue(input, lang, v.ci[1]),
                })
              : '',
          numeric: true,
        });
      if (v?.style !== undefined) style = styles.get(v.style) ?? '';
    }
    if (showStyle) cells.push({ text: style, numeric: false });
    if (marks.length)
      cells.push({
        text: marks
          .filter((m) => m.category === c.id)
          .map((m) => m.label)
          .join(', '),
        numeric: false,
      });
    return { label: c.label, cells };
  });
  return {
    caption: t(lang, 'chart.tableCaption', { title: input.title }),
    head,
    rows,
    note: suppressed ? t(lang, 'chart.suppressedNote') : undefined,
  };
}
