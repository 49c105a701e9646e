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

// An unknown command is a usage error (exit 2), also with --help: commander would print the main help and
// exit 0, so a script with a typo (`weerbaar wave inivte --help`) would look like it worked.
const unknown = unknownCommand(program, process.argv.slice(2));
if (unknown !== undefined) {
  const names = program.commands.map((c) => c.name());
  const close = names.filter((n) => n.startsWith(unknown.slice(0, 2)) || unknown.startsWith(n.slice(0, 2)));
  process.stderr.write(
    `error: unknown command '${unknown}'\n` +
      (close.length ? `Did you mean: ${close.join(', ')}?\n` : '') +
      `Commands: ${names.join(', ')}. See 'weerbaar --help'.\n`,
  );
  process.exit(2);
}

/** The first argument that names no command (skipping options), at every level of subcommands. */
function unknownCommand(cmd: Command, args: string[]): string | undefined {
  const first = args.find((a) => !a.startsWith('-'));
  if (first === undefined || cmd.commands.length === 0) return undefined;
  if (first === 'help' && cmd === program) return undefined;
  const sub = cmd.commands.find((c) => c.name() === first || c.aliases().includes(first));
  if (!sub) return cmd === program || !cmdTakesArguments(cmd) ? first : undefined;
  return unknownCommand(sub, args.slice(args.indexOf(first) + 1));
}

function cmdTakesArguments(cmd: Command): boolean {
  return (cmd as unknown as { registeredArguments: unknown[] }).registeredArguments.length > 0;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const { reportCliError } = await import('./errors.js');
  process.exitCode = reportCliError(err);
}
