import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { canonicalOrder } from '../canonical.js';
import { groupData } from '../demo/inputs.js';
import { registryOrganisations } from '../demo/registry.js';
import { demoWaveTruths, generateWave, type Questionnaires } from '../demo/waves.js';
import { kishDeff } from './report.js';
import { officeHolderScheme } from './scheme.js';
import { weight } from './weighting.js';

const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = registryOrganisations();
const wave = generateWave(demoWaveTruths.find((w) => w.year === 2024)!, orgs, defs);
const data = groupData(wave, orgs, 'office_holders');
const ordered = canonicalOrder(data.respondents);

test('office-holder weights meet every frame margin and start from N_h / n_h', () => {
  const r = weight(
    ordered.map((x) => x.strata),
    data.population,
    officeHolderScheme,
  );
  assert.deepEqual(
    r.margins.map((m) => m.name),
    ['layer_role', 'gender', 'province'],
  );
  for (const m of r.report.margins)
    for (const row of m.rows) {
      assert.ok(Math.abs(row.after - row.population) < 1e-6 * row.population, `${m.name} ${row.category}`);
    }
  // before raking only layer × role holds (base weights); gender is off because women respond less
  const gender = r.report.margins.find((m) => m.name === 'gender')!;
  const women = gender.rows.find((x) => x.category === 'vrouw')!;
  assert.ok(women.before < women.population - 50);
  const total = data.population.reduce((a, c) => a + c.n, 0);
  assert.equal(r.report.population, total);
  assert.ok(r.report.kishDeff >= 1 && r.report.kishDeff < 2, String(r.report.kishDeff));
  assert.ok(r.report.convergence.maxMarginDeviation < 1e-6);
});

test('weights are the same to the last bit whatever order the database returns', () => {
  const a = weight(
    ordered.map((x) => x.strata),
    data.population,
    officeHolderScheme,
  );
  const shuffled = [...data.respondents].reverse();
  const b = weight(
    canonicalOrder(shuffled).map((x) => x.strata),
    [...data.population].reverse(),
    officeHolderScheme,
  );
  assert.deepEqual(Buffer.from(b.finalWeights.buffer), Buffer.from(a.finalWeights.buffer));
});

test('trimming keeps the adjustment factors in bounds and the margins met', () => {
  const strata = ordered.map((x) => x.strata);
  const untrimmed = weight(strata, data.population, officeHolderScheme).report.adjustment;
  // an upper bound inside the untrimmed range, so trimming has work to do (the lowest factors are
  // forced by small strata and cannot move: see the next test for bounds that cannot hold)
  const lower = untrimmed.min * 0.999;
  const upper = 1 + 0.8 * (untrimmed.max - 1);
  const r = weight(strata, data.population, officeHolderScheme, { trim: { lower, upper } });
  assert.equal(r.report.trim?.boundsHold, true);
  assert.ok((r.report.trim?.rounds ?? 0) > 0);
  assert.ok(r.report.adjustment.min >= lower - 1e-8 && r.report.adjustment.max <= upper + 1e-8);
  for (const m of r.report.margins)
    for (const row of m.rows) assert.ok(Math.abs(row.after - row.population) < 1e-6 * row.population);
});

test('bounds that raking cannot keep are reported as not holding, never hidden', () => {
  const r = weight(
    ordered.map((x) => x.strata),
    data.population,
    officeHolderScheme,
    { trim: { lower: 0.99, upper: 1.01, maxRounds: 5 } },
  );
  assert.deepEqual(r.report.trim, { lower: 0.99, upper: 1.01, maxRounds: 5, rounds: 5, boundsHold: false });
});

test('a margin category with frame persons but no respondents is named in the error', () => {
  const population = [
    ...data.population,
    { strata: { ...data.population[0]!.strata, bg_gender: 'anders' }, n: 3 },
  ];
  assert.throws(
    () =>
      weight(
        ordered.map((x) => x.strata),
        population,
        officeHolderScheme,
      ),
    /margin gender, category "anders" has 3 frame persons but no respondents/,
  );
});

test('Kish deff is 1 for equal weights, at least 1 always, and scale-free', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
      fc.double({ min: 0.001, max: 1000, noNaN: true }),
      (w, c) => {
        const d = kishDeff(w);
        assert.ok(d >= 1 - 1e-12);
        assert.ok(Math.abs(kishDeff(w.map((x) => x * c)) - d) < 1e-9 * d);
        assert.ok(Math.abs(kishDeff(w.map(() => c)) - 1) < 1e-12);
      },
    ),
  );
});

test('random small populations: raked weights reproduce every margin', () => {
  const cell = fc.record({
    role: fc.constantFrom('raadslid', 'wethouder'),
    g: fc.constantFrom('vrouw', 'man'),
    p: fc.constantFrom('a', 'b', 'c'),
  });
  fc.assert(
    fc.property(
      fc.array(cell, { minLength: 30, maxLength: 120 }),
      fc.integer({ min: 2, max: 6 }),
      (people, k) => {
        const strata = people.map((x) => ({
          bg_layer: 'gemeente',
          bg_role: x.role,
          bg_gender: x.g,
          bg_province: x.p,
        }));
        const respondents = strata.filter((_, i) => i % k !== 0);
        const population = strata.map((s) => ({ strata: s, n: 1 }));
        let r: ReturnType<typeof weight>;
        try {
          r = weight(respondents, population, officeHolderScheme);
        } catch (e) {
          // a category without respondents is a clear error, never a wrong weight
          assert.match(String((e as Error).message), /no respondents|cannot meet/);
          return;
        }
        for (const m of r.report.margins)
          for (const row of m.rows)
            assert.ok(Math.abs(row.after - row.population) < 1e-6 * Math.max(1, row.population));
      },
    ),
    { numRuns: 60 },
  );
});
