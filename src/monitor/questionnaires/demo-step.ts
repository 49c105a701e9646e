import type { DemoStep } from '../../platform/demo/demo.js';
import { loadTemplates } from './templates/index.js';

/** The three built-in questionnaires, published as version 1 (the demo wave uses them). */
const step: DemoStep = {
  name: 'questionnaires',
  async run(tx, actor) {
    await loadTemplates(tx, actor);
    return [];
  },
};
export default step;
