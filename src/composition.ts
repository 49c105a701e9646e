/**
 * The composition root: the domains that make up Weerbaar, in order (platform first). The server, the
 * job runtime, the demo loader, the message catalogue, the CLI and the tests take this list; nothing in
 * src/platform imports a domain. Adding a domain is one line here (see CONTRIBUTING.md, "Adding things").
 */
import { meldpuntModule } from './meldpunt/module.js';
import { monitorModule } from './monitor/module.js';
import { registerMessages } from './platform/i18n/catalogue.js';
import { platformModule } from './platform/module.js';
import type { DomainModule } from './platform/modules.js';
import { resultsModule } from './results/module.js';

export const modules: readonly DomainModule[] = [
  platformModule,
  monitorModule,
  resultsModule,
  meldpuntModule,
];

// Every text is in the catalogue before anything renders (the app and the job runtime register again: no effect).
registerMessages(modules);
