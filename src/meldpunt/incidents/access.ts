/**
 * Who may see and handle one incident (issue 16, item 3), on top of the route's organisation check in
 * the access policy: the person concerned, the reporter, the organisation's coordinator and the case
 * handlers assigned to it. Nobody else in the organisation; other organisations never. A draft is the
 * reporter's alone.
 */
import { can, type Principal } from '../../platform/access/policy.js';

export interface IncidentParties {
  organisationId: string;
  state: string;
  reporterUserId: string;
  concernedUserId: string | null;
  /** User ids of the assigned case handlers. */
  assignees: readonly string[];
}

export type Relation = 'coordinator' | 'handler' | 'reporter' | 'concerned';

/** The principal's relations to the incident, strongest first; empty = may not see it at all. */
export function relationsTo(p: Principal | undefined, i: IncidentParties): Relation[] {
  if (!p) return [];
  const out: Relation[] = [];
  const roles = p.memberships.get(i.organisationId);
  if (i.state !== 'draft') {
    if (roles?.has('coordinator')) out.push('coordinator');
    if (roles?.has('case_handler') && i.assignees.includes(p.userId)) out.push('handler');
  }
  if (i.reporterUserId === p.userId) out.push('reporter');
  if (i.state !== 'draft' && i.concernedUserId === p.userId) out.push('concerned');
  return out;
}

export const maySee = (p: Principal | undefined, i: IncidentParties) => relationsTo(p, i).length > 0;

/** Follow-up (state, tasks, measures, referral): the coordinator and assigned case handlers. */
export function mayHandle(p: Principal | undefined, i: IncidentParties): boolean {
  if (!p || !can(p, 'incident.handle', i.organisationId)) return false;
  const r = relationsTo(p, i);
  return r.includes('coordinator') || r.includes('handler');
}

/** Assigning case handlers: the coordinator. */
export const mayAssign = (p: Principal | undefined, i: IncidentParties) =>
  !!p && can(p, 'incident.assign', i.organisationId) && relationsTo(p, i).includes('coordinator');

/** The perpetrator's name: the coordinator; the reporter too while the report is their draft. */
export function mayReadPerpetratorName(p: Principal | undefined, i: IncidentParties): boolean {
  if (!p) return false;
  if (i.state === 'draft') return i.reporterUserId === p.userId;
  return can(p, 'incident.perpetrator', i.organisationId) && relationsTo(p, i).includes('coordinator');
}

/** Editing the report itself: the reporter, while it is a draft. */
export const mayEditDraft = (p: Principal | undefined, i: IncidentParties) =>
  !!p && i.state === 'draft' && i.reporterUserId === p.userId && can(p, 'incident.report', i.organisationId);
