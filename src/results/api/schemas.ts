/** The API's response schemas for results (they become /api/v1/openapi.json). */
import { z } from 'zod';
import type { Lang } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import { translator } from '../../platform/i18n/catalogue.js';
import { groupText, valueLabel } from '../labels.js';
import { publicCell, withheld } from '../pages/table.js';
import type { IndicatorResults, WaveResults } from '../read/service.js';
import type { TrendPoint } from '../trends/trend.js';

const interval = z.tuple([z.number().nullable(), z.number().nullable()]).describe('95% interval (logit)');

export const cellSchema = z
  .object({
    indicator: z.string(),
    version: z.number().int(),
    by: z.record(z.string(), z.string()).describe('The breakdown cell; empty for all respondents'),
    label: z.string().describe('The cell in words, in the language of the answer (`lang`)'),
    estimate: z.number().nullable().describe('Weighted proportion (0–1)'),
    se: z.number().nullable(),
    ci: interval,
    n: z.number().int().nullable().describe('Unweighted number of respondents; null when suppressed'),
    df: z.number().optional(),
    suppressed: z
      .enum(['few-respondents', 'wide-interval', 'complementary'])
      .optional()
      .describe('Not published (disclosure control), and why: every number of the cell is null'),
  })
  .meta({ id: 'ResultCell' });

export const comparisonSchema = z
  .object({
    indicator: z.string(),
    version: z.number().int(),
    variable: z.string(),
    from: z.string(),
    to: z.string(),
    variableLabel: z.string().describe('The variable in words (`lang`)'),
    fromLabel: z.string().describe('The group `from` in words (`lang`)'),
    toLabel: z.string().describe('The group `to` in words (`lang`)'),
    difference: z.number().nullable().describe('to − from'),
    se: z.number().nullable(),
    ci: interval,
    p: z.number().nullable(),
    pHolm: z.number().nullable().describe('Holm-corrected over all tests of the indicator in this run'),
    significant: z.boolean(),
    test: z.string(),
    n: z.number().int().nullable().describe('Respondents in both groups; null when withheld'),
    suppressed: z.boolean().optional().describe('Withheld: one of the two groups is suppressed'),
  })
  .meta({ id: 'ResultComparison' });

export const trendTestSchema = z
  .object({
    indicator: z.string(),
    by: z.record(z.string(), z.string()),
    label: z.string().describe('The cell in words (`lang`)'),
    previousWave: z.string(),
    change: z.number(),
    se: z.number(),
    p: z.number(),
    pHolm: z.number().nullable(),
    significant: z.boolean(),
    test: z.string(),
  })
  .meta({ id: 'ResultTrendTest' });

export const langSchema = z
  .enum(['nl', 'en'])
  .describe(
    'Language of the labels: `nl` (default) or `en`; without it, `Accept-Language: en` chooses English',
  );

export const waveResultsSchema = z
  .object({
    wave: z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() }),
    lang: langSchema,
    run: z
      .object({
        id: z.string(),
        version: z.number().int(),
        createdAt: z.string(),
        releasedAt: z.string().nullable().describe('null: under embargo (researchers only)'),
        indicators: z.record(z.string(), z.number().int()).describe('Indicator code → version used'),
        indicatorLabels: z
          .record(z.string(), z.string())
          .describe('Indicator code → its name in words (`lang`), as the version used defines it'),
        groups: z.record(
          z.string(),
          z.object({
            cells: z.array(cellSchema),
            comparisons: z.array(comparisonSchema),
            trends: z.array(trendTestSchema),
          }),
        ),
      })
      .nullable()
      .describe('The latest complete run the caller may see; null when there is none'),
  })
  .meta({ id: 'WaveResults' });

export const trendSchema = z
  .object({
    indicator: z.string(),
    label: z.object({ nl: z.string(), en: z.string() }),
    points: z.array(
      z.object({
        year: z.number().int(),
        source: z.enum(['weerbaar', 'published']),
        estimate: z.number().nullable(),
        ci: interval.optional(),
        n: z.number().int().optional(),
        wave: z.string().optional(),
        published: z
          .object({
            id: z.string(),
            source: z.string(),
            quote: z.string(),
            approx: z.boolean(),
            note: z.string().optional(),
          })
          .optional()
          .describe('A figure quoted from a published report (no standard error)'),
        change: z
          .object({
            from: z.number().int(),
            tested: z.boolean(),
            p: z.number().nullable().optional(),
            significant: z.boolean().optional(),
            reason: z.string().optional(),
          })
          .optional(),
      }),
    ),
  })
  .meta({ id: 'IndicatorTrend' });

/** The answer of /api/v1/waves/{waveId}/results: codes for machines, labels in `lang` beside them. */
export const waveResultsOut = (r: WaveResults, lang: Lang) => {
  const t = translator(lang);
  const all = t('results.table.all');
  const cellLabel = (by: Readonly<Record<string, string>>) => groupText(lang, by, all);
  const variableLabel = (v: string) => {
    const key = `results.var.${v}` as MessageKey;
    const text = t(key);
    return text === key ? v : text;
  };
  return {
    wave: { id: r.wave.id, code: r.wave.code, name: r.wave.name, status: r.wave.status },
    lang,
    run: r.run
      ? {
          id: r.run.id,
          version: r.run.version,
          createdAt: new Date(r.run.createdAt).toISOString(),
          releasedAt: r.run.releasedAt ? new Date(r.run.releasedAt).toISOString() : null,
          indicators: r.run.indicators,
          indicatorLabels: Object.fromEntries(r.indicators.map((d) => [d.code, d.label[lang]])),
          groups: Object.fromEntries(
            Object.entries(r.run.estimates).map(([g, e]) => [
              g,
              {
                // what may be published only: the disclosure audit stays inside
                cells: e.cells.map((c) => ({ ...publicCell(c), label: cellLabel(c.by) })),
                comparisons: e.comparisons.map((c) => ({
                  ...(c.suppressed ? withheld(c) : c),
                  variableLabel: variableLabel(c.variable),
                  fromLabel: valueLabel(lang, c.variable, c.from),
                  toLabel: valueLabel(lang, c.variable, c.to),
                })),
                trends: (e.trends ?? []).map((x) => ({ ...x, label: cellLabel(x.by) })),
              },
            ]),
          ),
        }
      : null,
  };
};

export const trendOut = (
  indicator: string,
  label: IndicatorResults['definition']['label'],
  points: TrendPoint[],
) => ({
  indicator,
  label,
  points: points.map((p) => ({ ...p, estimate: Number.isNaN(p.estimate) ? null : p.estimate })),
});
