import { AppError } from '../platform/errors.js';

/** Prints an error for a person at a terminal and returns the exit code. */
export function reportCliError(err: unknown): number {
  if (err instanceof AppError) {
    process.stderr.write(`weerbaar: ${err.cliMessage()}\n`);
    return err.exitCode;
  }
  if (err && typeof err === 'object' && 'exitCode' in err && typeof (err as any).exitCode === 'number') {
    // commander's own errors (unknown option, missing argument) have already been printed
    return (err as any).exitCode === 0 ? 0 : 2;
  }
  process.stderr.write(
    `weerbaar: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 1;
}
