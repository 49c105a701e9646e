/**
 * Issue 13, row 11: a frame with more stratum columns than `frameLimits.strataColumns` is refused at
 * import with a clear message and changes nothing; an export that an XLSX sheet cannot hold (a wave whose
 * frame came in before the limit, with 17,000 stratum columns) answers 422 with a problem, never 500.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { assertFitsXlsx, tableFile, xlsxLimits } from './exports.js';
import { frameLimits } from './frame-file.js';
import { importFrame } from './frame-service.js';
import { createWave } from './waves-service.js';

let t: TestApp;
let researcher: TestUser;
before(async () => {
  t = await createTestApp();
  await loadRegistry(t.database.db, systemActor);
  researcher = await createUser(t, { platformRoles: ['researcher'] });
});
after(() => t.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;

function frame(strata: number): Buffer {
  const extra = Array.from({ length: strata }, (_, i) => `s${i}`);
  return Buffer.from(
    [
      ['naam', 'email', 'rol', 'organisatie', ...extra].join(','),
      ['Anna', 'anna@voorbeeld.nl', 'raadslid', 'GM0363', ...extra.map((s) => `v${s}`)].join(','),
    ].join('\n'),
  );
}

test(`a frame with more than ${frameLimits.strataColumns} stratum columns is refused and changes nothing`, async () => {
  const wave = await createWave(t.database.db, { code: 'strata', name: 'Strata' }, systemActor);
  const before = {
    persons: await count('frame_persons'),
    imports: await count('frame_imports'),
    audit: await count('audit_log'),
  };
  const err = await importFrame(
    t.database.db,
    wave.id,
    { fileName: 'f.csv', data: frame(frameLimits.strataColumns + 1), targetGroup: 'office_holders' },
    systemActor,
  ).catch((e: unknown) => e);
  assert.ok(err instanceof AppError, String(err));
  assert.equal(err.code, 'invalid-file');
  assert.match(err.detailIn('en')!, /has 51 stratum columns \(e\.g\. "s50"\); a frame may have at most 50/);
  assert.match(err.detailIn('nl')!, /hoogstens 50 extra kolommen/);
  assert.deepEqual(err.location, { file: 'f.csv', line: 1, column: 55 });
  assert.match(err.cliMessage(), /^f\.csv:1:55: /);
  assert.deepEqual(
    {
      persons: await count('frame_persons'),
      imports: await count('frame_imports'),
      audit: await count('audit_log'),
    },
    before,
  );
  // The API answers with the problem, in Dutch by default.
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/waves/${wave.id}/frame-imports?targetGroup=office_holders&fileName=f.csv`,
    headers: { authorization: `Bearer ${researcher.bearer}`, 'content-type': 'text/csv' },
    payload: frame(frameLimits.strataColumns + 1),
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().type, 'urn:weerbaar:problem:invalid-file');
  assert.match(res.json().detail, /hoogstens 50 extra kolommen/);

  // Exactly at the limit: imported.
  const ok = await importFrame(
    t.database.db,
    wave.id,
    { fileName: 'f.csv', data: frame(frameLimits.strataColumns), targetGroup: 'office_holders' },
    systemActor,
  );
  assert.equal(ok.written, true, JSON.stringify(ok.problems));
});

test('an XLSX export wider than a sheet answers 422 with a problem (CSV still works), never 500', async () => {
  const wave = await createWave(t.database.db, { code: 'wide', name: 'Wide' }, systemActor);
  await importFrame(
    t.database.db,
    wave.id,
    { fileName: 'f.csv', data: frame(1), targetGroup: 'office_holders' },
    systemActor,
  );
  // As a frame imported before the limit left it: 17,000 stratum columns.
  await t.database.query(
    `update frame_persons set strata = (select jsonb_object_agg('s' || g, 'v') from generate_series(1, 17000) g)
      where wave_id = $1`,
    [wave.id],
  );
  const get = (format: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/waves/${wave.id}/non-respondents?format=${format}`,
      headers: { authorization: `Bearer ${researcher.bearer}` },
    });
  const xlsx = await get('xlsx');
  assert.equal(xlsx.statusCode, 422, xlsx.body.slice(0, 500));
  assert.equal(xlsx.json().type, 'urn:weerbaar:problem:export-too-large');
  assert.match(xlsx.json().detail, /17\.012 kolommen; een Excel-bestand kan er hoogstens 16\.384 hebben/);
  const csv = await get('csv');
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.body.split('\r\n')[0]!.split(',').length, 17_012);
});

test('every XLSX limit is checked before writing: columns, rows, cell length', () => {
  const refuses = (table: Parameters<typeof assertFitsXlsx>[0], re: RegExp) =>
    assert.throws(
      () => assertFitsXlsx(table),
      (e: AppError) => e.code === 'export-too-large' && re.test(e.detailIn('en')!),
    );
  refuses(
    { name: 't', columns: Array.from({ length: xlsxLimits.columns + 1 }, (_, i) => `c${i}`), rows: [] },
    /16385 columns/,
  );
  refuses(
    { name: 't', columns: ['a'], rows: Array.from({ length: xlsxLimits.rows }, () => [1]) },
    /1048576 rows/,
  );
  refuses(
    {
      name: 't',
      columns: ['a', 'b'],
      rows: [
        ['x', 'y'],
        ['x', 'y'.repeat(xlsxLimits.cellLength + 1)],
      ],
    },
    /row 3 \(column b\)/,
  );
  assertFitsXlsx({ name: 't', columns: ['a'], rows: [['y'.repeat(xlsxLimits.cellLength)]] });
});

test('tableFile writes an XLSX just at the column limit', async () => {
  const columns = Array.from({ length: xlsxLimits.columns }, (_, i) => `c${i}`);
  const f = await tableFile({ name: 't', columns, rows: [columns.map(() => 1)] }, 'xlsx');
  assert.equal(f.ext, 'xlsx');
});
