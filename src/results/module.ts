/**
 * Monitor results as a module descriptor (see src/platform/modules.ts): weighting, indicators,
 * estimates and trends of closed waves, their pages and API, and the demo waves 2022 and 2024.
 * Listed in src/composition.ts.
 */
import type { DomainModule } from '../platform/modules.js';
import { resultsEn, resultsNl } from './messages.js';

export const resultsModule: DomainModule = {
  name: 'results',
  routes: [() => import('./pages/routes.js'), () => import('./api/routes.js')],
  demoSteps: [() => import('./demo/demo-step.js')],
  messages: [{ nl: resultsNl, en: resultsEn }],
  navigation: [
    {
      labelKey: 'results.nav',
      href: '/results',
      access: 'results.read',
      pillar: 'monitor',
      hintKey: 'results.nav.hint',
    },
  ],
  commands: [() => import('../cli/commands/results.js'), () => import('../cli/commands/export.js')],
};
