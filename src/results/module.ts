/**
 * Monitor results as a module descriptor (see src/platform/modules.ts): weighting, indicators,
 * estimates and trends of closed waves, and the demo waves 2022 and 2024. Listed in src/composition.ts.
 * Pages and API come next (docs/results.md).
 */
import type { DomainModule } from '../platform/modules.js';

export const resultsModule: DomainModule = {
  name: 'results',
  demoSteps: [() => import('./demo/demo-step.js')],
  commands: [() => import('../cli/commands/results.js')],
};
