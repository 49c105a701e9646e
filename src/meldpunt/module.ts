/**
 * The Meldpunt as a module descriptor (see src/platform/modules.ts): the confidential channel for
 * suspected integrity violations (src/meldpunt/integrity). Incident registration joins it as
 * src/meldpunt/incidents; the two share no identity or data. Listed in src/composition.ts.
 */
import type { DomainModule } from '../platform/modules.js';
import { integrityEn, integrityNl } from './integrity/messages.js';

export const meldpuntModule: DomainModule = {
  name: 'meldpunt',
  routes: [
    () => import('./integrity/public-routes.js'),
    () => import('./integrity/handler-routes.js'),
    () => import('./integrity/key-routes.js'),
  ],
  demoSteps: [() => import('./integrity/demo-step.js')],
  messages: [{ nl: integrityNl, en: integrityEn }],
  navigation: [
    { labelKey: 'integrity.nav', href: '/integrity', access: 'integrity.read', pillar: 'meldpunt' },
  ],
};
