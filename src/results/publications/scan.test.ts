/** The disclosure scan's rules, each shown to find what it is for (pure, no database). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRules } from '../../stats/disclosure/model.js';
import type { CellEstimate } from '../estimates/compute.js';
import type { RunSummary } from '../runs/service.js';
import { cellKey } from '../trends/trend.js';
import type { PublishedFigure, RenderedProduct } from './product.js';
import { scanProduct } from './scan.js';

const cell = (
  by: Record<string, string>,
  estimate: number,
  n: number,
  suppressed?: CellEstimate['suppressed'],
): CellEstimate => ({
  indicator: 'agr_any_12m',
  version: 1,
  by,
  estimate,
  se: 0.01,
  ci: [estimate - 0.02, estimate + 0.02],
  n,
  ...(suppressed ? { suppressed } : {}),
});

const run = (cells: CellEstimate[]): RunSummary => ({
  id: 'r',
  waveId: 'w',
  version: 1,
  createdAt: new Date(0),
  releasedAt: null,
  weightingRuns: {},
  indicators: { agr_any_12m: 1 },
  estimates: { office_holders: { cells, comparisons: [], disclosure: { rules: defaultRules, audit: [] } } },
});

const byWave = new Map([
  [
    'monitor-2024',
    run([
      cell({}, 0.447, 3274),
      cell({ bg_role: 'cdk' }, 0.6, 3, 'few-respondents'),
      cell({ bg_role: 'raadslid' }, 0.43, 9),
    ]),
  ],
  ['monitor-2022', run([cell({}, 0.491, 3300), cell({ bg_role: 'raadslid' }, 0.47, 2000, 'complementary')])],
]);

const figure = (f: Partial<PublishedFigure>): PublishedFigure => ({
  indicator: 'agr_any_12m',
  wave: 'monitor-2024',
  by: {},
  estimate: 0.447,
  n: 3274,
  suppressed: false,
  where: 'table:agr_any_12m',
  ...f,
});

const product = (figures: PublishedFigure[], body = ''): RenderedProduct => ({
  ref: { kind: 'report-safety', key: 'main', title: { nl: 't', en: 't' } },
  lang: 'nl',
  title: 't',
  body,
  outline: [],
  figures,
});

const scan = (p: RenderedProduct) =>
  scanProduct(p, { byWave, wave: 'monitor-2024' }, (x) => `${(x * 100).toFixed(1)}%`);

test('a product that shows only published cells as the run has them passes', () => {
  const body = `<table><tr data-cell="${cellKey('agr_any_12m', {})}"><th>Alle</th><td class="num">44.7%</td></tr>
<tr data-cell="${cellKey('agr_any_12m', { bg_role: 'cdk' }).replace('&', '&amp;')}" data-suppressed="true"><th>cdk</th><td class="num suppressed">—<span class="visually-hidden"> (niet getoond)</span></td></tr></table>`;
  assert.deepEqual(
    scan(
      product(
        [
          figure({}),
          figure({ by: { bg_role: 'cdk' }, estimate: null, n: null, suppressed: true }),
          figure({ wave: '2014', estimate: 0.23, n: null, where: 'trend:x:published' }),
          figure({ indicator: 'response', estimate: 0.3, n: 3, where: 'method:response' }),
        ],
        body,
      ),
    ),
    [],
  );
});

test('each rule finds its leak', () => {
  const cases: Array<[PublishedFigure, RegExp]> = [
    [figure({ by: { bg_role: 'cdk' }, estimate: 0.6, n: 3 }), /suppressed cell shown as a number/],
    [
      figure({ by: { bg_role: 'cdk' }, estimate: 0.6, n: null, suppressed: true }),
      /suppressed figure carries a number/,
    ],
    [figure({ by: { bg_role: 'raadslid' }, estimate: 0.43, n: 9 }), /below the threshold/],
    [figure({ estimate: 0.45 }), /is not the run's/],
    [
      figure({
        by: { bg_role: 'raadslid' },
        wave: 'monitor-2022',
        estimate: -0.04,
        n: null,
        where: 't:change',
      }),
      /a change involving a suppressed cell/,
    ],
    [
      figure({ wave: '2014', estimate: 0.3, n: null, where: 'trend:x:published' }),
      /not a published historical value/,
    ],
    [figure({ by: { bg_role: 'burgemeester' } }), /no such cell/],
    [figure({ indicator: 'frame', where: 'method:frame' }), /unknown method figure/],
  ];
  for (const [f, expected] of cases) assert.match(scan(product([f])).join('\n'), expected, f.where);
});

test('the HTML: a suppressed row with a digit, a published row with another number, a marked cell with a digit', () => {
  const cdk = cellKey('agr_any_12m', { bg_role: 'cdk' }).replace('&', '&amp;');
  const findings = scan(
    product(
      [],
      `<table><tr data-cell="${cdk}" data-suppressed="true"><th>cdk</th><td>60,0%</td></tr>
<tr data-cell="${cellKey('agr_any_12m', {})}"><th>Alle</th><td class="num">45.0%</td></tr>
<tr data-cell="${cdk}"><th>cdk</th><td class="num">—</td></tr>
<tr data-cells="${cellKey('agr_any_12m', {})} ${cdk}"><th>x</th><td>44.7%</td><td>60%</td></tr>
<tr><td class="num suppressed">3</td></tr></table>`,
    ),
  ).join('\n');
  assert.match(findings, /row agr_any_12m\|bg_role=cdk: suppressed cell shows a number/);
  assert.match(findings, /shows 45.0%, run has 44.7%/);
  assert.match(findings, /suppressed cell not marked/);
  assert.match(findings, /key figure agr_any_12m\|bg_role=cdk: suppressed cell shows a number/);
  assert.match(findings, /a cell marked suppressed shows 3/);
});
