/**
 * Faults: kill -9 of a real process while it submits integrity reports. Every receipt code the process
 * handed out (printed only after `submitReport` returned, i.e. after commit) opens its whole report
 * afterwards; and every stored report is whole: its register line, wrapped keys, attachment and audit
 * record exist, or the report does not exist at all. Embedded database (a PGlite data directory) always,
 * PostgreSQL in the PostgreSQL pass.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedDataDir } from '../../../test/support/cli.js';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import { type Database, openDatabase } from '../../platform/db/database.js';
import { projectPath } from '../../platform/paths.js';
import { testOptions } from './fixtures.js';
import { openWithReceipt, reporterView } from './reports-service.js';

const child = projectPath('test', 'faults', 'integrity-submit-child.ts');
const RECEIPTS_BEFORE_KILL = 12;

test('kill -9 during submissions: every receipt handed out opens its report; no report is half stored', {
  timeout: 600_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-integrity-crash-'));
  let pg: Database | undefined;
  try {
    const env: Record<string, string> = {};
    if (testBackend() === 'postgres') {
      pg = await createTestDatabase();
      env.CHILD_DATABASE_URL = pg.url!;
    } else env.CHILD_DATA_DIR = join(await seedDataDir(dir), 'pgdata');
    const proc = spawn(process.execPath, ['--import', 'tsx', child], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const receipts: Array<{ reportId: string; code: string; marker: string }> = [];
    let orgId = '';
    const killed = new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (d) => {
        out += d;
        for (const line of out.split('\n').slice(0, -1)) {
          const [kind, a, b, c] = line.split(' ');
          if (kind === 'ready') orgId = a!;
          if (kind === 'receipt' && !receipts.some((r) => r.reportId === a))
            receipts.push({ reportId: a!, code: b!, marker: c! });
        }
        if (receipts.length >= RECEIPTS_BEFORE_KILL && proc.exitCode === null) proc.kill('SIGKILL');
      });
      proc.stderr!.on('data', (d) => {
        err += d;
      });
      proc.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err.slice(-2000)}`)),
      );
    });
    await killed;
    assert.ok(orgId, 'the child set up its channel');
    assert.ok(receipts.length >= RECEIPTS_BEFORE_KILL);

    const database = pg ?? (await openDatabase({ dataDir: env.CHILD_DATA_DIR! }));
    try {
      for (const r of receipts) {
        const opened = await openWithReceipt(database.db, orgId, r.code);
        assert.equal(opened.reportId, r.reportId);
        const view = await reporterView(database.db, orgId, opened, testOptions());
        assert.equal(view.content?.what, r.marker, 'an acknowledged report is there, whole');
        assert.equal(view.attachments.length, 1);
      }
      const whole = await database.query<{
        reports: number;
        registered: number;
        keyed: number;
        attached: number;
        audited: number;
      }>(
        `select (select count(*)::int from integrity_reports where organisation_id = $1) as reports,
                (select count(*)::int from integrity_register where organisation_id = $1) as registered,
                (select count(distinct k.report_id)::int from integrity_report_keys k
                   join integrity_reports r on r.id = k.report_id where r.organisation_id = $1) as keyed,
                (select count(distinct a.report_id)::int from integrity_attachments a
                   join integrity_reports r on r.id = a.report_id where r.organisation_id = $1) as attached,
                (select count(*)::int from audit_log
                   where action = 'integrity.report.create' and organisation_id = $1) as audited`,
        [orgId],
      );
      const w = whole[0]!;
      assert.ok(w.reports >= receipts.length, 'reports committed but not yet told may exist; fewer may not');
      assert.deepEqual(
        { registered: w.registered, keyed: w.keyed, attached: w.attached, audited: w.audited },
        { registered: w.reports, keyed: w.reports, attached: w.reports, audited: w.reports },
        'every stored report is whole',
      );
    } finally {
      if (!pg) await database.close();
    }
  } finally {
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
