import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { count, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.js';
import { cliActor, systemActor } from '../audit/audit.js';
import { auditLog } from '../audit/schema.js';
import type { Database } from '../db/database.js';
import type { AppError } from '../errors.js';
import { hasChanges, importOrganisations } from './import.js';
import { loadRegistry, registryFiles } from './registry.js';
import { organisationMergers, organisations } from './schema.js';
import {
  createOrganisation,
  getOrganisationByCode,
  listMergers,
  listOrganisations,
  mergeOrganisations,
  successorOf,
  successorsOf,
  updateOrganisation,
} from './service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
  // its speed (about 150 ms warm, docs/organisations.md) is a benchmark's business, not a test's: a timed
  // bound here failed on a loaded machine
  await database.db.transaction((tx) => loadRegistry(tx, systemActor));
});
after(() => database.close());

const db = () => database.db;
const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;
const rowsOf = async (q: ReturnType<typeof sql>) =>
  ((await db().execute(q)) as unknown as { rows: unknown[] }).rows;
const snapshot = async () => ({
  orgs: await rowsOf(sql`select * from organisations order by code`),
  mergers: await rowsOf(
    sql`select m.effective_date, m.type, m.successor_code, m.notes, s.source_code, s.partial from organisation_mergers m join organisation_merger_sources s on s.merger_id = m.id order by 1, 3, 5`,
  ),
  audit: await auditCount(),
});

async function countBy(where: ReturnType<typeof sql>) {
  const [r] = await db().select({ n: count() }).from(organisations).where(where);
  return r!.n;
}

test('the registry loads 342 gemeenten, 12 provincies, 21 waterschappen and BZK, with one audit entry', async () => {
  const active = sql`valid_to is null`;
  assert.equal(await countBy(sql`layer = 'gemeente' and ${active}`), 342);
  assert.equal(await countBy(sql`layer = 'provincie' and ${active}`), 12);
  assert.equal(await countBy(sql`layer = 'waterschap' and ${active}`), 21);
  const bzk = await getOrganisationByCode(db(), 'BZK');
  assert.equal(bzk.layer, 'rijk');
  assert.equal(bzk.name, 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties');
  const entries = await db().select().from(auditLog).where(eq(auditLog.action, 'organisations.import'));
  assert.equal(entries.length, 1);
  assert.equal((entries[0]!.diff as any).summary.added, 376);
  // Herindelingen 2018–2023: 29 rows, the old municipalities kept as ended organisations.
  assert.equal((await db().select({ n: count() }).from(organisationMergers))[0]!.n, 29);
  const weesp = await getOrganisationByCode(db(), 'GM0457');
  assert.equal(weesp.validTo, '2022-03-24');
  assert.equal((await getOrganisationByCode(db(), 'GM1992')).validFrom, '2023-01-01');
});

test('size classes match the reference counts 66 / 180 / 64 / 32 (lower bound inclusive)', async () => {
  const rows = await db().execute<{ size_class: string; n: number }>(
    sql`select size_class, count(*)::int as n from organisations where layer = 'gemeente' and valid_to is null group by 1`,
  );
  const by = Object.fromEntries(rows.rows.map((r: any) => [r.size_class, r.n]));
  assert.deepEqual(by, { lt20k: 66, '20k-50k': 180, '50k-100k': 64, ge100k: 32 });
  const westerveld = await getOrganisationByCode(db(), 'GM1701');
  assert.deepEqual([westerveld.inhabitants, westerveld.sizeClass], [19983, 'lt20k']);
  assert.equal((await getOrganisationByCode(db(), 'GM0243')).sizeClass, '50k-100k');
  assert.equal((await getOrganisationByCode(db(), 'GM0363')).inhabitantsDate, '2025-01-01');
});

test('successorOf maps old codes onto the organisation that carries them on a date', async () => {
  assert.equal(await successorOf(db(), 'GM0457', '2022-03-24'), 'GM0363');
  assert.equal(await successorOf(db(), 'GM0457', '2022-03-23'), 'GM0457');
  assert.equal(await successorOf(db(), 'GM0363', '2024-06-01'), 'GM0363');
  assert.equal(await successorOf(db(), 'GM0501', '2023-01-01'), 'GM1992');
  // A split: Haaren went to four municipalities.
  assert.equal(await successorOf(db(), 'GM0788', '2021-01-01'), undefined);
  assert.deepEqual(
    (await successorsOf(db(), 'GM0788', '2021-01-01')).map((s) => [s.code, s.partial]),
    [
      ['GM0757', true],
      ['GM0824', true],
      ['GM0855', true],
      ['GM0865', true],
    ],
  );
});

test('re-importing the same list changes nothing, not even the audit log', async () => {
  const before = await snapshot();
  const report = await importOrganisations(db(), { files: registryFiles() }, cliActor('orgs import'));
  assert.equal(report.added.length + report.updated.length + report.ended.length, 0);
  assert.equal(report.unchanged, 376);
  assert.deepEqual(report.mergers, { added: 0, updated: 0, unchanged: 29 });
  assert.deepEqual(report.notInList, []);
  assert.deepEqual(await snapshot(), before);
});

test('an import reports updates with field diffs and organisations not in the list; a dry run writes nothing', async () => {
  const files = registryFiles().filter((f) => /gemeenten|inhabitants/.test(f.name));
  const gemeenten = files.find((f) => f.name.endsWith('gemeenten.csv'))!;
  const inhabitants = files.find((f) => f.name.endsWith('inhabitants.csv'))!;
  const changed = [
    {
      name: gemeenten.name,
      content: gemeenten.content
        .replace('GM0096,Vlieland,PV21', 'GM0096,Vlie-land,PV21')
        .replace(/GM0088,[^\r]*\r\n/, ''),
    },
    {
      name: inhabitants.name,
      content: inhabitants.content.replace(/GM0096,1217,/, 'GM0096,25000,').replace(/GM0088,[^\r]*\r\n/, ''),
    },
  ];
  const before = await snapshot();
  const dry = await importOrganisations(db(), { files: changed }, cliActor('orgs import'), { dryRun: true });
  assert.deepEqual(await snapshot(), before);
  assert.equal(dry.dryRun, true);
  assert.deepEqual(dry.updated, [
    {
      code: 'GM0096',
      name: 'Vlieland',
      changes: {
        name: ['Vlieland', 'Vlie-land'],
        inhabitants: [1217, 25000],
        sizeClass: ['lt20k', '20k-50k'],
      },
    },
  ]);
  assert.deepEqual(dry.notInList, [{ code: 'GM0088', name: 'Schiermonnikoog', layer: 'gemeente' }]);

  const real = await importOrganisations(db(), { files: changed }, cliActor('orgs import'));
  assert.deepEqual(real.updated, dry.updated);
  assert.equal((await getOrganisationByCode(db(), 'GM0096')).sizeClass, '20k-50k');
  assert.equal(await auditCount(), before.audit + 1);
  // Restore.
  await importOrganisations(db(), { files: registryFiles() }, cliActor('orgs import'));
  assert.equal((await getOrganisationByCode(db(), 'GM0096')).name, 'Vlieland');
});

test('a failed import lists every problem with file, line and column and changes nothing', async () => {
  const before = await snapshot();
  const bad = {
    name: 'new.csv',
    content:
      'code,name,layer,province_code,inhabitants\r\n' +
      'GM9001,Nieuwdorp,gemeente,PV99,1000\r\n' +
      'GM9002,Tweedorp,gemeente,PV27,veel\r\n' +
      'GM9002,Tweedorp,gemeente,PV27,10\r\n' +
      'GM9003,Driedorp,gemeente,PV27,30000\r\n',
  };
  await assert.rejects(
    importOrganisations(db(), { files: [bad] }, cliActor('orgs import')),
    (err: AppError) => {
      assert.equal(err.code, 'invalid-file');
      assert.deepEqual(err.location, { file: 'new.csv', line: 2, column: 27 });
      assert.match(err.cliMessage(), /^new\.csv:2:27: province_code: unknown province PV99/);
      assert.deepEqual(
        err.invalidParams.map((p) => p.name),
        ['new.csv:2:27', 'new.csv:3:31', 'new.csv:4:1'],
      );
      assert.match(err.invalidParams[2]!.reason, /duplicate code GM9002/);
      return true;
    },
  );
  await assert.rejects(
    importOrganisations(
      db(),
      { files: [{ name: 'q.csv', content: 'code,name,layer\r\n"GM1,x,gemeente\r\n' }] },
      systemActor,
    ),
    (err: AppError) => err.cliMessage().startsWith('q.csv:2:1: quoted field is not closed'),
  );
  assert.deepEqual(await snapshot(), before);
  assert.equal(await countBy(sql`code = 'GM9003'`), 0);
});

test('create, update and merge write audit records; a merge ends the sources and maps old onto new', async () => {
  const actor = cliActor('test');
  const a = await createOrganisation(
    db(),
    { code: 'GM9101', name: 'Oostdorp', layer: 'gemeente', provinceCode: 'PV26', inhabitants: 12000 },
    actor,
  );
  assert.equal(a.sizeClass, 'lt20k');
  const b = await createOrganisation(
    db(),
    { code: 'GM9102', name: 'Westdorp', layer: 'gemeente', provinceCode: 'PV26', inhabitants: 9000 },
    actor,
  );
  await assert.rejects(
    createOrganisation(
      db(),
      { code: 'GM9101', name: 'Dubbel', layer: 'gemeente', provinceCode: 'PV26' },
      actor,
    ),
    (e: AppError) => e.code === 'conflict',
  );
  await assert.rejects(
    createOrganisation(
      db(),
      { code: 'GM9109', name: 'Nergens', layer: 'gemeente', provinceCode: 'PV99' },
      actor,
    ),
    (e: AppError) => e.code === 'validation' && e.invalidParams[0]!.code === 'unknown_province',
  );
  const updated = await updateOrganisation(db(), b.id, { inhabitants: 20000 }, actor);
  assert.equal(updated.sizeClass, '20k-50k');
  const [upd] = await db()
    .select()
    .from(auditLog)
    .where(sql`${auditLog.action} = 'organisation.update' and ${auditLog.resourceId} = ${b.id}`);
  assert.deepEqual(upd!.diff, { inhabitants: [9000, 20000], sizeClass: ['lt20k', '20k-50k'] });

  const c = await createOrganisation(
    db(),
    { code: 'GM9103', name: 'Samendorp', layer: 'gemeente', provinceCode: 'PV26' },
    actor,
  );
  const merger = await mergeOrganisations(
    db(),
    {
      effectiveDate: '2026-01-01',
      type: 'samenvoeging',
      successorCode: 'GM9103',
      sources: [{ code: 'GM9101' }, { code: 'GM9102' }],
    },
    actor,
  );
  assert.equal(merger.sources.length, 2);
  assert.equal((await getOrganisationByCode(db(), 'GM9101')).validTo, '2026-01-01');
  assert.equal((await getOrganisationByCode(db(), 'GM9103')).validFrom, '2026-01-01');
  assert.equal(await successorOf(db(), 'GM9101', '2026-01-01'), 'GM9103');
  assert.equal(await successorOf(db(), 'GM9101', '2025-12-31'), 'GM9101');
  const [entry] = await db()
    .select()
    .from(auditLog)
    .where(sql`${auditLog.action} = 'organisation.merge' and ${auditLog.organisationId} = ${c.id}`);
  assert.ok(entry);

  // Merging an already ended organisation again is refused, as is a source of another layer.
  await assert.rejects(
    mergeOrganisations(
      db(),
      {
        effectiveDate: '2027-01-01',
        type: 'uitbreiding',
        successorCode: 'GM9103',
        sources: [{ code: 'GM9101' }],
      },
      actor,
    ),
    (e: AppError) => e.code === 'validation' && e.invalidParams[0]!.code === 'ended',
  );
  await assert.rejects(
    mergeOrganisations(
      db(),
      {
        effectiveDate: '2027-01-01',
        type: 'uitbreiding',
        successorCode: 'GM9103',
        sources: [{ code: 'PV20' }],
      },
      actor,
    ),
    (e: AppError) => e.invalidParams[0]!.code === 'layer_mismatch',
  );
  const history = await listMergers(db(), { code: 'GM9101' });
  assert.equal(history.total, 1);
});

test('list filters by layer, province and text, excludes ended organisations unless asked, and pages', async () => {
  const fr = await listOrganisations(db(), { layer: 'gemeente', province: 'PV21', pageSize: 100 });
  assert.equal(fr.total, 18);
  const q = await listOrganisations(db(), { q: 'amster' });
  assert.deepEqual(
    q.items.map((o) => o.code),
    ['GM0363'],
  );
  assert.equal((await listOrganisations(db(), { q: 'gm0363' })).total, 1);
  assert.equal((await listOrganisations(db(), { q: 'Weesp' })).total, 0);
  assert.equal((await listOrganisations(db(), { q: 'Weesp', includeEnded: true })).total, 1);
  assert.equal((await listOrganisations(db(), { q: '%' })).total, 0);
  const p2 = await listOrganisations(db(), { layer: 'waterschap', page: 2, pageSize: 10 });
  assert.deepEqual([p2.items.length, p2.total, p2.page], [10, 21, 2]);
});

test('a herindelingen file dates an existing successor and adds its sources as former organisations', async () => {
  const actor = cliActor('test');
  await createOrganisation(
    db(),
    { code: 'GM9201', name: 'Nieuwgemeente', layer: 'gemeente', provinceCode: 'PV25' },
    actor,
  );
  const file = {
    name: 'her.csv',
    content:
      'date,new_cbs_code,new_name,old_cbs_codes,old_names,type,notes\r\n' +
      '2030-01-01,GM9201,Nieuwgemeente,GM9202;GM9203,Oud-A;Oud-B (deel),samenvoeging,"test, with a comma"\r\n',
  };
  const report = await importOrganisations(db(), { files: [file] }, actor);
  assert.deepEqual(report.updated, [
    { code: 'GM9201', name: 'Nieuwgemeente', changes: { validFrom: [null, '2030-01-01'] } },
  ]);
  assert.equal(report.historical, 2);
  assert.deepEqual(report.mergers, { added: 1, updated: 0, unchanged: 0 });
  const oudB = await getOrganisationByCode(db(), 'GM9203');
  assert.deepEqual([oudB.name, oudB.validTo], ['Oud-B', '2030-01-01']);
  assert.deepEqual(await successorsOf(db(), 'GM9203', '2030-01-01'), [{ code: 'GM9201', partial: true }]);
  const again = await importOrganisations(db(), { files: [file] }, actor);
  assert.equal(hasChanges(again), false);
});

test('an announced herindeling (future date) may end organisations that are still in the list', async () => {
  const files = [
    {
      name: 'list.csv',
      content:
        'code,name,layer,province_code,inhabitants\r\n' +
        'GM9301,Blijfdorp,gemeente,PV25,1000\r\nGM9302,Groeistad,gemeente,PV25,60000\r\n',
    },
    {
      name: 'her.csv',
      content:
        'date,new_cbs_code,new_name,old_cbs_codes,old_names,type\r\n2099-01-01,GM9302,Groeistad,GM9301,Blijfdorp,uitbreiding\r\n',
    },
  ];
  await importOrganisations(db(), { files }, cliActor('test'));
  const blijfdorp = await getOrganisationByCode(db(), 'GM9301');
  assert.equal(blijfdorp.validTo, '2099-01-01');
  assert.equal((await listOrganisations(db(), { q: 'Blijfdorp' })).total, 1, 'still active today');
  assert.equal(await successorOf(db(), 'GM9301', '2099-01-01'), 'GM9302');
  assert.equal(hasChanges(await importOrganisations(db(), { files }, cliActor('test'))), false);
});
