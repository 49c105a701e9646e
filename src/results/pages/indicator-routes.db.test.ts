/** Researchers add and edit indicators in the app: a new version each time, errors at their field. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { indicatorVersion } from '../indicators/service.js';

let t: TestApp;
let researcher: TestUser;
let viewer: TestUser;

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction((tx) => loadTemplates(tx, cliActor('test')));
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
});
after(() => t.close());

const get = (url: string, user: TestUser) => t.app.inject({ url, headers: { cookie: user.cookie } });

const form = (over: Record<string, string | string[]>) => ({
  code: 'agr_any_12m',
  targetGroup: 'office_holders',
  theme: 'aggression',
  labelNl: 'Agressie (herzien)',
  labelEn: 'Aggression (revised)',
  numerator: "${agr_verbal_12m} != 'nooit'",
  population: '',
  answered: 'agr_verbal_12m',
  breakdowns: ['all', 'bg_gender'],
  ...over,
});

test('a researcher edits a built-in indicator: a new version; the earlier one is kept', async () => {
  const list = await get('/results/indicators', researcher);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /agr_any_12m/);
  assert.equal((await get('/results/indicators', viewer)).statusCode, 403);
  const edit = await get('/results/indicators/agr_any_12m/edit', researcher);
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, /nu versie 1/);
  assert.equal((await get('/results/indicators/nope/edit', researcher)).statusCode, 404);

  const v1 = (await indicatorVersion(t.database.db, 'agr_any_12m'))!;
  const saved = await postForm(t.app, '/results/indicators', form({}), researcher.cookie);
  assert.equal(saved.statusCode, 303, saved.body);
  assert.match(saved.headers.location as string, /saved=agr_any_12m&version=2/);
  const v2 = (await indicatorVersion(t.database.db, 'agr_any_12m'))!;
  assert.equal(v2.version, 2);
  assert.equal(v2.label.nl, 'Agressie (herzien)');
  assert.deepEqual(v2.breakdowns, [[], ['bg_gender']]);
  assert.deepEqual(v2.comparisons, v1.comparisons, 'comparisons kept from the version edited');
  assert.deepEqual(await indicatorVersion(t.database.db, 'agr_any_12m', 1), v1);
  const [audits] = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.indicator.save' and resource_id = 'agr_any_12m@2'",
  );
  assert.equal(audits!.n, 1);
  // the same form again changes nothing
  const again = await postForm(t.app, '/results/indicators', form({}), researcher.cookie);
  assert.match(again.headers.location as string, /version=2&unchanged=1/);
  assert.equal((await postForm(t.app, '/results/indicators', form({}), viewer.cookie)).statusCode, 403);
});

test('an unknown item code, a type mismatch or a bad code is shown at its field, and nothing is saved', async () => {
  const unknown = await postForm(
    t.app,
    '/results/indicators',
    form({ code: 'x_new', numerator: "${agr_nope} = 'ja'" }),
    researcher.cookie,
  );
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /<p class="field-error" id="numerator-error">[^<]*agr_nope/);
  assert.match(
    unknown.body,
    /aria-invalid="true"[^>]*aria-describedby="numerator-hint numerator-error"|aria-describedby="numerator-hint numerator-error"/,
  );
  const mismatch = await postForm(
    t.app,
    '/results/indicators',
    form({
      code: 'x_new',
      population: "${agr_verbal_12m} = 'ja'",
      numerator: "${agr_verbal_12m} != 'nooit'",
    }),
    researcher.cookie,
  );
  assert.equal(mismatch.statusCode, 400);
  assert.match(
    mismatch.body,
    /id="population-error">[^<]*&#39;ja&#39; is geen antwoordcode van agr_verbal_12m|id="population-error">[^<]*'ja' is geen antwoordcode/,
  );
  const badCode = await postForm(t.app, '/results/indicators', form({ code: 'X Y' }), researcher.cookie);
  assert.equal(badCode.statusCode, 400);
  assert.match(badCode.body, /id="code-error"/);
  assert.equal(await indicatorVersion(t.database.db, 'x_new'), undefined);
});
