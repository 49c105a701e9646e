/**
 * Test and demo helpers: a complete report, and a principal for a user (as the HTTP layer builds it).
 */
import type { OrganisationRole, Principal } from '../../platform/access/policy.js';
import type { DraftInput } from './model.js';

export const completeReport = (over: Partial<DraftInput> = {}): DraftInput => ({
  reporterRelation: 'self',
  concernedRole: 'wethouder',
  occurredOn: '2026-12-01',
  occurredTime: '20:15',
  recurrence: 'once',
  location: 'public',
  channel: 'in_person',
  forms: ['threat', 'verbal_insult'],
  traits: [],
  perpetratorKnown: 'known',
  perpetratorKind: 'individual',
  perpetratorDescription: 'Man van middelbare leeftijd bij de raadsvergadering',
  perpetratorName: 'Piet Dader',
  severity: 'serious',
  consequences: ['work'],
  description: 'Na afloop van de raadsvergadering werd ik bij de uitgang bedreigd.',
  policeContacted: false,
  aangifteMade: false,
  aangifteWanted: true,
  wantsContact: true,
  wantsSupport: false,
  wantsAftercare: true,
  ...over,
});

export function principalOf(
  user: { id: string; email: string },
  memberships: Record<string, OrganisationRole[]>,
  scopes: Array<'read' | 'write'> = ['read', 'write'],
): Principal {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.email,
    platformRoles: new Set(),
    memberships: new Map(Object.entries(memberships).map(([k, v]) => [k, new Set(v)])),
    via: 'session',
    scopes: new Set(scopes),
  };
}
