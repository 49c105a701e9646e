/**
 * The platform's own pieces as a module descriptor (see ./modules.ts): health, assets, sign-in and
 * accounts, users, organisations, the audit log, jobs and mail. The composition root (src/composition.ts)
 * lists it first.
 */
import { platformMessages } from './i18n/catalogue.js';
import type { DomainModule } from './modules.js';

export const platformModule: DomainModule = {
  name: 'platform',
  routes: [
    () => import('./http/health-routes.js'),
    () => import('./ui/asset-routes.js'),
    () => import('./audit/routes.js'),
    () => import('./auth/login-routes.js'),
    () => import('./auth/account-routes.js'),
    () => import('./auth/two-factor-routes.js'),
    () => import('./auth/oidc/routes.js'),
    () => import('./auth/users-routes.js'),
    () => import('./auth/users-api.js'),
    () => import('./auth/user-tokens-routes.js'),
    () => import('./orgs/routes.js'),
    () => import('./orgs/pages.js'),
    () => import('./jobs/routes.js'),
    () => import('./mail/routes.js'),
  ],
  jobs: [() => import('./mail/jobs.js')],
  // Organisations and users first: every domain's steps refer to them.
  demoSteps: [
    () => import('./orgs/demo-step.js'),
    () => import('./auth/demo-step.js'),
    () => import('./mail/demo-step.js'),
  ],
  messages: platformMessages,
  navigation: [
    {
      labelKey: 'nav.organisations',
      href: '/organisations',
      access: 'organisation.list',
      pillar: 'beheer',
      hintKey: 'home.link.organisations',
    },
    {
      labelKey: 'nav.users',
      href: '/users',
      access: 'user.list',
      pillar: 'beheer',
      hintKey: 'home.link.users',
    },
    {
      labelKey: 'nav.audit',
      href: '/audit',
      access: 'audit.read',
      pillar: 'beheer',
      hintKey: 'home.link.audit',
    },
    { labelKey: 'nav.security', href: '/admin/security', access: 'security.read', pillar: 'beheer' },
    { labelKey: 'nav.jobs', href: '/admin/jobs', access: 'jobs.read', pillar: 'beheer' },
    { labelKey: 'nav.outbox', href: '/admin/outbox', access: 'mail.read', pillar: 'beheer' },
    {
      labelKey: 'nav.account',
      href: '/account',
      access: 'account.read',
      pillar: 'account',
      hintKey: 'home.link.account',
    },
    {
      labelKey: 'nav.tokens',
      href: '/account/tokens',
      access: 'token.manage',
      pillar: 'account',
      hintKey: 'home.link.tokens',
    },
  ],
};
