/**
 * Rows of the incident tables. No access rules here (./service.ts decides who may call what).
 */
import { and, asc, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import type { IncidentParties } from './access.js';
import {
  incidentAssignments,
  incidentMeasures,
  incidentPerpetratorNames,
  incidentSettings,
  incidentStateChanges,
  incidents,
  incidentTasks,
} from './schema.js';
import { defaultTerms, type FollowUpTerms } from './tasks.js';

export type IncidentRow = typeof incidents.$inferSelect;
export type TaskRow = typeof incidentTasks.$inferSelect;
export type MeasureRow = typeof incidentMeasures.$inferSelect;
export type StateChangeRow = typeof incidentStateChanges.$inferSelect;

export async function incidentRow(db: DbOrTx, id: string, lock = false): Promise<IncidentRow | undefined> {
  const q = db.select().from(incidents).where(eq(incidents.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function assigneesOf(db: DbOrTx, incidentId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: incidentAssignments.userId })
    .from(incidentAssignments)
    .where(eq(incidentAssignments.incidentId, incidentId))
    .orderBy(asc(incidentAssignments.assignedAt));
  return rows.map((r) => r.userId);
}

export async function partiesOf(db: DbOrTx, row: IncidentRow): Promise<IncidentParties> {
  return {
    organisationId: row.organisationId,
    state: row.state,
    reporterUserId: row.reporterUserId,
    concernedUserId: row.concernedUserId,
    assignees: await assigneesOf(db, row.id),
  };
}

export async function organisationOfIncident(db: DbOrTx, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ organisationId: incidents.organisationId })
    .from(incidents)
    .where(eq(incidents.id, id));
  return row?.organisationId;
}

export async function perpetratorName(db: DbOrTx, incidentId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: incidentPerpetratorNames.name })
    .from(incidentPerpetratorNames)
    .where(eq(incidentPerpetratorNames.incidentId, incidentId));
  return row?.name ?? null;
}

export async function setPerpetratorName(db: DbOrTx, incidentId: string, name: string | undefined) {
  if (name === undefined) {
    await db.delete(incidentPerpetratorNames).where(eq(incidentPerpetratorNames.incidentId, incidentId));
    return;
  }
  await db
    .insert(incidentPerpetratorNames)
    .values({ incidentId, name })
    // A changed name is keyed again (./perpetrator-links.ts).
    .onConflictDoUpdate({ target: incidentPerpetratorNames.incidentId, set: { name, perpetratorKey: null } });
}

export const historyOf = (db: DbOrTx, incidentId: string) =>
  db
    .select()
    .from(incidentStateChanges)
    .where(eq(incidentStateChanges.incidentId, incidentId))
    .orderBy(asc(incidentStateChanges.seq));

export const tasksOf = (db: DbOrTx, incidentId: string) =>
  db
    .select()
    .from(incidentTasks)
    .where(eq(incidentTasks.incidentId, incidentId))
    .orderBy(asc(incidentTasks.dueOn), asc(incidentTasks.createdAt));

export const measuresOf = (db: DbOrTx, incidentId: string) =>
  db
    .select()
    .from(incidentMeasures)
    .where(eq(incidentMeasures.incidentId, incidentId))
    .orderBy(asc(incidentMeasures.decidedOn), asc(incidentMeasures.createdAt));

export async function termsOf(db: DbOrTx, organisationId: string): Promise<FollowUpTerms> {
  const [row] = await db
    .select()
    .from(incidentSettings)
    .where(eq(incidentSettings.organisationId, organisationId));
  return row
    ? {
        firstContactWorkingDays: row.firstContactWorkingDays,
        policeReportWorkingDays: row.policeReportWorkingDays,
      }
    : defaultTerms;
}

export interface IncidentFilter {
  organisationId: string;
  /** Only incidents assigned to this user (case handlers see no others). */
  assignedTo?: string;
  state?: string;
  form?: string;
  severity?: string;
  /** Only incidents with an open task due before `today`. */
  overdueBefore?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface IncidentSummary {
  id: string;
  state: string;
  occurredOn: string | null;
  submittedAt: Date | null;
  forms: string[];
  severity: string | null;
  concernedRole: string | null;
  channel: string | null;
  openTasks: number;
  overdueTasks: number;
  nextDueOn: string | null;
}

export async function listSubmitted(
  db: DbOrTx,
  f: IncidentFilter,
  today: string,
): Promise<{ items: IncidentSummary[]; total: number }> {
  const where: SQL[] = [eq(incidents.organisationId, f.organisationId), sql`${incidents.state} <> 'draft'`];
  if (f.assignedTo) {
    where.push(
      inArray(
        incidents.id,
        db
          .select({ id: incidentAssignments.incidentId })
          .from(incidentAssignments)
          .where(eq(incidentAssignments.userId, f.assignedTo)),
      ),
    );
  }
  if (f.state) where.push(eq(incidents.state, f.state));
  if (f.form) where.push(sql`${f.form} = any(${incidents.forms})`);
  if (f.severity) where.push(eq(incidents.severity, f.severity));
  if (f.from) where.push(sql`${incidents.occurredOn} >= ${f.from}`);
  if (f.to) where.push(sql`${incidents.occurredOn} <= ${f.to}`);
  if (f.overdueBefore) {
    where.push(
      inArray(
        incidents.id,
        db
          .select({ id: incidentTasks.incidentId })
          .from(incidentTasks)
          .where(and(isNull(incidentTasks.doneAt), lt(incidentTasks.dueOn, f.overdueBefore))),
      ),
    );
  }
  const cond = and(...where);
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(cond);
  const rows = await db
    .select({
      id: incidents.id,
      state: incidents.state,
      occurredOn: incidents.occurredOn,
      submittedAt: incidents.submittedAt,
      forms: incidents.forms,
      severity: incidents.severity,
      concernedRole: incidents.concernedRole,
      channel: incidents.channel,
      openTasks: sql<number>`(select count(*)::int from incident_tasks t where t.incident_id = ${incidents.id} and t.done_at is null)`,
      overdueTasks: sql<number>`(select count(*)::int from incident_tasks t where t.incident_id = ${incidents.id} and t.done_at is null and t.due_on < ${today})`,
      nextDueOn: sql<
        string | null
      >`(select min(t.due_on)::text from incident_tasks t where t.incident_id = ${incidents.id} and t.done_at is null)`,
    })
    .from(incidents)
    .where(cond)
    .orderBy(desc(incidents.submittedAt), desc(incidents.id))
    .limit(f.limit)
    .offset(f.offset);
  return { items: rows, total: Number(n) };
}

export const ownReports = (db: DbOrTx, userId: string) =>
  db
    .select({
      id: incidents.id,
      organisationId: incidents.organisationId,
      state: incidents.state,
      occurredOn: incidents.occurredOn,
      createdAt: incidents.createdAt,
      submittedAt: incidents.submittedAt,
      forms: incidents.forms,
    })
    .from(incidents)
    .where(eq(incidents.reporterUserId, userId))
    .orderBy(desc(incidents.createdAt))
    .limit(200);
