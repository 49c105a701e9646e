/**
 * Demo users: one for every role, all with the same documented password. Demo installs only:
 * `npm start` prints these logins. Organisations are looked up by code (loaded by the organisations
 * step before this one); a missing organisation leaves that user without the role, not the demo broken.
 */
import type { OrganisationRole, PlatformRole } from '../access/policy.js';
import type { DemoLogin, DemoStep } from '../demo/demo.js';
import { organisationByCode } from './organisations.js';
import { createUser, getUserByEmail } from './users-service.js';

export const DEMO_PASSWORD = 'Weerbaar-demo-2026';

interface DemoUser {
  email: string;
  displayName: string;
  role: string;
  platformRoles?: PlatformRole[];
  memberships?: Array<{ code: string; role: OrganisationRole }>;
}

const demoUsers: DemoUser[] = [
  { email: 'admin@weerbaar.demo', displayName: 'Ada Beheer', role: 'admin', platformRoles: ['admin'] },
  {
    email: 'onderzoeker@weerbaar.demo',
    displayName: 'Olaf Onderzoek',
    role: 'researcher',
    platformRoles: ['researcher'],
  },
  {
    email: 'bzk@weerbaar.demo',
    displayName: 'Bea van BZK',
    role: 'viewer (BZK)',
    platformRoles: ['viewer'],
    memberships: [{ code: 'BZK', role: 'reporter' }],
  },
  {
    email: 'coordinator.utrecht@weerbaar.demo',
    displayName: 'Carla Coördinator',
    role: 'coordinator Utrecht',
    memberships: [{ code: 'GM0344', role: 'coordinator' }],
  },
  {
    email: 'casehandler.utrecht@weerbaar.demo',
    displayName: 'Bart Behandelaar',
    role: 'case handler Utrecht',
    memberships: [{ code: 'GM0344', role: 'case_handler' }],
  },
  {
    email: 'integriteit.utrecht@weerbaar.demo',
    displayName: 'Ineke Integriteit',
    role: 'integrity Utrecht',
    memberships: [{ code: 'GM0344', role: 'integrity_officer' }],
  },
  {
    email: 'burgemeester.utrecht@weerbaar.demo',
    displayName: 'Bea Burgemeester',
    role: 'integrity chair Utrecht',
    memberships: [{ code: 'GM0344', role: 'integrity_chair' }],
  },
  {
    email: 'melder.utrecht@weerbaar.demo',
    displayName: 'Mo Melder',
    role: 'reporter Utrecht',
    memberships: [{ code: 'GM0344', role: 'reporter' }],
  },
  {
    email: 'coordinator.zeeland@weerbaar.demo',
    displayName: 'Zeger Zeeland',
    role: 'coordinator Zeeland',
    memberships: [{ code: 'PV29', role: 'coordinator' }],
  },
];

const logins: DemoLogin[] = demoUsers.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: u.role }));

const step: DemoStep & { logins: DemoLogin[] } = {
  name: 'users',
  logins,
  async run(tx, actor) {
    for (const u of demoUsers) {
      if (await getUserByEmail(tx, u.email)) continue;
      const memberships: Array<{ organisationId: string; role: OrganisationRole }> = [];
      for (const m of u.memberships ?? []) {
        const org = await organisationByCode(tx, m.code);
        if (org) memberships.push({ organisationId: org.id, role: m.role });
      }
      await createUser(tx, actor, {
        email: u.email,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        platformRoles: u.platformRoles ?? [],
        memberships,
      });
    }
    return logins;
  },
};
export default step;
