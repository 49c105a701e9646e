import type { FastifyPluginAsync } from 'fastify';

/** Every domain's routes, as Fastify plugins. Add one line per routes file. */
export const routeModules: Array<() => Promise<{ default: FastifyPluginAsync }>> = [
  () => import('./health-routes.js'),
  () => import('../ui/asset-routes.js'),
  () => import('../audit/routes.js'),
  () => import('../auth/login-routes.js'),
  () => import('../../monitor/answering/routes.js'),
  () => import('../../monitor/questionnaires/routes.js'),
  () => import('../../monitor/questionnaires/pages.js'),
  () => import('../../monitor/answering/recode-routes.js'),
  () => import('../auth/account-routes.js'),
  () => import('../auth/two-factor-routes.js'),
  () => import('../auth/oidc/routes.js'),
  () => import('../auth/users-routes.js'),
  () => import('../auth/users-api.js'),
  () => import('../auth/user-tokens-routes.js'),
  () => import('../orgs/routes.js'),
  () => import('../orgs/pages.js'),
  () => import('../jobs/routes.js'),
  () => import('../mail/routes.js'),
  () => import('../../monitor/fieldwork/routes.js'),
];
