import type { CommandModule } from '../../platform/modules.js';
import { commandsOf } from '../../platform/modules.js';

export type { CommandModule };

/**
 * The command line's own commands (the platform's and the statistics engine's). A domain's commands
 * are in its module descriptor (`commands`); `commandModules` adds them after these. Modules are tiny;
 * the work they do is imported inside their actions.
 */
export const coreCommandModules: Array<() => Promise<CommandModule>> = [
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
];

/** Every command of the composed modules (src/composition.ts), core commands first. */
export async function commandModules(): Promise<Array<() => Promise<CommandModule>>> {
  const { modules } = await import('../../composition.js');
  return [...coreCommandModules, ...commandsOf(modules)];
}
