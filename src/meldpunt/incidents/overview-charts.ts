/**
 * The organisation's overview as charts (issue 16, item 4): one `ChartInput` of the shared chart code
 * (src/platform/charts) per breakdown, so the drawing, the text alternative and the data table are the
 * same as everywhere else in Weerbaar. Categories without incidents are left out (months are kept:
 * a month without reports is a value, 0).
 */
import type { ChartInput } from '../../platform/charts/model.js';
import { type RenderedChart, renderChart } from '../../platform/charts/render.js';
import type { Lang } from '../../platform/errors.js';
import type { MessageKey, Translate } from '../../platform/i18n/catalogue.js';
import { channels, followUpStates, forms, roles, severities, taskKinds } from './model.js';
import type { Overview } from './overview.js';
import { labelOf } from './views/common.js';

export interface OverviewBreakdown {
  key: string;
  title: MessageKey;
  note?: MessageKey;
  list: string;
  codes: readonly string[];
  counts: (o: Overview) => Record<string, number>;
}

/** The breakdowns of the overview, in page order. */
export const overviewBreakdowns: readonly OverviewBreakdown[] = [
  {
    key: 'by-state',
    title: 'incidents.overview.byState',
    list: 'state',
    codes: followUpStates,
    counts: (o) => o.byState,
  },
  {
    key: 'by-form',
    title: 'incidents.overview.byForm',
    note: 'incidents.overview.byFormNote',
    list: 'forms',
    codes: forms,
    counts: (o) => o.byForm,
  },
  {
    key: 'by-channel',
    title: 'incidents.overview.byChannel',
    list: 'channel',
    codes: channels,
    counts: (o) => o.byChannel,
  },
  { key: 'by-role', title: 'incidents.overview.byRole', list: 'role', codes: roles, counts: (o) => o.byRole },
  {
    key: 'by-severity',
    title: 'incidents.overview.bySeverity',
    list: 'severity',
    codes: severities,
    counts: (o) => o.bySeverity,
  },
  {
    key: 'overdue-by-kind',
    title: 'incidents.overview.overdueByKind',
    list: 'task',
    codes: taskKinds,
    counts: (o) => o.overdueByKind,
  },
];

const monthLabel = (lang: Lang, month: string) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

/** Reports per month of the period. */
export function monthChart(t: Translate, lang: Lang, o: Overview): ChartInput {
  const months = Object.keys(o.byMonth);
  return {
    key: 'by-month',
    kind: 'bar',
    title: t('incidents.overview.byMonth'),
    categoryTitle: t('incidents.overview.month'),
    valueTitle: t('incidents.overview.count'),
    unit: 'count',
    categories: months.map((m) => ({ id: m, label: monthLabel(lang, m) })),
    values: months.map((m) => ({ category: m, value: o.byMonth[m] ?? 0 })),
  };
}

/** One breakdown as a bar chart; undefined when no category has an incident. */
export function breakdownChart(t: Translate, o: Overview, b: OverviewBreakdown): ChartInput | undefined {
  const counts = b.counts(o);
  const codes = b.codes.filter((c) => (counts[c] ?? 0) > 0);
  if (codes.length === 0) return undefined;
  return {
    key: b.key,
    kind: 'bar',
    title: t(b.title),
    categoryTitle: t('incidents.overview.category'),
    valueTitle: t('incidents.overview.count'),
    unit: 'count',
    categories: codes.map((c) => ({ id: c, label: labelOf(t, b.list, c) })),
    values: codes.map((c) => ({ category: c, value: counts[c]! })),
  };
}

export interface OverviewCharts {
  month: RenderedChart | undefined;
  breakdowns: Array<{ breakdown: OverviewBreakdown; chart: RenderedChart }>;
}

/** Every chart of the overview, drawn (a chart vega cannot draw still has its words and table). */
export async function overviewCharts(
  t: Translate,
  lang: Lang,
  o: Overview,
  onError?: (err: Error) => void,
): Promise<OverviewCharts> {
  const month = o.total > 0 ? await renderChart(monthChart(t, lang, o), lang, onError) : undefined;
  const breakdowns: OverviewCharts['breakdowns'] = [];
  for (const b of overviewBreakdowns) {
    const input = breakdownChart(t, o, b);
    if (input) breakdowns.push({ breakdown: b, chart: await renderChart(input, lang, onError) });
  }
  return { month, breakdowns };
}
