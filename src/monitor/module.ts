/**
 * The Monitor Integriteit en Veiligheid as a module descriptor (see src/platform/modules.ts):
 * questionnaires, waves and their fieldwork, answering, recoding. Listed in src/composition.ts.
 */
import type { DomainModule } from '../platform/modules.js';
import { answeringEn, answeringNl } from './answering/messages.js';
import { frameLabelsEn, frameLabelsNl } from './fieldwork/labels.js';
import { fieldworkEn, fieldworkNl } from './fieldwork/messages.js';
import { responseDaysEn, responseDaysNl } from './fieldwork/response-days-messages.js';
import { monitorHomeEn, monitorHomeNl } from './home/messages.js';
import { monitorEn, monitorNl } from './messages.js';

export const monitorModule: DomainModule = {
  name: 'monitor',
  routes: [
    () => import('./answering/routes.js'),
    () => import('./questionnaires/routes.js'),
    () => import('./questionnaires/pages.js'),
    () => import('./answering/recode-routes.js'),
    () => import('./fieldwork/routes.js'),
  ],
  jobs: [() => import('./fieldwork/jobs.js')],
  demoSteps: [() => import('./questionnaires/demo-step.js'), () => import('./fieldwork/demo-step.js')],
  messages: [
    { nl: answeringNl, en: answeringEn },
    { nl: monitorNl, en: monitorEn },
    { nl: fieldworkNl, en: fieldworkEn },
    { nl: monitorHomeNl, en: monitorHomeEn },
    { nl: frameLabelsNl, en: frameLabelsEn },
    { nl: responseDaysNl, en: responseDaysEn },
  ],
  navigation: [
    { labelKey: 'q.nav', href: '/questionnaires', access: 'questionnaire.read', pillar: 'monitor' },
    { labelKey: 'nav.waves', href: '/waves', access: 'wave.monitor', pillar: 'monitor' },
  ],
  home: [
    {
      id: 'monitor.openWaves',
      access: 'wave.read',
      roles: ['researcher'],
      load: async (ctx) => (await import('./home/panels.js')).openWavesPanel(ctx),
    },
    {
      id: 'monitor.results',
      access: 'wave.monitor',
      roles: ['viewer'],
      load: async (ctx) => (await import('./home/panels.js')).resultsPanel(ctx),
    },
  ],
  commands: [() => import('../cli/commands/wave.js')],
};
