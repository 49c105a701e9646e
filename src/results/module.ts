/**
 * Monitor results as a module descriptor (see src/platform/modules.ts): weighting, indicators,
 * estimates and trends of closed waves, their pages and API, and the demo waves 2022 and 2024.
 * Listed in src/composition.ts.
 */
import type { DomainModule } from '../platform/modules.js';
import { resultsLabelsEn, resultsLabelsNl } from './labels.js';
import { resultsEn, resultsNl } from './messages.js';
import { resultsPagesEn, resultsPagesNl } from './pages/messages.js';
import { pubFactsheetEn, pubFactsheetNl } from './publications/factsheets/messages.js';
import { lettersEn, lettersNl } from './publications/letters/messages.js';
import { publicationsEn, publicationsNl } from './publications/messages.js';
import { pubReportEn, pubReportNl } from './publications/report/messages.js';
import { pubMethodEn, pubMethodNl } from './publications/report/method-messages.js';
import { textsEn, textsNl } from './texts/messages.js';

export const resultsModule: DomainModule = {
  name: 'results',
  routes: [
    () => import('./pages/routes.js'),
    () => import('./pages/table-routes.js'),
    () => import('./pages/indicator-routes.js'),
    () => import('./api/routes.js'),
    () => import('./disclosure/routes.js'),
    () => import('./pages/reproduce-routes.js'),
    () => import('./publications/routes.js'),
    () => import('./publications/letters/routes.js'),
    () => import('./texts/routes.js'),
  ],
  jobs: [
    () => import('./runs/jobs.js'),
    () => import('./publications/jobs.js'),
    () => import('./publications/letters/jobs.js'),
  ],
  demoSteps: [() => import('./demo/demo-step.js')],
  messages: [
    { nl: resultsNl, en: resultsEn },
    { nl: resultsLabelsNl, en: resultsLabelsEn },
    { nl: resultsPagesNl, en: resultsPagesEn },
    { nl: publicationsNl, en: publicationsEn },
    { nl: lettersNl, en: lettersEn },
    { nl: textsNl, en: textsEn },
    { nl: pubReportNl, en: pubReportEn },
    { nl: pubMethodNl, en: pubMethodEn },
    { nl: pubFactsheetNl, en: pubFactsheetEn },
  ],
  navigation: [
    {
      labelKey: 'results.nav',
      href: '/results',
      access: 'results.read',
      pillar: 'monitor',
      hintKey: 'results.nav.hint',
    },
  ],
  commands: [
    () => import('../cli/commands/results.js'),
    () => import('../cli/commands/indicators.js'),
    () => import('../cli/commands/export.js'),
    () => import('../cli/commands/report.js'),
  ],
};
