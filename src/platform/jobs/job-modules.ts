/**
 * Every module that defines jobs (with `defineJob`). The job runtime imports them all before it
 * starts, so each queue has its workers. Add one line per module.
 */
export const jobModules: Array<() => Promise<unknown>> = [
  () => import('../mail/jobs.js'),
  () => import('../../monitor/fieldwork/jobs.js'),
  () => import('../../meldpunt/incidents/jobs.js'),
];
