/**
 * What the incidents panel on the home page shows (read-only): per organisation where the person follows
 * up incidents, the open incidents by state, the overdue tasks and the next tasks due, of the incidents
 * they may see (the coordinator: all submitted ones; a case handler: those assigned to them, as in
 * ./access.ts); and the person's own reports that are not closed yet.
 */
import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { can, type Principal } from '../../platform/access/policy.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { incidentAssignments, incidents, incidentTasks } from './schema.js';
import { dutchDate } from './working-days.js';

/** States of a submitted incident that is not closed, in the order of the follow-up. */
export const openStates = ['gemeld', 'in_behandeling', 'maatregelen'] as const;

export interface DueTask {
  incidentId: string;
  kind: string;
  dueOn: string;
}

export interface FollowUpSummary {
  organisationId: string;
  /** Open incidents per state (every state of `openStates`, 0 when none). */
  byState: Record<(typeof openStates)[number], number>;
  overdueTasks: number;
  /** The earliest open tasks, overdue ones included, at most `limit`. */
  nextTasks: DueTask[];
}

export interface IncidentsHome {
  followUp: FollowUpSummary[];
  /** The person's own submitted reports that are not closed. */
  ownOpenReports: number;
}

async function followUpOf(
  db: DbOrTx,
  principal: Principal,
  organisationId: string,
  today: string,
  limit: number,
): Promise<FollowUpSummary> {
  const coordinator = principal.memberships.get(organisationId)?.has('coordinator') ?? false;
  const visible: SQL[] = [
    eq(incidents.organisationId, organisationId),
    inArray(incidents.state, [...openStates]),
  ];
  if (!coordinator)
    visible.push(
      inArray(
        incidents.id,
        db
          .select({ id: incidentAssignments.incidentId })
          .from(incidentAssignments)
          .where(eq(incidentAssignments.userId, principal.userId)),
      ),
    );
  const states = await db
    .select({ state: incidents.state, n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(and(...visible))
    .groupBy(incidents.state);
  const byState = Object.fromEntries(openStates.map((s) => [s, 0])) as FollowUpSummary['byState'];
  for (const r of states) byState[r.state as keyof typeof byState] = Number(r.n);
  const openTask = and(isNull(incidentTasks.doneAt), ...visible);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidentTasks)
    .innerJoin(incidents, eq(incidents.id, incidentTasks.incidentId))
    .where(and(openTask, lt(incidentTasks.dueOn, today)));
  const nextTasks = await db
    .select({ incidentId: incidentTasks.incidentId, kind: incidentTasks.kind, dueOn: incidentTasks.dueOn })
    .from(incidentTasks)
    .innerJoin(incidents, eq(incidents.id, incidentTasks.incidentId))
    .where(openTask)
    .orderBy(asc(incidentTasks.dueOn), asc(incidentTasks.id))
    .limit(limit);
  return { organisationId, byState, overdueTasks: Number(n), nextTasks };
}

export async function incidentsHome(
  db: DbOrTx,
  principal: Principal,
  now = new Date(),
  limit = 5,
): Promise<IncidentsHome> {
  const today = dutchDate(now);
  const orgs = [...principal.memberships.keys()].filter((o) => can(principal, 'incident.list', o)).sort();
  const followUp: FollowUpSummary[] = [];
  for (const org of orgs) followUp.push(await followUpOf(db, principal, org, today, limit));
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(and(eq(incidents.reporterUserId, principal.userId), inArray(incidents.state, [...openStates])));
  return { followUp, ownOpenReports: Number(n) };
}
