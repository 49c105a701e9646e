/**
 * The composed module descriptors (src/composition.ts), for tests that start a job runtime, load demo
 * data or build an app themselves. Tests under src/platform take them from here: src/platform imports
 * no domain, not even through the composition root (src/platform/boundaries.test.ts).
 */
export { modules } from '../../src/composition.js';
