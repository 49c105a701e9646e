/**
 * Benchmark (b) of `npm run bench:fieldwork`: a sample frame of 100,000 persons imported into a wave
 * and invited, with the mail delivered to a local SMTP catcher by the job runtime.
 *
 * Reported: the import time (goal < 20 s), the time to create the invitations and queue their mails,
 * and the delivery rate to the SMTP catcher against the configured throttle (MAIL_PER_MINUTE) over a
 * measuring window (the whole 100,000 at a realistic throttle would take hours by design).
 *
 * Environment: BENCH_PERSONS (default 100000), BENCH_MAIL_PER_MINUTE (default 6000),
 * BENCH_SEND_SECONDS (default 60), BENCH_INVITE_SECONDS (default 0 = invite everyone; otherwise stop
 * inviting after this long and extrapolate). Runs on embedded PGlite (temp dir) and, with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (a role that may create databases), also on PostgreSQL in a fresh
 * database (../postgres.ts).
 * Writes the section `fieldwork-import` of docs/benchmarks.md (BENCH_NO_WRITE=1 to only print).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { modules } from '../../src/composition.js';
import { importFrame } from '../../src/monitor/fieldwork/frame-service.js';
import { countPendingInvitations, inviteBatch } from '../../src/monitor/fieldwork/invitations.js';
import { latestPublishedVersionOf } from '../../src/monitor/fieldwork/questionnaire-link.js';
import {
  createWave,
  setWaveQuestionnaire,
  transitionWave,
} from '../../src/monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../src/monitor/questionnaires/templates/index.js';
import { cliActor } from '../../src/platform/audit/audit.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { startJobs } from '../../src/platform/jobs/runtime.js';
import { loadRegistry } from '../../src/platform/orgs/registry.js';
import { listOrganisations } from '../../src/platform/orgs/service.js';
import { projectPath } from '../../src/platform/paths.js';
import { startTestSmtp } from '../../test/support/smtp.js';
import { machineDetails, replaceSection } from '../machine.js';
import { benchPostgresUrl, withFreshPostgres } from '../postgres.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const PER_MINUTE = Number(process.env.BENCH_MAIL_PER_MINUTE ?? 6000);
const SEND_SECONDS = Number(process.env.BENCH_SEND_SECONDS ?? 60);
const INVITE_SECONDS = Number(process.env.BENCH_INVITE_SECONDS ?? 0);
const actor = cliActor('bench fieldwork');
const log = (s: string) => process.stderr.write(`${s}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
/** CPU time of this process (PGlite runs in it too): on a loaded machine closer to the work than wall time. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function run(pgUrl: string | undefined): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-fieldwork-'));
  const database = await openDatabase(pgUrl ? { databaseUrl: pgUrl, poolSize: 4 } : { dataDir: dir });
  const smtp = await startTestSmtp();
  const config = loadConfig({
    WEERBAAR_DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_STARTTLS: 'off',
    MAIL_PER_MINUTE: String(PER_MINUTE),
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
    PUBLIC_URL: 'https://weerbaar.example',
  });

  try {
    await runMigrations(database);
    await database.db.transaction(async (tx) => {
      await loadRegistry(tx, actor);
      await loadTemplates(tx, actor);
    });

    // A frame of office holders spread over every gemeente, province and water board.
    const orgs = (await listOrganisations(database.db, { pageSize: 500 })).items.filter((o) =>
      ['gemeente', 'provincie', 'waterschap'].includes(o.layer),
    );
    const rolesByLayer: Record<string, string[]> = {
      gemeente: ['raadslid', 'raadslid', 'raadslid', 'raadslid', 'wethouder', 'burgemeester'],
      provincie: ['statenlid', 'statenlid', 'gedeputeerde'],
      waterschap: ['lid_ab', 'lid_ab', 'lid_db'],
    };
    const lines = ['naam,email,rol,organisatie,geslacht,leeftijdsgroep,fractie'];
    for (let i = 0; i < PERSONS; i++) {
      const org = orgs[i % orgs.length]!;
      const roles = rolesByLayer[org.layer]!;
      const role = roles[Math.floor(i / orgs.length) % roles.length]!;
      lines.push(
        `Persoon ${i},persoon.${i}@voorbeeld.nl,${role},${org.code},${i % 2 ? 'vrouw' : 'man'},van_35_tot_50,partij ${i % 9}`,
      );
    }
    const csv = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    log(`frame file: ${PERSONS} persons, ${(csv.length / 2 ** 20).toFixed(1)} MiB`);

    const wave = await createWave(
      database.db,
      { code: 'bench', name: 'Bench', fieldworkEnd: '2026-03-31' },
      actor,
    );
    const c0 = cpuMs();
    const t0 = performance.now();
    const report = await importFrame(
      database.db,
      wave.id,
      { fileName: 'bench.csv', data: csv, targetGroup: 'office_holders' },
      actor,
    );
    const importMs = performance.now() - t0;
    const importCpuMs = cpuMs() - c0;
    if (!report.written) throw new Error(`import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
    log(`import: ${report.rowsImported} rows in ${seconds(importMs)} s (CPU ${seconds(importCpuMs)} s)`);

    const version = await latestPublishedVersionOf(database.db, 'office_holders');
    await setWaveQuestionnaire(database.db, wave.id, 'office_holders', version!, actor);
    await transitionWave(database.db, wave.id, 'open', actor);

    const c1 = cpuMs();
    const t1 = performance.now();
    let queued = 0;
    const parallel = pgUrl ? 4 : 1;
    const worker = async () => {
      const cursor: { after?: string } = {};
      for (;;) {
        if (INVITE_SECONDS && performance.now() - t1 > INVITE_SECONDS * 1000) break;
        const n = await inviteBatch(database.db, config, wave.id, actor, 500, cursor);
        if (n === 0) break;
        queued += n;
        if (queued % 10_000 === 0) log(`  invited ${queued} (${seconds(performance.now() - t1)} s)`);
      }
    };
    queued += await inviteBatch(database.db, config, wave.id, actor, 500); // creates the mail queue alone
    await Promise.all(Array.from({ length: parallel }, worker));
    const inviteMs = performance.now() - t1;
    const inviteCpuMs = cpuMs() - c1;
    const pending = await countPendingInvitations(database.db, wave.id);
    const invited = { queued };
    const inviteRate = (queued / inviteMs) * 1000;
    const inviteAllMs = pending ? inviteMs + (pending / inviteRate) * 1000 : inviteMs;
    log(
      `invitations: ${queued} created and queued in ${seconds(inviteMs)} s (CPU ${seconds(inviteCpuMs)} s)${pending ? ` (${pending} left; all: ~${seconds(inviteAllMs)} s)` : ''}`,
    );

    // Delivery through the job runtime to the SMTP catcher, for a measuring window.
    const runtime = await startJobs(database, config, { modules, log: { info() {}, warn() {}, error() {} } });
    const t2 = performance.now();
    let firstAt: number | undefined;
    smtp.onAccepted = () => {
      firstAt ??= performance.now();
    };
    await new Promise((r) => setTimeout(r, SEND_SECONDS * 1000));
    const delivered = smtp.received.length;
    const windowMs = performance.now() - (firstAt ?? t2);
    await runtime.stop(5000);
    const perMinute = (delivered / windowMs) * 60_000;
    const duplicates = [...smtp.countByMessageId().values()].filter((n) => n > 1).length;
    log(
      `delivery: ${delivered} mails in ${seconds(windowMs)} s = ${perMinute.toFixed(0)}/min (throttle ${PER_MINUTE}/min)`,
    );

    const backend = pgUrl ? 'PostgreSQL' : 'PGlite (embedded)';
    return [
      `#### ${backend}`,
      '',
      '| step | result | goal |',
      '|---|---:|---|',
      `| frame import (CSV ${(csv.length / 2 ** 20).toFixed(1)} MiB, validated row by row, one transaction) | ${seconds(importMs)} s (CPU ${seconds(importCpuMs)} s) | < 20 s |`,
      `| invitations created (token hashes) and mails queued (mail_messages + mail.send jobs; ${pgUrl ? '4 batches in parallel' : 'one connection'}) | ${pending ? `${invited.queued} in ${seconds(inviteMs)} s; all ${PERSONS}: ~${seconds(inviteAllMs)} s (extrapolated)` : `${seconds(inviteMs)} s`} (${inviteRate.toFixed(0)}/s; CPU ${seconds(inviteCpuMs)} s) | faster than the throttle |`,
      `| delivery to SMTP over ${SEND_SECONDS} s, throttle MAIL_PER_MINUTE=${PER_MINUTE} | ${perMinute.toFixed(0)}/min (${delivered} mails, ${duplicates} duplicates) | limited by the throttle |`,
    ].join('\n');
  } finally {
    await smtp.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const parts = [await run(undefined)];
const pgUrl = benchPostgresUrl();
if (pgUrl) parts.push(await withFreshPostgres(pgUrl, (url) => run(url)));
const section = [
  `### Fieldwork (b): a ${PERSONS.toLocaleString('en')}-person frame imported and invited`,
  '',
  '`tsx bench/fieldwork/import.ts`; mail to a local SMTP catcher (smtp-server on loopback) by the job runtime.',
  '',
  ...parts.flatMap((p) => [p, '']),
  "Invitations are created in batches of 500 persons, each one transaction with a few statements: the invitation rows, then `queueMails` (all message rows in one insert, their `mail.send` jobs with one ledger insert and one pg-boss bulk insert). Delivery runs `mailConcurrency(config)` handlers per process (2 at the default MAIL_PER_MINUTE=60, up to 8 at high throttles) over pooled SMTP connections, each message claimed and recorded in its own transactions; where the rate stays under the throttle, that per-message work (and the machine's load) is the limit. CPU is the process's own (PGlite runs in it), a measure less disturbed by other work on the machine than the wall time.",
  '',
  machineDetails(),
  `- Load average during the run (1 min, at the end): ${loadavg()[0]!.toFixed(1)} — other work on the machine slows every number above`,
].join('\n');
process.stdout.write(`${section}\n`);
if (!process.env.BENCH_NO_WRITE) {
  const path = projectPath('docs/benchmarks.md');
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), 'fieldwork-import', section));
  log(`written to ${path}`);
}
