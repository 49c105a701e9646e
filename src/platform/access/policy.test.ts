import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { actions, can, type OrganisationRole, type PlatformRole, type Principal } from './policy.js';

const principal = (
  platformRoles: PlatformRole[],
  memberships: Record<string, OrganisationRole[]> = {},
  scopes: Array<'read' | 'write'> = ['read', 'write'],
): Principal => ({
  userId: 'u',
  email: 'u@example.org',
  displayName: 'U',
  platformRoles: new Set(platformRoles),
  memberships: new Map(Object.entries(memberships).map(([k, v]) => [k, new Set(v)])),
  via: 'session',
  scopes: new Set(scopes),
});

test('nobody anonymous may do anything', () => {
  for (const a of actions) assert.equal(can(undefined, a, 'org-a'), false, a);
});

test('a coordinator of B may not touch A', () => {
  const p = principal([], { 'org-b': ['coordinator', 'case_handler', 'integrity_officer'] });
  for (const a of actions) {
    // not about organisation A: lists and own account, and the national monitor results every
    // coordinator reads (released, published view)
    const notOfA = ['organisation.list', 'account.read', 'account.update', 'token.manage', 'incident.start'];
    if ([...notOfA, 'results.read'].includes(a)) continue;
    assert.equal(can(p, a, 'org-a'), false, a);
  }
  assert.equal(can(p, 'organisation.read', 'org-b'), true);
  assert.equal(can(p, 'audit.read', 'org-b'), true);
  // the national results are the same for every coordinator; a letter is one organisation's
  assert.equal(can(p, 'results.read'), true);
  assert.equal(can(p, 'results.letter.read', 'org-a'), false);
  assert.equal(can(p, 'results.letter.read', 'org-b'), true);
});

test('the Meldpunt start page is open to anyone signed in; it shows only their own', () => {
  assert.equal(can(principal([]), 'incident.start'), true);
  assert.equal(can(undefined, 'incident.start'), false);
  // a read-only token may open it too (it changes nothing)
  assert.equal(can(principal([], {}, ['read']), 'incident.start'), true);
});

test('a read-only token can never perform a write action, whatever the roles', () => {
  fc.assert(
    fc.property(
      fc.subarray(['admin', 'researcher', 'viewer'] as PlatformRole[]),
      fc.constantFrom(...actions),
      (roles, a) => {
        const ro = principal(roles, { x: ['coordinator'] }, ['read']);
        const rw = principal(roles, { x: ['coordinator'] }, ['read', 'write']);
        // read-only is never more than read-write
        if (can(ro, a, 'x')) assert.equal(can(rw, a, 'x'), true);
      },
    ),
  );
  assert.equal(can(principal(['admin'], {}, ['read']), 'organisation.create'), false);
  assert.equal(can(principal(['admin'], {}, ['read']), 'organisation.read', 'x'), true);
});
