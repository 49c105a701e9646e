import type { Command } from 'commander';

export interface CommandModule {
  /** Adds the command (and its subcommands) to the program. Keep imports of heavy modules inside the action. */
  register(program: Command): void;
}

/** Every CLI command module. Modules are tiny; the work they do is imported inside their actions. */
export const commandModules: Array<() => Promise<CommandModule>> = [
  () => import('./serve.js'),
  () => import('./migrate.js'),
  () => import('./demo.js'),
  () => import('./audit.js'),
  () => import('./orgs.js'),
  () => import('./analyse.js'),
  () => import('./users.js'),
  () => import('./worker.js'),
  () => import('./jobs.js'),
  () => import('./mail.js'),
  () => import('./wave.js'),
  () => import('./results.js'),
];
