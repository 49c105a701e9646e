import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { organisationCounts } from './benchmark.js';
import { nationalBenchmark, organisationBenchmark } from './benchmark-model.js';
import { completeReport, principalOf } from './fixtures.js';
import { completeTask } from './follow-up.js';
import { submitReport } from './service.js';

let t: TestApp;
const orgs: string[] = [];
let lonely: string;
let coordinator: TestUser;
let viewer: TestUser;
let reporterUser: TestUser;

/**
 * Four large gemeenten with 5, 3, 2 and 2 incidents of a threat (12), two of them also with physical
 * violence twice (a dominated cell), and a waterschap alone in its group (never shown).
 */
before(async () => {
  t = await createTestApp();
  const insert = async (code: string, layer: string, size: string | null) =>
    (
      await t.database.query<{ id: string }>(
        'insert into organisations (code, layer, name, size_class) values ($1, $2, $1, $3) returning id',
        [code, layer, size],
      )
    )[0]!.id;
  for (const code of ['GM9701', 'GM9702', 'GM9703', 'GM9704'])
    orgs.push(await insert(code, 'gemeente', 'ge100k'));
  lonely = await insert('WS9701', 'waterschap', null);
  const day = (d: string) => new Date(`${d}T09:00:00Z`);
  const submit = async (org: string, n: number, over: Parameters<typeof completeReport>[0] = {}) => {
    const u = await createUser(t, { memberships: [{ organisationId: org, role: 'reporter' }] });
    const p = principalOf(u, { [org]: ['reporter'] });
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push(
        (
          await submitReport(
            t.database.db,
            p,
            { organisationId: org },
            completeReport({ occurredOn: '2026-10-01', forms: ['threat'], ...over }),
            day('2026-11-02'),
          )
        ).id,
      );
    return ids;
  };
  const first = await submit(orgs[0]!, 3, { aangifteMade: true });
  await submit(orgs[1]!, 3);
  await submit(orgs[2]!, 2);
  await submit(orgs[3]!, 2);
  await submit(orgs[0]!, 2, { forms: ['threat', 'physical_violence'] });
  await submit(lonely, 6);
  coordinator = await createUser(t, { memberships: [{ organisationId: orgs[0]!, role: 'coordinator' }] });
  const task = (
    await t.database.query<{ id: string }>(
      "select id from incident_tasks where incident_id = $1 and kind = 'first_contact'",
      [first[0]],
    )
  )[0]!.id;
  await completeTask(
    t.database.db,
    principalOf(coordinator, { [orgs[0]!]: ['coordinator'] }),
    first[0]!,
    task,
    day('2026-11-02'),
  );
  viewer = await createUser(t, { platformRoles: ['viewer'] });
  reporterUser = await createUser(t, { memberships: [{ organisationId: orgs[0]!, role: 'reporter' }] });
});
after(() => t.close());

test('each organisation’s counts come from its submitted incidents in the period', async () => {
  const counts = await organisationCounts(t.database, '2026-11-01', '2026-11-30');
  const mine = counts.find((c) => c.organisationId === orgs[0]);
  assert.deepEqual(
    {
      total: mine?.total,
      threat: mine?.forms.threat,
      physical: mine?.forms.physical_violence,
      aangifte: mine?.aangifte,
    },
    { total: 5, threat: 5, physical: 2, aangifte: 3 },
  );
  assert.equal(mine?.firstContactOnTime, 1);
  assert.equal(mine?.severity.serious, 5);
  const none = await organisationCounts(t.database, '2025-01-01', '2025-12-31');
  assert.ok(none.filter((c) => [...orgs, lonely].includes(c.organisationId)).every((c) => c.total === 0));

  const national = nationalBenchmark(counts.filter((c) => [...orgs, lonely].includes(c.organisationId)));
  const group = national.find((u) => u.id === 'gemeente|ge100k')!;
  assert.equal(group.organisations, 4);
  assert.equal(group.figures.total.count, 12);
  assert.equal(group.figures['form.threat'].count, 12);
  assert.equal(group.figures['form.physical_violence'].count, null, 'two incidents of one organisation');
  const water = national.find((u) => u.id === 'waterschap|-')!;
  assert.equal(water.organisations, null);
  assert.equal(water.figures.total.count, null);
  // the waterschap is the country's total minus the gemeenten: the country's total is withheld too
  assert.equal(national.find((u) => u.id === 'all')!.figures.total.count, null);

  const own = organisationBenchmark(counts, { id: orgs[0]!, layer: 'gemeente', sizeClass: 'ge100k' });
  assert.equal(own.own.total, 5);
  assert.equal(own.others.organisations, 3);
  assert.equal(own.others.figures.total.count, 7, 'three others: 3, 2 and 2 incidents');
  assert.equal(own.others.figures.aangifte.count, 0);
});

test('BZK sees the national benchmark, the coordinator the own one; small cells never show', async () => {
  const page = await t.app.inject({
    url: '/meldpunt/benchmark?from=2026-11-01&to=2026-11-30',
    headers: { cookie: viewer.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg id="per-organisation-svg"/);
  assert.match(page.body, /<svg id="forms-by-layer-svg"/);
  assert.match(page.body, /Waterschap, alle<\/th><td class="num suppressed">/);
  const forbidden = await t.app.inject({
    url: '/meldpunt/benchmark',
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(forbidden.statusCode, 403);

  const own = await t.app.inject({
    url: `/organisations/${orgs[0]}/incidents/benchmark?from=2026-11-01&to=2026-11-30&lang=en`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /3 other organisations in your group/);
  assert.match(own.body, /<svg id="own-forms-svg"/);
  const reporter = await t.app.inject({
    url: `/organisations/${orgs[0]}/incidents/benchmark`,
    headers: { cookie: reporterUser.cookie },
  });
  assert.equal(reporter.statusCode, 403);
  const other = await t.app.inject({
    url: `/organisations/${orgs[1]}/incidents/benchmark`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(other.statusCode, 403);
});
