/** Which factsheets a run gets (pure): property tests over random disclosure decisions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { roleGroupOf } from '../../../monitor/fieldwork/model.js';
import type { CellEstimate, GroupEstimates } from '../../estimates/compute.js';
import { cellKey } from '../../trends/trend.js';
import { planFactsheets } from './groups.js';

const layerOf: Record<string, string> = {
  burgemeester: 'gemeente',
  wethouder: 'gemeente',
  raadslid: 'gemeente',
  cdk: 'provincie',
  gedeputeerde: 'provincie',
  statenlid: 'provincie',
  dijkgraaf: 'waterschap',
  lid_db: 'waterschap',
  lid_ab: 'waterschap',
};
const roles = Object.keys(layerOf);
const provinces = ['utrecht', 'zeeland', 'geen'];
type Decision = CellEstimate['suppressed'] | 'ok';
const decision = fc.constantFrom<Decision>('ok', 'ok', 'few-respondents', 'complementary', 'wide-interval');

const cell = (by: Record<string, string>, d: Decision): CellEstimate => ({
  indicator: 'agr_any_12m',
  version: 1,
  by,
  estimate: 0.4,
  se: 0.02,
  ci: [0.36, 0.44],
  n: d === 'few-respondents' ? 5 : 50,
  ...(d === 'ok' ? {} : { suppressed: d }),
});

const estimates = fc
  .record({
    total: decision,
    roles: fc.tuple(...roles.map(() => decision)),
    unions: fc.tuple(...[0, 1, 2, 3, 4, 5].map(() => decision)),
    layers: fc.tuple(decision, decision, decision),
    provinces: fc.tuple(decision, decision, decision),
    employees: decision,
  })
  .map((r) => {
    const cells: CellEstimate[] = [cell({}, r.total)];
    roles.forEach((role, i) => {
      cells.push(cell({ bg_role: role }, r.roles[i]!));
      cells.push(cell({ bg_layer: layerOf[role]!, bg_role: role }, r.roles[i]!));
    });
    ['gemeente', 'provincie', 'waterschap'].forEach((layer, i) => {
      cells.push(cell({ bg_layer: layer }, r.layers[i]!));
      cells.push(cell({ bg_layer: layer, bg_role_group: 'bestuurder' }, r.unions[2 * i]!));
      cells.push(cell({ bg_layer: layer, bg_role_group: 'volksvertegenwoordiger' }, r.unions[2 * i + 1]!));
    });
    provinces.forEach((p, i) => {
      cells.push(cell({ bg_province: p }, r.provinces[i]!));
    });
    const group = (cs: CellEstimate[]): GroupEstimates => ({ cells: cs, comparisons: [] });
    return {
      office_holders: group(cells),
      employees: group([{ ...cell({}, r.employees), indicator: 'emp_agr_any_12m' }]),
    };
  });

test('every factsheet is about a published cell; every role has one place or is named as left out', () => {
  fc.assert(
    fc.property(estimates, (est) => {
      const plan = planFactsheets(est);
      const keys = plan.groups.map((g) => g.key);
      assert.equal(new Set(keys).size, keys.length);
      for (const g of plan.groups) {
        assert.match(g.key, /^[A-Za-z0-9][A-Za-z0-9_-]*$/);
        assert.equal(g.members.length, 1);
        const code = g.targetGroup === 'employees' ? 'emp_agr_any_12m' : 'agr_any_12m';
        const c = est[g.targetGroup].cells.find(
          (x) => cellKey(x.indicator, x.by) === cellKey(code, g.members[0]!),
        );
        assert.ok(c && !c.suppressed, `${g.key} is about a published cell`);
        assert.notEqual(g.members[0]!.bg_province, 'geen');
      }
      for (const role of roles) {
        const own = keys.includes(`role-${role.replace('_', '-')}`);
        const combined = plan.groups.filter((g) => g.roles?.includes(role));
        const left = plan.left.includes(role);
        const published = !est.office_holders.cells.find(
          (c) => cellKey(c.indicator, c.by) === cellKey('agr_any_12m', { bg_role: role }),
        )!.suppressed;
        assert.equal(own, published, `${role}: own factsheet exactly when published`);
        if (!published)
          assert.equal(Number(combined.length > 0) + Number(left), 1, `${role}: combined or left`);
        for (const g of combined) {
          // the combination is the role's own layer and role group, with at least one related role
          assert.deepEqual(g.members[0], { bg_layer: layerOf[role], bg_role_group: roleGroupOf(role) });
          assert.ok(g.roles!.length >= 2);
        }
      }
    }),
  );
});

test('the demo case: CdK with the gedeputeerden, dijkgraaf with the DB-leden', () => {
  const cells: CellEstimate[] = [cell({}, 'ok')];
  for (const role of roles) {
    const d: Decision =
      role === 'cdk' || role === 'dijkgraaf'
        ? 'few-respondents'
        : role === 'gedeputeerde' || role === 'lid_db'
          ? 'complementary'
          : 'ok';
    cells.push(cell({ bg_role: role }, d), cell({ bg_layer: layerOf[role]!, bg_role: role }, d));
  }
  for (const layer of ['gemeente', 'provincie', 'waterschap'])
    cells.push(cell({ bg_layer: layer, bg_role_group: 'bestuurder' }, 'ok'), cell({ bg_layer: layer }, 'ok'));
  const plan = planFactsheets({ office_holders: { cells, comparisons: [] } });
  assert.deepEqual(
    plan.groups.map((g) => g.key),
    [
      'all-office-holders',
      'role-burgemeester',
      'role-wethouder',
      'role-raadslid',
      'roles-gedeputeerde-cdk',
      'role-statenlid',
      'roles-lid-db-dijkgraaf',
      'role-lid-ab',
      'layer-gemeente',
      'layer-provincie',
      'layer-waterschap',
    ],
  );
  assert.deepEqual(plan.combined, [
    { small: ['cdk'], with: ['gedeputeerde'] },
    { small: ['dijkgraaf'], with: ['lid_db'] },
  ]);
  assert.deepEqual(plan.left, []);
});
