/**
 * The Meldpunt as a module descriptor (see src/platform/modules.ts): incident registration and
 * follow-up (src/meldpunt/incidents) and the confidential channel for suspected integrity violations
 * (src/meldpunt/integrity). The two share no identity or data. Listed in src/composition.ts.
 */
import type { DomainModule } from '../platform/modules.js';
import { incidentContactsEn, incidentContactsNl } from './incidents/contacts-messages.js';
import { incidentEvidenceEn, incidentEvidenceNl } from './incidents/evidence-messages.js';
import { incidentInsightEn, incidentInsightNl } from './incidents/insight-messages.js';
import { incidentLinksEn, incidentLinksNl } from './incidents/links-messages.js';
import { incidentsEn, incidentsNl } from './incidents/messages.js';
import { integrityEn, integrityNl } from './integrity/messages.js';

export const meldpuntModule: DomainModule = {
  name: 'meldpunt',
  routes: [
    () => import('./incidents/pages.js'),
    () => import('./incidents/api.js'),
    () => import('./incidents/api-contacts.js'),
    () => import('./incidents/api-settings.js'),
    () => import('./incidents/api-contact-import.js'),
    () => import('./incidents/document-pages.js'),
    () => import('./incidents/contact-pages.js'),
    () => import('./incidents/evidence-pages.js'),
    () => import('./incidents/insight-pages.js'),
    () => import('./incidents/settings-pages.js'),
    () => import('./integrity/public-routes.js'),
    () => import('./integrity/handler-routes.js'),
    () => import('./integrity/key-routes.js'),
    () => import('./integrity/oral-routes.js'),
    () => import('./integrity/retention-routes.js'),
    () => import('./integrity/statistics-routes.js'),
    () => import('./integrity/investigator-routes.js'),
    () => import('./integrity/document-routes.js'),
  ],
  jobs: [() => import('./incidents/jobs.js'), () => import('./integrity/jobs.js')],
  commands: [() => import('../cli/commands/incidents.js')],
  demoSteps: [() => import('./incidents/demo-step.js'), () => import('./integrity/demo-step.js')],
  messages: [
    { nl: incidentsNl, en: incidentsEn },
    { nl: incidentContactsNl, en: incidentContactsEn },
    { nl: incidentEvidenceNl, en: incidentEvidenceEn },
    { nl: incidentLinksNl, en: incidentLinksEn },
    { nl: incidentInsightNl, en: incidentInsightEn },
    { nl: integrityNl, en: integrityEn },
  ],
  navigation: [
    { labelKey: 'incidents.nav', href: '/meldpunt', access: 'incident.read', pillar: 'meldpunt' },
    {
      labelKey: 'incidents.benchmark.nav',
      href: '/meldpunt/benchmark',
      access: 'incident.national',
      pillar: 'meldpunt',
    },
    { labelKey: 'integrity.nav', href: '/integrity', access: 'integrity.read', pillar: 'meldpunt' },
    {
      labelKey: 'integrity.investigations.nav',
      href: '/integrity/investigations',
      access: 'integrity.investigate',
      pillar: 'meldpunt',
    },
    {
      labelKey: 'integrity.stats.nav',
      href: '/integrity-statistics',
      access: 'integrity.statistics',
      pillar: 'meldpunt',
    },
  ],
  home: [
    {
      id: 'meldpunt.incidents',
      access: 'incident.read',
      roles: ['coordinator', 'case_handler', 'reporter'],
      load: async (ctx) => (await import('./incidents/home-panel.js')).incidentsPanel(ctx),
    },
    {
      id: 'meldpunt.integrity',
      access: 'integrity.read',
      roles: ['integrity_officer', 'integrity_chair'],
      load: async (ctx) => (await import('./integrity/home-panel.js')).integrityPanel(ctx),
    },
  ],
};
