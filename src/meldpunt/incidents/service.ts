/**
 * The incident service (issue 16): reporting (drafts and submission), reading with the access rules of
 * ./access.ts, and follow-up (state, assignment, tasks, measures, referral). Every read of an incident
 * and every change writes an audit record in the same transaction; incident audit records hold ids,
 * field names and the actor, never values (personal data must not outlive retention in the
 * append-only log).
 */
import { eq } from 'drizzle-orm';
import type { Principal } from '../../platform/access/policy.js';
import { can } from '../../platform/access/policy.js';
import { type Actor, audit } from '../../platform/audit/audit.js';
import { actorOf } from '../../platform/auth/actor.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import { AppError, type InvalidParam } from '../../platform/errors.js';
import {
  type IncidentParties,
  mayAssign,
  mayEditDraft,
  mayHandle,
  mayReadPerpetratorName,
  relationsTo,
} from './access.js';
import { type Draft, draftSchema, submitProblems } from './model.js';
import {
  historyOf,
  type IncidentFilter,
  type IncidentRow,
  type IncidentSummary,
  incidentRow,
  listSubmitted,
  measuresOf,
  ownReports,
  partiesOf,
  perpetratorName,
  setPerpetratorName,
  tasksOf,
  termsOf,
} from './repository.js';
import { incidentStateChanges, incidents, incidentTasks } from './schema.js';
import { defaultTasks } from './tasks.js';
import { dutchDate } from './working-days.js';

export type { IncidentSummary } from './repository.js';

export const notFound = () =>
  new AppError('not-found', {
    detail: { nl: 'Deze melding bestaat niet of u mag hem niet zien.', en: 'no such incident' },
  });

export const incidentAudit = (
  tx: DbOrTx,
  actor: Actor,
  action: string,
  row: { id: string; organisationId: string },
  diff?: Record<string, unknown>,
) =>
  audit(tx, actor, {
    action,
    resourceType: 'incident',
    resourceId: row.id,
    organisationId: row.organisationId,
    diff,
  });

/** The incident columns a draft sets (everything but the perpetrator's name, which lives apart). */
function columnsOf(d: Draft) {
  const { perpetratorName: _name, ...rest } = d;
  return {
    ...rest,
    reporterRelation: d.reporterRelation ?? null,
    concernedName: d.concernedName ?? null,
    concernedRole: d.concernedRole ?? null,
    occurredOn: d.occurredOn ?? null,
    occurredTime: d.occurredTime ?? null,
    recurrence: d.recurrence ?? null,
    location: d.location ?? null,
    channel: d.channel ?? null,
    channelDetail: d.channelDetail ?? null,
    perpetratorKnown: d.perpetratorKnown ?? null,
    perpetratorKind: d.perpetratorKind ?? null,
    perpetratorDescription: d.perpetratorDescription ?? null,
    severity: d.severity ?? null,
    description: d.description ?? null,
  };
}

/** The names of the fields that carry a value (for the audit record: names, never values). */
const filledFields = (d: Draft) =>
  Object.entries(d)
    .filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k)
    .sort();

export interface ReportTarget {
  organisationId: string;
  /** An existing draft of the principal's, or undefined for a new report. */
  incidentId?: string;
}

async function draftFor(
  tx: DbOrTx,
  principal: Principal,
  target: ReportTarget,
): Promise<IncidentRow | undefined> {
  if (!can(principal, 'incident.report', target.organisationId)) {
    throw new AppError('forbidden', {
      detail: { nl: 'U mag hier geen melding doen.', en: 'not allowed: incident.report' },
    });
  }
  if (!target.incidentId) return undefined;
  const row = await incidentRow(tx, target.incidentId, true);
  if (!row || row.organisationId !== target.organisationId) throw notFound();
  if (!mayEditDraft(principal, await partiesOf(tx, row))) {
    if (row.state !== 'draft' && row.reporterUserId === principal.userId) {
      throw new AppError('conflict', {
        detail: { nl: 'Deze melding is al verstuurd.', en: 'the report was submitted already' },
      });
    }
    throw notFound();
  }
  return row;
}

/** Saves a draft (new or existing); returns its id. */
export async function saveDraft(
  db: Db,
  principal: Principal,
  target: ReportTarget,
  input: unknown,
): Promise<string> {
  const d = draftSchema.parse(input);
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const existing = await draftFor(tx, principal, target);
    let id: string;
    if (existing) {
      id = existing.id;
      await tx
        .update(incidents)
        .set({ ...columnsOf(d), updatedAt: new Date() })
        .where(eq(incidents.id, id));
    } else {
      const [row] = await tx
        .insert(incidents)
        .values({
          ...columnsOf(d),
          organisationId: target.organisationId,
          reporterUserId: principal.userId,
          state: 'draft',
        })
        .returning({ id: incidents.id });
      id = row!.id;
    }
    await setPerpetratorName(tx, id, d.perpetratorName);
    await incidentAudit(
      tx,
      actor,
      'incident.draft',
      { id, organisationId: target.organisationId },
      { fields: filledFields(d) },
    );
    return id;
  });
}

const problemTexts: Record<string, InvalidParam['reason']> = {
  required: { nl: 'Vul dit in.', en: 'Required.' },
  future: { nl: 'Deze datum ligt in de toekomst.', en: 'This date is in the future.' },
};

/**
 * Submits a report: the incident enters "gemeld" with its default tasks, in one transaction with the
 * state history and the audit record. Returns only after the commit, so an acknowledgement means the
 * report is stored.
 */
export async function submitReport(
  db: Db,
  principal: Principal,
  target: ReportTarget,
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  const d = draftSchema.parse(input);
  const today = dutchDate(now);
  const problems = submitProblems(d, today);
  if (problems.length) {
    throw new AppError('validation', {
      detail: { nl: 'De melding is nog niet compleet.', en: 'the report is incomplete' },
      invalidParams: problems.map((p) => ({ name: p.field, code: p.code, reason: problemTexts[p.code]! })),
    });
  }
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const existing = await draftFor(tx, principal, target);
    const values = { ...columnsOf(d), state: 'gemeld', submittedAt: now, updatedAt: now };
    let id: string;
    if (existing) {
      id = existing.id;
      await tx.update(incidents).set(values).where(eq(incidents.id, id));
    } else {
      const [row] = await tx
        .insert(incidents)
        .values({
          ...values,
          organisationId: target.organisationId,
          reporterUserId: principal.userId,
          createdAt: now,
        })
        .returning({ id: incidents.id });
      id = row!.id;
    }
    if (d.reporterRelation === 'self')
      await tx.update(incidents).set({ concernedUserId: principal.userId }).where(eq(incidents.id, id));
    await setPerpetratorName(tx, id, d.perpetratorName);
    await tx.insert(incidentStateChanges).values({
      incidentId: id,
      fromState: existing ? 'draft' : null,
      toState: 'gemeld',
      actorId: principal.userId,
      actorLabel: actor.label,
      at: now,
    });
    const terms = await termsOf(tx, target.organisationId);
    const tasks = defaultTasks(today, d.forms, terms);
    await tx
      .insert(incidentTasks)
      .values(tasks.map((t) => ({ incidentId: id, kind: t.kind, dueOn: t.dueOn })));
    await incidentAudit(
      tx,
      actor,
      'incident.submit',
      { id, organisationId: target.organisationId },
      { fields: filledFields(d), tasks: tasks.map((t) => t.kind) },
    );
    return { id };
  });
}

export interface IncidentView {
  incident: IncidentRow;
  parties: IncidentParties;
  relations: ReturnType<typeof relationsTo>;
  /** Null when there is none or the principal may not see it. */
  perpetratorName: string | null;
  perpetratorNameHidden: boolean;
  history: Awaited<ReturnType<typeof historyOf>>;
  tasks: Awaited<ReturnType<typeof tasksOf>>;
  measures: Awaited<ReturnType<typeof measuresOf>>;
  mayHandle: boolean;
  mayAssign: boolean;
  mayEdit: boolean;
}

/** One incident, for someone allowed to see it; the view itself is audited. Others get "not found". */
export async function viewIncident(
  db: Db,
  principal: Principal | undefined,
  id: string,
): Promise<IncidentView> {
  if (!principal) throw new AppError('unauthenticated');
  return db.transaction(async (tx) => {
    const incident = await incidentRow(tx, id);
    if (!incident) throw notFound();
    const parties = await partiesOf(tx, incident);
    const relations = relationsTo(principal, parties);
    if (relations.length === 0) throw notFound();
    const showName = mayReadPerpetratorName(principal, parties);
    const [name, history, tasks, measures] = [
      showName ? await perpetratorName(tx, id) : null,
      await historyOf(tx, id),
      await tasksOf(tx, id),
      await measuresOf(tx, id),
    ];
    await incidentAudit(
      tx,
      actorOf(principal),
      'incident.view',
      incident,
      showName && name ? { fields: ['perpetratorName'] } : undefined,
    );
    return {
      incident,
      parties,
      relations,
      perpetratorName: name,
      perpetratorNameHidden: !showName,
      history,
      tasks,
      measures,
      mayHandle: mayHandle(principal, parties),
      mayAssign: mayAssign(principal, parties),
      mayEdit: mayEditDraft(principal, parties),
    };
  });
}

export type ListFilter = Omit<IncidentFilter, 'assignedTo' | 'overdueBefore'> & { overdue?: boolean };

/**
 * Submitted incidents of an organisation: all of them for its coordinator, the assigned ones for a case
 * handler. The list is a view of those incidents too: audited with their ids.
 */
export async function listIncidents(
  db: Db,
  principal: Principal,
  filter: ListFilter,
  now = new Date(),
): Promise<{ items: IncidentSummary[]; total: number }> {
  const org = filter.organisationId;
  if (!can(principal, 'incident.list', org)) throw new AppError('forbidden');
  const coordinator = principal.memberships.get(org)?.has('coordinator') ?? false;
  const today = dutchDate(now);
  const { overdue, ...rest } = filter;
  return db.transaction(async (tx) => {
    const page = await listSubmitted(
      tx,
      {
        ...rest,
        assignedTo: coordinator ? undefined : principal.userId,
        overdueBefore: overdue ? today : undefined,
      },
      today,
    );
    await audit(tx, actorOf(principal), {
      action: 'incident.list',
      resourceType: 'incident',
      organisationId: org,
      diff: { ids: page.items.map((i) => i.id) },
    });
    return page;
  });
}

/** The principal's own reports (drafts and submitted), newest first. */
export async function myReports(db: Db, principal: Principal) {
  return ownReports(db, principal.userId);
}
