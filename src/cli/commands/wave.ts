import type { Command } from 'commander';

/** Opens the configured database (migrated), runs `fn`, closes it. */
async function withDatabase<T>(
  fn: (
    database: import('../../platform/db/database.js').Database,
    config: import('../../platform/config/config.js').Config,
  ) => Promise<T>,
): Promise<T> {
  const { loadConfig } = await import('../../platform/config/config.js');
  const { openConfiguredDatabase } = await import('../../platform/server.js');
  const { runMigrations } = await import('../../platform/db/migrate.js');
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await runMigrations(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

const out = (line: string) => process.stdout.write(`${line}\n`);

export function register(program: Command): void {
  const wave = program
    .command('wave')
    .description(
      'fieldwork: create a wave, import its sample frame, invite, remind, follow the response, close',
    );

  wave
    .command('create')
    .description('create a wave (draft); prints its id')
    .requiredOption('--code <code>', 'unique code, e.g. monitor-2026')
    .requiredOption('--name <name>', 'name, e.g. "Monitor 2026"')
    .option('--anonymity <level>', 'anonymous | confidential | named', 'anonymous')
    .option('--start <date>', 'fieldwork start (YYYY-MM-DD)')
    .option('--end <date>', 'fieldwork end (YYYY-MM-DD)')
    .option('--reminders <days>', 'days after the invitation, comma-separated', '7,14')
    .option(
      '--questionnaire <group=code>',
      'attach the newest published version of a questionnaire to a target group, e.g. office_holders=office_holders (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .action(
      async (opts: {
        code: string;
        name: string;
        anonymity: string;
        start?: string;
        end?: string;
        reminders: string;
        questionnaire?: string[];
      }) => {
        const { AppError } = await import('../../platform/errors.js');
        const days = opts.reminders
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number);
        if (days.some((d) => !Number.isInteger(d) || d < 1)) {
          throw new AppError('bad-request', {
            detail: `--reminders: expected whole days, e.g. 7,14 (got ${opts.reminders})`,
          });
        }
        const links = (opts.questionnaire ?? []).map((q) => {
          const m = /^(\w+)=([\w-]+)$/.exec(q);
          if (!m)
            throw new AppError('bad-request', { detail: `--questionnaire: expected group=code, got ${q}` });
          return { group: m[1]!, code: m[2]! };
        });
        await withDatabase(async (database) => {
          const { cliActor } = await import('../../platform/audit/audit.js');
          const { createWave, setWaveQuestionnaire } = await import(
            '../../monitor/fieldwork/waves-service.js'
          );
          const { latestPublishedVersionOf } = await import('../../monitor/fieldwork/questionnaire-link.js');
          const actor = cliActor('wave create');
          await database.db.transaction(async (tx) => {
            const w = await createWave(
              tx,
              {
                code: opts.code,
                name: opts.name,
                anonymity: opts.anonymity as 'anonymous',
                fieldworkStart: opts.start ?? null,
                fieldworkEnd: opts.end ?? null,
                reminderDays: days,
              },
              actor,
            );
            for (const l of links) {
              const version = await latestPublishedVersionOf(tx, l.code);
              if (!version) {
                throw new AppError('bad-request', {
                  detail: `--questionnaire: no published questionnaire with code ${l.code}`,
                });
              }
              await setWaveQuestionnaire(tx, w.id, l.group, version, actor);
            }
            out(`${w.id}\t${w.code}\t${w.status}`);
          });
        });
      },
    );

  wave
    .command('import-frame')
    .description(
      'import a sample frame (CSV or XLSX) into a wave; every problem is printed as file:line:column: message. ' +
        'By default nothing is imported when there is any problem (exit 2)',
    )
    .argument('<wave>', 'wave id or code')
    .argument('<file>', 'CSV (UTF-8) or .xlsx file')
    .option('--target-group <group>', 'office_holders | organisation_policy | employees', 'office_holders')
    .option('--valid-only', 'import the rows without problems (the others are printed)')
    .action(async (waveRef: string, file: string, opts: { targetGroup: string; validOnly?: boolean }) => {
      const { readFileSync } = await import('node:fs');
      const { AppError } = await import('../../platform/errors.js');
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch (err) {
        throw new AppError('bad-request', { detail: `cannot read ${file}: ${(err as Error).message}` });
      }
      await withDatabase(async (database) => {
        const { cliActor } = await import('../../platform/audit/audit.js');
        const { findWave } = await import('../../monitor/fieldwork/waves-service.js');
        const { importFrame } = await import('../../monitor/fieldwork/frame-service.js');
        const { progress } = await import('../progress.js');
        const w = await findWave(database.db, waveRef);
        let bar: ReturnType<typeof progress> | undefined;
        let report: Awaited<ReturnType<typeof importFrame>>;
        try {
          report = await importFrame(
            database.db,
            w.id,
            { fileName: file, data, targetGroup: opts.targetGroup, mode: opts.validOnly ? 'valid' : 'all' },
            cliActor('wave import-frame'),
            (done, total) => {
              bar ??= progress('importing', total);
              bar.update(done, total);
            },
          );
        } finally {
          bar?.stop();
        }
        for (const p of report.problems)
          process.stderr.write(`${file}:${p.line}:${p.position}: ${p.column}: ${p.message}\n`);
        if (report.problemCount > report.problems.length)
          process.stderr.write(
            `${file}: … and ${report.problemCount - report.problems.length} more problem(s) not listed\n`,
          );
        if (!report.written) {
          throw new AppError('validation', {
            detail: `${report.problemCount} problem(s) in ${report.rowsRejected} of ${report.rowsRead} rows; nothing imported${report.problemCount ? ' (fix the file, or use --valid-only)' : ''}`,
          });
        }
        out(`${report.rowsImported} imported, ${report.rowsRejected} rejected, ${report.rowsRead} rows read`);
      });
    });

  for (const [name, transition, help] of [
    ['open', 'open', 'open a draft wave (it needs a questionnaire and a frame)'],
    ['close', 'close', 'close an open wave: the respondents’ links stop working'],
    ['archive', 'archive', 'archive a closed wave'],
  ] as const) {
    wave
      .command(name)
      .description(help)
      .argument('<wave>', 'wave id or code')
      .action(async (waveRef: string) => {
        await withDatabase(async (database) => {
          const { cliActor } = await import('../../platform/audit/audit.js');
          const { findWave, transitionWave } = await import('../../monitor/fieldwork/waves-service.js');
          const w = await findWave(database.db, waveRef);
          const after = await transitionWave(database.db, w.id, transition, cliActor(`wave ${name}`));
          out(`${after.code}: ${w.status} → ${after.status}`);
        });
      });
  }

  wave
    .command('invite')
    .description(
      'invite everyone in the frame not invited yet (the wave must be open); mails go out through the mail queue',
    )
    .argument('<wave>', 'wave id or code')
    .action(async (waveRef: string) => {
      await withDatabase(async (database, config) => {
        const { cliActor } = await import('../../platform/audit/audit.js');
        const { findWave, assertState } = await import('../../monitor/fieldwork/waves-service.js');
        const { inviteAll, countPendingInvitations } = await import('../../monitor/fieldwork/invitations.js');
        const { progress } = await import('../progress.js');
        const w = await findWave(database.db, waveRef);
        assertState(w, 'sending invitations', ['open']);
        const bar = progress('inviting', await countPendingInvitations(database.db, w.id));
        try {
          const r = await inviteAll(database.db, config, w.id, cliActor('wave invite'), (done, total) =>
            bar.update(done, total),
          );
          bar.stop();
          out(`${r.queued} invitations queued`);
        } catch (err) {
          bar.stop();
          throw err;
        }
      });
    });

  wave
    .command('remind')
    .description('send reminders to everyone invited who has not completed and did not opt out')
    .argument('<wave>', 'wave id or code')
    .option('--due', 'only the reminders the schedule makes due now (what the hourly job does)')
    .action(async (waveRef: string, opts: { due?: boolean }) => {
      await withDatabase(async (database, config) => {
        const { cliActor } = await import('../../platform/audit/audit.js');
        const { findWave } = await import('../../monitor/fieldwork/waves-service.js');
        const { sendReminders } = await import('../../monitor/fieldwork/invitations.js');
        const w = await findWave(database.db, waveRef);
        const r = await sendReminders(database.db, config, w.id, cliActor('wave remind'), {
          mode: opts.due ? 'due' : 'now',
        });
        out(
          `${r.queued} reminders queued${r.deferred ? `; ${r.deferred} deferred (their stratum cell has 1-9 completions not recorded yet; see docs/anonymity.md)` : ''}`,
        );
      });
    });

  wave
    .command('status')
    .description('the wave, its frame and its response (tab-separated per layer and role), or --json')
    .argument('[wave]', 'wave id or code (omit: list all waves)')
    .option('--json', 'the response rates as JSON (as /api/v1/waves/:id/response-rates)')
    .action(async (waveRef: string | undefined, opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        const { findWave, listWaves } = await import('../../monitor/fieldwork/waves-service.js');
        const { responseRates } = await import('../../monitor/fieldwork/monitoring.js');
        if (!waveRef) {
          for (const w of await listWaves(database.db)) {
            out([w.code, w.status, w.name, w.framePersons, w.invited, w.completed].join('\t'));
          }
          return;
        }
        const w = await findWave(database.db, waveRef);
        const rates = await responseRates(database.db, w.id);
        if (opts.json) {
          out(JSON.stringify(rates, null, 2));
          return;
        }
        const pct = (r: number | null) => (r === null ? '-' : `${(r * 100).toFixed(1)}%`);
        out(
          `${w.code}\t${w.status}\t${w.name}\t${w.anonymity}\t${w.fieldworkStart ?? ''}..${w.fieldworkEnd ?? ''}`,
        );
        out(
          ['stratum', 'frame', 'invited', 'started', 'completed', 'rate', 'reminders', 'opted_out'].join(
            '\t',
          ),
        );
        for (const r of [...rates.breakdowns.total, ...rates.breakdowns.layer_role]) {
          out(
            [
              r.label || 'total',
              r.frame,
              r.invited,
              r.started,
              r.completed,
              pct(r.responseRate),
              r.remindersSent,
              r.optedOut,
            ].join('\t'),
          );
        }
      });
    });
}
