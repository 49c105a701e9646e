/**
 * The benchmark as charts of the shared chart code: incidents per organisation by group, the forms of
 * aggression by layer (BZK), and an organisation's forms and severities next to those of its group.
 * A figure the disclosure control withheld is flagged `suppressed` (shown as such, never as 0).
 */
import type { ChartInput, ChartValue } from '../../platform/charts/model.js';
import type { MessageKey, Translate } from '../../platform/i18n/catalogue.js';
import {
  type BenchmarkUnit,
  type Measure,
  type OrganisationBenchmark,
  perOrganisation,
  severityParts,
  shareOf,
} from './benchmark-model.js';
import { forms } from './model.js';
import { labelOf } from './views/common.js';

export function unitLabel(t: Translate, u: Pick<BenchmarkUnit, 'id' | 'layer' | 'sizeClass'>): string {
  if (u.id === 'all') return t('incidents.benchmark.all');
  const layer = t(`orgs.layer.${u.layer}` as MessageKey);
  if (!u.id.includes('|')) return layer;
  return u.sizeClass
    ? t('incidents.benchmark.group', { layer, size: t(`orgs.size.${u.sizeClass}` as MessageKey) })
    : t('incidents.benchmark.groupNoSize', { layer });
}

const value = (category: string, v: number | null, series?: string): ChartValue => ({
  category,
  ...(series ? { series } : {}),
  value: v,
  ...(v === null ? { suppressed: true } : {}),
});

/** BZK: incidents per organisation, for the country, each layer and each group. */
export function perOrganisationChart(t: Translate, units: readonly BenchmarkUnit[]): ChartInput {
  return {
    key: 'per-organisation',
    kind: 'bar',
    title: t('incidents.benchmark.perOrganisation'),
    categoryTitle: t('incidents.benchmark.unit'),
    valueTitle: t('incidents.benchmark.perOrganisationValue'),
    unit: 'count',
    categories: units.map((u) => ({ id: u.id, label: unitLabel(t, u) })),
    values: units.map((u) => value(u.id, perOrganisation(u))),
  };
}

const formShare = (u: BenchmarkUnit, f: string) =>
  shareOf(u.figures[`form.${f}` as Measure], u.figures.total);

/** BZK: the share of incidents with each form, for the country and each layer. */
export function formsByLayerChart(t: Translate, units: readonly BenchmarkUnit[]): ChartInput {
  const top = units.filter((u) => !u.id.includes('|')).slice(0, 8);
  return {
    key: 'forms-by-layer',
    kind: 'grouped-bar',
    title: t('incidents.benchmark.formsByLayer'),
    categoryTitle: t('incidents.overview.category'),
    valueTitle: t('incidents.benchmark.shareOfIncidents'),
    unit: 'share',
    categories: forms.map((f) => ({ id: f, label: labelOf(t, 'forms', f) })),
    series: top.map((u) => ({ id: u.id, label: unitLabel(t, u) })),
    seriesTitle: t('incidents.benchmark.unit'),
    values: top.flatMap((u) => forms.map((f) => value(f, formShare(u, f), u.id))),
  };
}

/** An organisation next to the other organisations of its group: the share of each form or severity. */
export function ownVersusOthersChart(
  t: Translate,
  b: OrganisationBenchmark,
  what: 'forms' | 'severity',
): ChartInput {
  const codes: readonly string[] = what === 'forms' ? forms : severityParts;
  const measure = (c: string) => (what === 'forms' ? `form.${c}` : `severity.${c}`) as Measure;
  const own = (c: string) => (b.own.total ? b.own[measure(c)] / b.own.total : null);
  const others = (c: string) =>
    b.others.organisations === null ? null : shareOf(b.others.figures[measure(c)], b.others.figures.total);
  return {
    key: what === 'forms' ? 'own-forms' : 'own-severity',
    kind: 'grouped-bar',
    title: t(what === 'forms' ? 'incidents.benchmark.ownForms' : 'incidents.benchmark.ownSeverity'),
    categoryTitle: t('incidents.overview.category'),
    valueTitle: t('incidents.benchmark.shareOfIncidents'),
    unit: 'share',
    categories: codes.map((c) => ({
      id: c,
      label:
        c === 'unknown'
          ? t('incidents.benchmark.unknown')
          : labelOf(t, what === 'forms' ? 'forms' : 'severity', c),
    })),
    series: [
      { id: 'own', label: t('incidents.benchmark.own') },
      { id: 'others', label: t('incidents.benchmark.others') },
    ],
    seriesTitle: t('incidents.benchmark.who'),
    values: codes.flatMap((c) => [
      { category: c, series: 'own', value: own(c) },
      value(c, others(c), 'others'),
    ]),
  };
}
