/**
 * Reminders for incident tasks (issue 16, item 2): once a task is due (its due date has come) and still
 * open, its case handlers (or, with nobody assigned, the organisation's coordinators) get one mail.
 * Exactly once per task and recipient, also across restarts: the mail's idempotency key is the task and
 * the recipient, and the task is marked reminded in the same transaction. The mail holds no personal
 * data: the kind of task, its due date and a link to the incident (behind sign-in).
 */
import { and, asc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import { listUsers } from '../../platform/auth/users-service.js';
import type { Config } from '../../platform/config/config.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import type { Lang } from '../../platform/errors.js';
import { t } from '../../platform/i18n/catalogue.js';
import { queueMails } from '../../platform/mail/mail.js';
import { defineMailTemplate } from '../../platform/mail/templates.js';
import type { TaskKind } from './model.js';
import { incidentAssignments, incidents, incidentTasks } from './schema.js';
import { formatDay } from './views/common.js';
import { dutchDate } from './working-days.js';

export const taskReminderTemplate = defineMailTemplate({
  subject: { nl: 'Taak voor een melding: {task}', en: 'Task for an incident: {task}' },
  text: {
    nl: 'Er staat een taak voor een melding bij het meldpunt open: {task}. De termijn is {due}.\n\nBekijk de melding (na aanmelden): {url}\n\nU krijgt deze e-mail omdat u de melding behandelt.',
    en: 'A task for an incident at the incident desk is open: {task}. It is due {due}.\n\nView the incident (after signing in): {url}\n\nYou receive this e-mail because you handle the incident.',
  },
});

interface Recipient {
  id: string;
  email: string;
  locale: string;
}

async function coordinatorsOf(db: DbOrTx, organisationId: string): Promise<Recipient[]> {
  const { items } = await listUsers(db, {
    organisationIds: new Set([organisationId]),
    limit: 500,
    offset: 0,
  });
  return items.filter(
    (u) =>
      !u.disabled &&
      u.memberships.some((m) => m.organisationId === organisationId && m.role === 'coordinator'),
  );
}

async function assigneesOf(db: DbOrTx, organisationId: string, userIds: string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const { items } = await listUsers(db, {
    organisationIds: new Set([organisationId]),
    limit: 500,
    offset: 0,
  });
  // Still a case handler there (an assignment outlives a removed role; the mail does not).
  return items.filter(
    (u) =>
      !u.disabled &&
      userIds.includes(u.id) &&
      u.memberships.some((m) => m.organisationId === organisationId && m.role === 'case_handler'),
  );
}

/**
 * Queues the reminders that are due on `today` (Dutch calendar day) and marks their tasks. Returns the
 * number of mails queued. Works in batches; each batch is one transaction.
 */
export async function sendDueTaskReminders(
  db: Db,
  config: Pick<Config, 'publicUrl'>,
  actor: Actor,
  now = new Date(),
  batch = 200,
): Promise<number> {
  const today = dutchDate(now);
  let queued = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          taskId: incidentTasks.id,
          kind: incidentTasks.kind,
          dueOn: incidentTasks.dueOn,
          incidentId: incidents.id,
          organisationId: incidents.organisationId,
        })
        .from(incidentTasks)
        .innerJoin(incidents, eq(incidents.id, incidentTasks.incidentId))
        .where(
          and(
            isNull(incidentTasks.doneAt),
            isNull(incidentTasks.remindedAt),
            lte(incidentTasks.dueOn, today),
            ne(incidents.state, 'draft'),
            ne(incidents.state, 'afgesloten'),
          ),
        )
        .orderBy(asc(incidentTasks.dueOn), asc(incidentTasks.id))
        .limit(batch)
        .for('update', { of: incidentTasks, skipLocked: true });
      if (due.length === 0) return -1;
      const assignments = await tx
        .select()
        .from(incidentAssignments)
        .where(inArray(incidentAssignments.incidentId, [...new Set(due.map((d) => d.incidentId))]));
      const mails: Parameters<typeof queueMails>[1] = [];
      const coordinators = new Map<string, Recipient[]>();
      for (const d of due) {
        const assigned = assignments.filter((a) => a.incidentId === d.incidentId).map((a) => a.userId);
        let to = await assigneesOf(tx, d.organisationId, assigned);
        if (to.length === 0) {
          if (!coordinators.has(d.organisationId))
            coordinators.set(d.organisationId, await coordinatorsOf(tx, d.organisationId));
          to = coordinators.get(d.organisationId)!;
        }
        for (const r of to) {
          const lang: Lang = r.locale === 'en' ? 'en' : 'nl';
          mails.push({
            to: r.email,
            template: taskReminderTemplate,
            lang,
            params: {
              task: t(lang, `incidents.task.${d.kind as TaskKind}`),
              due: formatDay(lang, d.dueOn),
              url: `${config.publicUrl}/incidents/${d.incidentId}`,
            },
            idempotencyKey: `incident-task-reminder:${d.taskId}:${r.id}`,
            purpose: 'incident-reminder',
            organisationId: d.organisationId,
          });
        }
      }
      const results = await queueMails(tx, mails);
      await tx
        .update(incidentTasks)
        .set({ remindedAt: now })
        .where(
          inArray(
            incidentTasks.id,
            due.map((d) => d.taskId),
          ),
        );
      for (const d of due) {
        await audit(tx, actor, {
          action: 'incident.task.remind',
          resourceType: 'incident',
          resourceId: d.incidentId,
          organisationId: d.organisationId,
          diff: { taskId: d.taskId },
        });
      }
      return results.filter((r) => r.created).length;
    });
    if (n < 0) return queued;
    queued += n;
  }
}
