/**
 * The `weerbaar` command line. Each command lives in its own file under ./commands and is loaded
 * lazily, so `weerbaar analyse` never pays for the web server's or the database's start-up.
 *
 * Exit codes (see docs/cli.md): 0 success, 1 runtime failure, 2 bad input (usage, file, spec),
 * 3 the data directory is locked by another process, 4 verification failed (e.g. audit chain broken).
 */
import { Command } from 'commander';
import { commandModules } from './commands/index.js';

const program = new Command()
  .name('weerbaar')
  .description('Weerbaar: Monitor Integriteit en Veiligheid, Meldpunt and integrity reporting')
  .version('0.1.0')
  .showHelpAfterError();

for (const load of await commandModules()) {
  const mod = await load();
  mod.register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const { reportCliError } = await import('./errors.js');
  process.exitCode = reportCliError(err);
}
