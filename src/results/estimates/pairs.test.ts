import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { designFromSpec, runAnalysis } from '../../stats/analysis.js';
import { parseSpec } from '../../stats/spec.js';
import { tableFromColumns } from '../../stats/table.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import { comparisonsOf, orientComparison, pairTests } from './pairs.js';

const definition = (over: Partial<IndicatorDefinition>): IndicatorDefinition => ({
  code: 'x',
  version: 1,
  theme: 'aggression',
  targetGroup: 'office_holders',
  label: { nl: 'x', en: 'x' },
  numerator: "${a} = 'ja'",
  answered: [],
  statistic: 'proportion',
  breakdowns: [],
  comparisons: [],
  ...over,
});

test('every pair of groups of each one-variable breakdown once; defined comparisons keep their direction', () => {
  const d = definition({
    breakdowns: [[], ['bg_gender'], ['bg_layer'], ['bg_layer', 'bg_role']],
    comparisons: [{ variable: 'bg_gender', from: 'man', to: 'vrouw' }],
  });
  const levels: Record<string, string[]> = {
    bg_gender: ['anders', 'man', 'vrouw'],
    bg_layer: ['gemeente', 'provincie', 'waterschap'],
    bg_role: ['raadslid', 'wethouder'],
  };
  const pairs = comparisonsOf(d, (v) => levels[v] ?? []);
  assert.deepEqual(pairs[0], { variable: 'bg_gender', from: 'man', to: 'vrouw' });
  assert.equal(pairs.filter((p) => p.variable === 'bg_gender').length, 3);
  assert.equal(pairs.filter((p) => p.variable === 'bg_layer').length, 3);
  assert.equal(
    pairs.filter((p) => p.variable === 'bg_role').length,
    0,
    'no pairs of a two-variable breakdown',
  );
});

test('property: k groups give k(k−1)/2 unordered pairs, each once, never a group with itself', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 12 }), (ls) => {
      const pairs = comparisonsOf(definition({ breakdowns: [['bg_province']] }), () => [...ls].sort());
      assert.equal(pairs.length, (ls.length * Math.max(0, ls.length - 1)) / 2);
      const keys = new Set(pairs.map((p) => [p.from, p.to].sort().join('|')));
      assert.equal(keys.size, pairs.length);
      assert.ok(pairs.every((p) => p.from !== p.to));
    }),
  );
});

test('property: a comparison asked the other way round is the same test with the sign flipped', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (diff, half, p) => {
        const stored = {
          variable: 'bg_gender',
          from: 'man',
          to: 'vrouw',
          difference: diff,
          ci: [diff - half, diff + half] as [number, number],
          pHolm: p,
          significant: p < 0.05,
        };
        const same = orientComparison([stored], 'bg_gender', 'man', 'vrouw')!;
        const back = orientComparison([stored], 'bg_gender', 'vrouw', 'man')!;
        assert.equal(same, stored);
        assert.equal(back.difference, -diff);
        assert.deepEqual(back.ci, [-(diff + half), -(diff - half)]);
        assert.equal(back.pHolm, p);
        assert.equal(back.significant, stored.significant);
        assert.equal(orientComparison([stored], 'bg_gender', 'man', 'anders'), undefined);
      },
    ),
  );
});

test('property: on a raked design, the pairs from one covariance matrix equal src/stats difference pair by pair', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      let s = seed;
      const rand = () => {
        s = (s * 48271) % 2147483647;
        return s / 2147483647;
      };
      const n = 240;
      const groups = ['a', 'b', 'c', 'd'];
      const stratum: string[] = [];
      const fpc = new Float64Array(n);
      const w = new Float64Array(n);
      const region: string[] = [];
      const group: string[] = [];
      const y: Array<string | null> = [];
      for (let i = 0; i < n; i++) {
        const h = i % 3;
        stratum.push(`s${h}`);
        fpc[i] = [400, 300, 500][h]!;
        w[i] = fpc[i]! / (n / 3);
        region.push(rand() < 0.4 ? 'noord' : 'zuid');
        group.push(groups[Math.floor(rand() * groups.length)]!);
        y.push(rand() < 0.05 ? null : rand() < 0.3 + 0.1 * groups.indexOf(group[i]!) ? '1' : '0');
      }
      const total = 1200;
      const share = 0.35 + 0.1 * rand();
      const columns = { stratum, fpc, w_start: w, m_region: region, group, y };
      const spec = parseSpec({
        data: 'x.csv',
        design: { strata: 'stratum', fpc: 'fpc', weights: 'w_start', lonely_psu: 'adjust' },
        calibrate: {
          method: 'raking',
          margins: [
            { variable: 'stratum', totals: { s0: 400, s1: 300, s2: 500 } },
            { variable: 'm_region', totals: { noord: total * share, zuid: total * (1 - share) } },
          ],
          epsilon: 1e-10,
          maxit: 100,
        },
        estimates: [{ id: 'p', statistic: 'proportion', variable: 'y', level: '1', by: [] }],
      });
      const table = tableFromColumns(columns);
      const pairs = comparisonsOf(definition({ breakdowns: [['bg_gender']] }), () => groups);
      const design = designFromSpec(spec, table);
      const fast = pairTests(design, table, 'group', 'y', pairs, 0.95);
      const slow = runAnalysis(
        parseSpec({
          ...spec,
          data: 'x.csv',
          estimates: pairs.map((p, j) => ({
            id: String(j),
            statistic: 'difference',
            variable: 'y',
            level: '1',
            by: [],
            between: { variable: 'group', from: p.from, to: p.to },
          })),
        }),
        table,
      );
      assert.equal(fast.length, pairs.length);
      fast.forEach((f, j) => {
        const e = slow.estimates[j]!;
        assert.ok('rows' in e);
        const r = e.rows[0]!;
        assert.ok(Math.abs(f.estimate - r.estimate!) < 1e-12, `estimate ${f.estimate} vs ${r.estimate}`);
        assert.ok(Math.abs(f.se - r.se!) < 1e-12 * Math.max(1, r.se!), `se ${f.se} vs ${r.se}`);
        assert.ok(Math.abs(f.p - r.p!) < 1e-9, `p ${f.p} vs ${r.p}`);
        assert.equal(f.n, r.n);
      });
    }),
    { numRuns: 15 },
  );
});
