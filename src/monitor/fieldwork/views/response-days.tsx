/** Response over time on the monitoring page: completions per day and stratum, reminder days marked. */
import { ChartFigure } from '../../../platform/charts/figure.js';
import { type ChartInput, palette } from '../../../platform/charts/model.js';
import type { RenderedChart } from '../../../platform/charts/render.js';
import { formatNumber } from '../../../platform/format.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { layerLabel } from '../labels.js';
import type { DayCount, ResponseOverTime } from '../response-days.js';
import { tgLabel } from './common.js';

const DAY = 86_400_000;
/** Beyond this many days the chart shows only the days with something on them. */
const MAX_DAYS = 120;

function dayRange(days: string[]): string[] {
  const sorted = [...new Set(days)].sort();
  if (sorted.length === 0) return [];
  const first = Date.parse(`${sorted[0]}T00:00:00Z`);
  const last = Date.parse(`${sorted.at(-1)}T00:00:00Z`);
  if ((last - first) / DAY >= MAX_DAYS) return sorted;
  const out: string[] = [];
  for (let d = first; d <= last; d += DAY) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

const locales = { nl: 'nl-NL', en: 'en-GB' } as const;

/** The counts per day and target group (the layers added up). */
function perGroup(counts: readonly DayCount[]): DayCount[] {
  const out = new Map<string, DayCount>();
  for (const c of counts) {
    const key = JSON.stringify([c.day, c.targetGroup]);
    const seen = out.get(key);
    if (seen) seen.completed += c.completed;
    else out.set(key, { ...c, layer: null });
  }
  return [...out.values()];
}

/** The chart of a wave's response over time; undefined when nothing has been counted or sent yet. */
export function responseDaysChart(ctx: PageContext, over: ResponseOverTime): ChartInput | undefined {
  const days = dayRange([...over.counts.map((c) => c.day), ...over.reminders.map((r) => r.day)]);
  if (days.length === 0) return undefined;
  const years = new Set(days.map((d) => d.slice(0, 4)));
  const dayFormat = new Intl.DateTimeFormat(locales[ctx.lang], {
    day: 'numeric',
    month: 'short',
    ...(years.size > 1 ? { year: 'numeric' as const } : {}),
    timeZone: 'UTC',
  });
  const groups = new Set(over.counts.map((c) => c.targetGroup));
  // One colour per stratum: with more strata than colours, per target group only.
  const strata = new Set(over.counts.map((c) => JSON.stringify([c.targetGroup, c.layer])));
  const byGroup = strata.size > palette.length;
  const counts = byGroup ? perGroup(over.counts) : over.counts;
  const seriesKey = (tg: string, layer: string | null) => JSON.stringify([tg, layer]);
  const series = new Map<string, string>();
  for (const c of [...counts].sort(
    (a, b) => a.targetGroup.localeCompare(b.targetGroup) || (a.layer ?? '').localeCompare(b.layer ?? ''),
  )) {
    const id = seriesKey(c.targetGroup, c.layer);
    if (series.has(id)) continue;
    const base = byGroup
      ? tgLabel(ctx, c.targetGroup)
      : groups.size > 1
        ? `${tgLabel(ctx, c.targetGroup)} · ${layerLabel(ctx, c.layer)}`
        : layerLabel(ctx, c.layer);
    const taken = new Set(series.values());
    series.set(id, taken.has(base) ? `${base} (${c.layer ?? '—'})` : base);
  }
  const byDay = new Map(counts.map((c) => [JSON.stringify([c.day, seriesKey(c.targetGroup, c.layer)]), c]));
  return {
    key: 'response-days',
    kind: 'stacked-bar',
    title: ctx.t('wave.overTime.chart'),
    categoryTitle: ctx.t('wave.overTime.day'),
    valueTitle: ctx.t('wave.overTime.completed'),
    seriesTitle: ctx.t(
      byGroup
        ? 'wave.monitoring.stratum.target_group'
        : groups.size > 1
          ? 'wave.overTime.stratum'
          : 'wave.overTime.layer',
    ),
    unit: 'count',
    width: Math.min(900, Math.max(480, days.length * 16)),
    categories: days.map((d) => ({ id: d, label: dayFormat.format(new Date(`${d}T00:00:00Z`)) })),
    series: [...series].map(([id, label]) => ({ id, label })),
    values: days.flatMap((day) =>
      [...series.keys()].map((s) => ({
        category: day,
        series: s,
        value: byDay.get(JSON.stringify([day, s]))?.completed ?? 0,
      })),
    ),
    marks: over.reminders.map((r) => ({
      category: r.day,
      label: ctx.t('wave.overTime.reminder', { n: formatNumber(ctx.lang, r.sent) }),
    })),
    markTitle: ctx.t('wave.overTime.reminderCol'),
  };
}

export function ResponseDaysSection(props: {
  ctx: PageContext;
  chart: RenderedChart | undefined;
  dayKind: ResponseOverTime['dayKind'];
}) {
  const { ctx, chart } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="response-days-heading">
      <h2 id="response-days-heading">{t('wave.overTime.title')}</h2>
      {chart ? (
        <ChartFigure
          ctx={ctx}
          chart={chart}
          describe="hidden"
          note={t(
            props.dayKind === 'recorded' ? 'wave.overTime.noteRecorded' : 'wave.overTime.noteCompleted',
          )}
        />
      ) : (
        <p>{t('wave.overTime.none')}</p>
      )}
    </section>
  );
}
