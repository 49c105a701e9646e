import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultCountRules } from '../../stats/disclosure/index.js';
import {
  groupOf,
  type Measure,
  measures,
  nationalBenchmark,
  type OrganisationCounts,
  organisationBenchmark,
  severityParts,
} from './benchmark-model.js';
import { forms } from './model.js';

const org = fc
  .record({
    layer: fc.constantFrom('gemeente', 'provincie', 'waterschap'),
    sizeClass: fc.constantFrom('lt20k', '20k-50k', 'ge100k', null),
    forms: fc.array(fc.nat({ max: 6 }), { minLength: forms.length, maxLength: forms.length }),
    severity: fc.array(fc.nat({ max: 8 }), { minLength: 4, maxLength: 4 }),
    aangifte: fc.nat({ max: 3 }),
    onTime: fc.nat({ max: 4 }),
    late: fc.nat({ max: 2 }),
  })
  .map(
    (o): Omit<OrganisationCounts, 'organisationId'> => ({
      layer: o.layer,
      sizeClass: o.sizeClass,
      total: o.severity.reduce((a, b) => a + b, 0),
      forms: Object.fromEntries(forms.map((f, k) => [f, o.forms[k]!])),
      severity: Object.fromEntries(severityParts.map((s, k) => [s, o.severity[k]!])),
      aangifte: o.aangifte,
      firstContactOnTime: o.onTime,
      firstContactLate: o.late,
    }),
  );
const orgs = fc
  .array(org, { minLength: 0, maxLength: 40 })
  .map((list) => list.map((o, i) => ({ ...o, organisationId: `org-${i}` })));

/** The measure of one organisation, computed independently of the model. */
function measureOf(o: OrganisationCounts, m: Measure): number {
  if (m === 'total') return o.total;
  if (m === 'aangifte') return o.aangifte;
  if (m === 'firstContactOnTime') return o.firstContactOnTime;
  if (m === 'firstContactLate') return o.firstContactLate;
  if (m === 'firstContactDone') return o.firstContactOnTime + o.firstContactLate;
  const [kind, code] = m.split('.') as [string, string];
  return kind === 'form' ? o.forms[code]! : o.severity[code]!;
}

/** A shown count must come from ≥ 5 incidents of ≥ 3 organisations, none above half; or be 0 in a group of ≥ 3. */
function assertSafe(members: OrganisationCounts[], m: Measure, shown: number) {
  const parts = members.map((o) => measureOf(o, m));
  const sum = parts.reduce((a, b) => a + b, 0);
  assert.equal(shown, sum, `${m}: the shown count is the true sum`);
  assert.ok(members.length >= defaultCountRules.minContributors, `${m}: a group of ${members.length}`);
  if (sum === 0) return;
  assert.ok(sum >= defaultCountRules.minCount, `${m}: ${sum} incidents shown`);
  assert.ok(
    parts.filter((x) => x > 0).length >= defaultCountRules.minContributors,
    `${m}: too few organisations`,
  );
  assert.ok(
    Math.max(...parts) <= defaultCountRules.maxLargestShare * sum,
    `${m}: one organisation dominates`,
  );
}

test('the national benchmark never shows a small cell, a small group or a dominated cell', () => {
  fc.assert(
    fc.property(orgs, (list) => {
      const units = nationalBenchmark(list);
      for (const u of units) {
        const members = list.filter((o) =>
          u.id === 'all' ? true : u.id.includes('|') ? groupOf(o) === u.id : o.layer === u.id,
        );
        if (u.organisations !== null) assert.equal(u.organisations, members.length);
        else assert.ok(members.length < defaultCountRules.minContributors);
        for (const m of measures) {
          const f = u.figures[m];
          if (f.count !== null) assertSafe(members, m, f.count);
        }
      }
    }),
    { numRuns: 150 },
  );
});

test('an organisation sees its own figures and only safe figures of the other organisations of its group', () => {
  fc.assert(
    fc.property(orgs, fc.nat(), (list, pick) => {
      if (list.length === 0) return;
      const me = list[pick % list.length]!;
      const b = organisationBenchmark(list, {
        id: me.organisationId,
        layer: me.layer,
        sizeClass: me.sizeClass,
      });
      for (const m of measures) assert.equal(b.own[m], measureOf(me, m));
      const others = list.filter((o) => o !== me && groupOf(o) === groupOf(me));
      for (const m of measures) {
        const f = b.others.figures[m];
        if (f.count !== null) assertSafe(others, m, f.count);
      }
    }),
    { numRuns: 150 },
  );
});
