/**
 * Follow-up of an incident (issue 16, item 2) by the coordinator and the assigned case handlers:
 * state changes with their append-only history, assignment, tasks, measures and the referral to the
 * Ondersteuningsteam Weerbaar Bestuur. Each change and its audit record (ids and field names, never
 * values) in one transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Principal } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/auth/actor.js';
import { listUsers } from '../../platform/auth/users-service.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { mayAssign, mayHandle, relationsTo } from './access.js';
import { type FollowUpState, transitions } from './model.js';
import { incidentRow, partiesOf } from './repository.js';
import {
  incidentAssignments,
  incidentMeasures,
  incidentStateChanges,
  incidents,
  incidentTasks,
} from './schema.js';
import { incidentAudit, notFound } from './service.js';

async function forHandling(
  tx: DbOrTx,
  principal: Principal,
  id: string,
  need: 'handle' | 'assign' = 'handle',
) {
  const incident = await incidentRow(tx, id, true);
  if (!incident) throw notFound();
  const parties = await partiesOf(tx, incident);
  if (relationsTo(principal, parties).length === 0) throw notFound();
  const ok = need === 'assign' ? mayAssign(principal, parties) : mayHandle(principal, parties);
  if (!ok) {
    throw new AppError('forbidden', {
      detail: { nl: 'U mag deze melding niet behandelen.', en: `not allowed: incident.${need}` },
    });
  }
  return incident;
}

export async function changeState(
  db: Db,
  principal: Principal,
  id: string,
  to: FollowUpState,
  note?: string,
  now = new Date(),
) {
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const incident = await forHandling(tx, principal, id);
    const from = incident.state as FollowUpState;
    if (!transitions[from]?.includes(to)) {
      throw new AppError('conflict', {
        detail: {
          nl: `Van "${from}" kan de melding niet naar "${to}".`,
          en: `no transition from ${from} to ${to}`,
        },
      });
    }
    await tx
      .update(incidents)
      .set({ state: to, updatedAt: now, closedAt: to === 'afgesloten' ? now : null })
      .where(eq(incidents.id, id));
    await tx.insert(incidentStateChanges).values({
      incidentId: id,
      fromState: from,
      toState: to,
      actorId: principal.userId,
      actorLabel: actor.label,
      note: note?.trim() || null,
      at: now,
    });
    await incidentAudit(tx, actor, from === 'afgesloten' ? 'incident.reopen' : 'incident.state', incident, {
      fields: note?.trim() ? ['state', 'note'] : ['state'],
    });
  });
}

/** The organisation's case handlers (to assign), as {id, displayName}. */
export async function caseHandlersOf(db: DbOrTx, organisationId: string) {
  const { items } = await listUsers(db, {
    organisationIds: new Set([organisationId]),
    limit: 500,
    offset: 0,
  });
  return items
    .filter(
      (u) =>
        !u.disabled &&
        u.memberships.some((m) => m.organisationId === organisationId && m.role === 'case_handler'),
    )
    .map((u) => ({ id: u.id, displayName: u.displayName }));
}

export async function assign(db: Db, principal: Principal, id: string, userId: string, assigned: boolean) {
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const incident = await forHandling(tx, principal, id, 'assign');
    if (assigned) {
      const handlers = await caseHandlersOf(tx, incident.organisationId);
      if (!handlers.some((h) => h.id === userId)) {
        throw new AppError('validation', {
          invalidParams: [
            {
              name: 'userId',
              code: 'not_a_case_handler',
              reason: {
                nl: 'Kies een behandelaar van deze organisatie.',
                en: 'not a case handler of this organisation',
              },
            },
          ],
        });
      }
      await tx
        .insert(incidentAssignments)
        .values({ incidentId: id, userId, assignedBy: principal.userId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(incidentAssignments)
        .where(and(eq(incidentAssignments.incidentId, id), eq(incidentAssignments.userId, userId)));
    }
    await incidentAudit(tx, actor, assigned ? 'incident.assign' : 'incident.unassign', incident, { userId });
  });
}

export async function addTask(
  db: Db,
  principal: Principal,
  id: string,
  task: { title: string; dueOn: string },
) {
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const incident = await forHandling(tx, principal, id);
    const [row] = await tx
      .insert(incidentTasks)
      .values({ incidentId: id, kind: 'other', title: task.title, dueOn: task.dueOn })
      .returning();
    await incidentAudit(tx, actor, 'incident.task.add', incident, {
      taskId: row!.id,
      fields: ['title', 'dueOn'],
    });
    return row!;
  });
}

export async function completeTask(
  db: Db,
  principal: Principal,
  id: string,
  taskId: string,
  now = new Date(),
) {
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const incident = await forHandling(tx, principal, id);
    const done = await tx
      .update(incidentTasks)
      .set({ doneAt: now, doneBy: principal.userId })
      .where(
        and(eq(incidentTasks.id, taskId), eq(incidentTasks.incidentId, id), isNull(incidentTasks.doneAt)),
      )
      .returning({ id: incidentTasks.id });
    if (done.length === 0)
      throw new AppError('not-found', {
        detail: { nl: 'Deze taak is er niet (meer).', en: 'no such open task' },
      });
    await incidentAudit(tx, actor, 'incident.task.done', incident, { taskId });
  });
}

export async function recordMeasure(
  db: Db,
  principal: Principal,
  id: string,
  m: { kind: string; decidedOn: string; note?: string },
) {
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const incident = await forHandling(tx, principal, id);
    const [row] = await tx
      .insert(incidentMeasures)
      .values({
        incidentId: id,
        kind: m.kind,
        decidedOn: m.decidedOn,
        note: m.note?.trim() || null,
        recordedBy: principal.userId,
      })
      .returning();
    await incidentAudit(tx, actor, 'incident.measure', incident, {
      measureId: row!.id,
      fields: m.note?.trim() ? ['kind', 'decidedOn', 'note'] : ['kind', 'decidedOn'],
    });
    return row!;
  });
}

/**
 * The referral to the Ondersteuningsteam Weerbaar Bestuur: only with the person's consent, recorded
 * with its date; the referral date may not precede the consent.
 */
export async function recordReferral(
  db: Db,
  principal: Principal,
  id: string,
  r: { consentOn: string; referredOn: string },
) {
  if (r.referredOn < r.consentOn) {
    throw new AppError('validation', {
      invalidParams: [
        {
          name: 'referredOn',
          code: 'before_consent',
          reason: {
            nl: 'De verwijzing kan niet vóór de toestemming liggen.',
            en: 'the referral cannot precede the consent',
          },
        },
      ],
    });
  }
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    const incident = await forHandling(tx, principal, id);
    await tx
      .update(incidents)
      .set({ referralConsentOn: r.consentOn, referredOn: r.referredOn, updatedAt: new Date() })
      .where(eq(incidents.id, id));
    await incidentAudit(tx, actor, 'incident.referral', incident, {
      fields: ['referralConsentOn', 'referredOn'],
    });
  });
}
