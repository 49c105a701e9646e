import type { Command } from 'commander';

export function register(program: Command): void {
  const mail = program.command('mail').description('outgoing mail');

  mail
    .command('test')
    .description(
      'send a test message through the configured SMTP server (or, without SMTP_HOST, to the outbox) and ' +
        'report the outcome; runs the mail jobs in this process while it waits',
    )
    .argument('<address>', 'recipient')
    .option('--lang <lang>', 'nl | en', 'nl')
    .option('--wait <seconds>', 'give up waiting after this long', '60')
    .action(async (address: string, opts: { lang: string; wait: string }) => {
      const { randomUUID } = await import('node:crypto');
      const { loadConfig } = await import('../../platform/config/config.js');
      const { AppError } = await import('../../platform/errors.js');
      if (opts.lang !== 'nl' && opts.lang !== 'en')
        throw new AppError('bad-request', { detail: '--lang: nl or en' });
      const config = loadConfig();
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { runMigrations } = await import('../../platform/db/migrate.js');
      const { startJobs } = await import('../../platform/jobs/runtime.js');
      const { modules } = await import('../../composition.js');
      const { queueMail, getMailMessage } = await import('../../platform/mail/mail.js');
      const { testMailTemplate } = await import('../../platform/mail/templates.js');
      const database = await openConfiguredDatabase(config);
      let runtime: Awaited<ReturnType<typeof startJobs>> | undefined;
      try {
        await runMigrations(database);
        const { id } = await queueMail(database.db, {
          to: address,
          template: testMailTemplate,
          lang: opts.lang,
          params: { time: new Date().toISOString(), url: config.publicUrl },
          idempotencyKey: `test:${randomUUID()}`,
          purpose: 'test',
        });
        const quiet = { info() {}, warn() {}, error() {} };
        runtime = await startJobs(database, config, { queues: ['mail.send'], log: quiet, modules });
        const until = Date.now() + Number(opts.wait) * 1000;
        for (;;) {
          const m = (await getMailMessage(database, id))!;
          if (m.status === 'sent') {
            process.stdout.write(
              m.transport === 'outbox'
                ? `no SMTP_HOST configured: the message is in the outbox (${config.publicUrl}/admin/outbox/${id})\n`
                : `sent to ${m.toAddress} through ${config.SMTP_HOST}:${config.SMTP_PORT}\n` +
                    `  Message-ID: ${m.messageId}\n  server: ${m.smtpResponse}\n`,
            );
            return;
          }
          if (m.status === 'failed') {
            throw new AppError('internal', {
              detail: `mail to ${m.toAddress} failed permanently: ${m.lastError}`,
            });
          }
          if (m.lastError && m.status === 'queued') {
            throw new AppError('internal', {
              detail:
                `mail to ${m.toAddress} was not accepted yet: ${m.lastError}. ` +
                'It stays queued and is retried by the jobs (see `weerbaar jobs list`).',
            });
          }
          if (Date.now() > until) {
            throw new AppError('internal', {
              detail: `no outcome after ${opts.wait} s; the message stays queued`,
            });
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      } finally {
        await runtime?.stop();
        await database.close();
      }
    });
}
