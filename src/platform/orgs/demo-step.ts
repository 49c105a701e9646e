import type { DemoStep } from '../demo/demo.js';
import { loadRegistry } from './registry.js';

/** The whole registry from data/organisations: one batch import, one audit entry. */
const step: DemoStep = {
  name: 'organisations',
  async run(tx, actor) {
    await loadRegistry(tx, actor);
    return [];
  },
};
export default step;
