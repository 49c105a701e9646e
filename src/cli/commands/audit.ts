import type { Command } from 'commander';

export function register(program: Command): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('recompute the hash chain of the audit log; exit 4 if any entry was altered or removed')
    .action(async () => {
      const { loadConfig } = await import('../../platform/config/config.js');
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { verifyAuditChain } = await import('../../platform/audit/verify.js');
      const { AppError } = await import('../../platform/errors.js');
      const { progress } = await import('../progress.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const [{ n }] = (await database.query<{ n: number }>('select count(*)::int as n from audit_log')) as [
          { n: number },
        ];
        const bar = progress('verifying', n);
        const result = await verifyAuditChain(database.db, (done) => bar.update(done));
        bar.stop();
        if (!result.ok) {
          throw new AppError('audit-chain-broken', {
            detail: `audit log entry ${result.brokenAt!.seq}: ${result.brokenAt!.reason} (${result.checked} entries before it are intact)`,
          });
        }
        process.stdout.write(`audit log intact: ${result.checked} entries verified\n`);
      } finally {
        await database.close();
      }
    });
}
