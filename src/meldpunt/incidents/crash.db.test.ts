/**
 * Faults (issue 16, "a report is never lost"): kill -9 of a real process while it submits incidents,
 * some directly and some as a draft first. Every incident the process acknowledged (printed only after
 * `submitReport` returned, i.e. after commit) is there afterwards, whole: state "gemeld", its text, the
 * perpetrator's name, its history, its tasks and its audit record. And no stored incident is half
 * stored: each submitted one has all of that, each draft has its audit record and neither history nor
 * tasks. The test waits only on the child's own signals (`ready`, `ack`), never on a time. Embedded
 * database (a PGlite data directory) always, PostgreSQL in the PostgreSQL pass.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedDataDir } from '../../../test/support/cli.js';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { type Database, openDatabase } from '../../platform/db/database.js';
import { projectPath } from '../../platform/paths.js';
import { principalOf } from './fixtures.js';
import { viewIncident } from './service.js';

const child = projectPath('test', 'faults', 'incident-submit-child.ts');
const ACKS_BEFORE_KILL = 12;
/** `completeReport` has a threat: first contact, police report and three aftercare check-ins. */
const TASKS_PER_INCIDENT = 5;

test('kill -9 during submissions: every acknowledged incident is stored whole; none is half stored', {
  timeout: 600_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-incident-crash-'));
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
    const acks = new Map<string, string>();
    let orgId = '';
    const killed = new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (d) => {
        out += d;
        for (const line of out.split('\n').slice(0, -1)) {
          const [kind, a, b] = line.split(' ');
          if (kind === 'ready') orgId = a!;
          if (kind === 'ack') acks.set(a!, b!);
        }
        if (acks.size >= ACKS_BEFORE_KILL && proc.exitCode === null) proc.kill('SIGKILL');
      });
      proc.stderr!.on('data', (d) => {
        err += d;
      });
      proc.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err.slice(-2000)}`)),
      );
    });
    await killed;
    assert.ok(orgId, 'the child set up its organisation');
    assert.ok(acks.size >= ACKS_BEFORE_KILL);

    const database = pg ?? (await openDatabase({ dataDir: env.CHILD_DATA_DIR! }));
    try {
      const u = await createUser(database, { memberships: [{ organisationId: orgId, role: 'coordinator' }] });
      const coordinator = principalOf(u, { [orgId]: ['coordinator'] });
      for (const [id, marker] of acks) {
        const view = await viewIncident(database.db, coordinator, id);
        assert.equal(view.incident.state, 'gemeld', 'an acknowledged incident is submitted');
        assert.equal(view.incident.description, marker, 'an acknowledged incident is there, whole');
        assert.equal(view.perpetratorName, `Dader ${marker}`);
        assert.deepEqual(
          view.history.map((h) => [h.fromState, h.toState]),
          [[Number(marker.split('-').pop()) % 2 === 1 ? 'draft' : null, 'gemeld']],
          'its history: sent directly, or from a draft (every other one)',
        );
        assert.equal(view.tasks.length, TASKS_PER_INCIDENT);
      }
      const rows = await database.query<{
        id: string;
        state: string;
        changes: number;
        tasks: number;
        named: number;
        submits: number;
        drafts: number;
      }>(
        `select i.id, i.state,
                (select count(*)::int from incident_state_changes c
                   where c.incident_id = i.id and c.to_state = 'gemeld') as changes,
                (select count(*)::int from incident_tasks t where t.incident_id = i.id) as tasks,
                (select count(*)::int from incident_perpetrator_names n where n.incident_id = i.id) as named,
                (select count(*)::int from audit_log a
                   where a.resource_id = i.id::text and a.action = 'incident.submit') as submits,
                (select count(*)::int from audit_log a
                   where a.resource_id = i.id::text and a.action = 'incident.draft') as drafts
           from incidents i where i.organisation_id = $1`,
        [orgId],
      );
      const submitted = rows.filter((r) => r.state === 'gemeld');
      assert.ok(
        submitted.length >= acks.size,
        'incidents committed but not yet told may exist; fewer may not',
      );
      for (const r of rows) {
        if (r.state === 'gemeld') {
          assert.deepEqual(
            { changes: r.changes, tasks: r.tasks, named: r.named, submits: r.submits },
            { changes: 1, tasks: TASKS_PER_INCIDENT, named: 1, submits: 1 },
            `submitted incident ${r.id} is whole`,
          );
        } else {
          assert.equal(r.state, 'draft', 'nothing else than drafts and submitted incidents');
          assert.deepEqual(
            { changes: r.changes, tasks: r.tasks, named: r.named, drafts: r.drafts },
            { changes: 0, tasks: 0, named: 1, drafts: 1 },
            `draft ${r.id} is whole and not half submitted`,
          );
        }
      }
    } finally {
      if (!pg) await database.close();
    }
  } finally {
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
