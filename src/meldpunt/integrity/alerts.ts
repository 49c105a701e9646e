/**
 * Deadline alerts and escalation for integrity reports (issue 17 item 3), run hourly as the pg-boss job
 * `integrity.deadline-alerts` (./jobs.ts):
 * - 4 days after receipt without an acknowledgement, and 2 months into the feedback period without
 *   feedback: a mail to the report's handlers (the officers whose key holds a copy of the report key,
 *   so a recused or excluded officer gets nothing);
 * - once a deadline has passed: a mail to those handlers and to the organisation's chair
 *   (`integrity_chair`: burgemeester, commissaris van de Koning, dijkgraaf or their deputy).
 * Exactly once per report, deadline, kind and recipient, also across restarts and concurrent runs: the
 * mail's idempotency key holds all four (a feedback deadline that moves when the receipt is acknowledged
 * gets its own alert). The mails hold no report content: no category, no text, only that a report needs
 * attention, which deadline, and a link behind sign-in.
 */
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import { memberships, users } from '../../platform/auth/schema.js';
import type { Config } from '../../platform/config/config.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import type { Lang } from '../../platform/errors.js';
import { type QueueMailInput, queueMails } from '../../platform/mail/mail.js';
import { defineMailTemplate } from '../../platform/mail/templates.js';
import {
  acknowledgementAlertAt,
  acknowledgementDue,
  amsterdamDate,
  feedbackAlertAt,
  feedbackDue,
} from './deadlines.js';
import { integrityHandlerKeys, integrityRegister, integrityReportKeys } from './schema.js';

export const alertKinds = [
  'acknowledgement-soon',
  'acknowledgement-overdue',
  'feedback-soon',
  'feedback-overdue',
] as const;
export type AlertKind = (typeof alertKinds)[number];

const deadlineName = {
  acknowledgement: { nl: 'ontvangstbevestiging (7 dagen)', en: 'acknowledgement of receipt (7 days)' },
  feedback: { nl: 'terugkoppeling aan de melder (3 maanden)', en: 'feedback to the reporter (3 months)' },
};

export const deadlineSoonTemplate = defineMailTemplate({
  subject: {
    nl: 'Een integriteitsmelding heeft aandacht nodig',
    en: 'An integrity report needs attention',
  },
  text: {
    nl: 'Er is een integriteitsmelding die aandacht nodig heeft. De termijn voor de {deadline} loopt af op {due}.\n\nBekijk de melding (na aanmelden en met uw sleutel): {url}\n\nU krijgt deze e-mail omdat u integriteitsmeldingen behandelt. De e-mail bevat bewust geen inhoud van de melding.',
    en: 'An integrity report needs attention. The deadline for the {deadline} ends on {due}.\n\nView the report (after signing in, with your key): {url}\n\nYou receive this e-mail because you handle integrity reports. On purpose, it holds nothing of the report itself.',
  },
  links: ['url'],
});

export const deadlineOverdueTemplate = defineMailTemplate({
  subject: {
    nl: 'Termijn verstreken bij een integriteitsmelding',
    en: 'Deadline passed for an integrity report',
  },
  text: {
    nl: 'De termijn voor de {deadline} van een integriteitsmelding is verstreken op {due}.\n\nBekijk de melding (na aanmelden): {url}\n\nU krijgt deze e-mail omdat u integriteitsmeldingen behandelt of omdat u voorzitter bent en de termijn is verstreken. De e-mail bevat bewust geen inhoud van de melding.',
    en: 'The deadline for the {deadline} of an integrity report passed on {due}.\n\nView the report (after signing in): {url}\n\nYou receive this e-mail because you handle integrity reports, or because you are the chair and the deadline has passed. On purpose, it holds nothing of the report itself.',
  },
  links: ['url'],
});

interface Recipient {
  id: string;
  email: string;
  locale: string;
}

/** The officers whose active key holds a copy of this report's key (recused or excluded officers hold none). */
async function handlersOf(db: DbOrTx, organisationId: string, reportId: string): Promise<Recipient[]> {
  return db
    .selectDistinct({ id: users.id, email: users.email, locale: users.locale })
    .from(integrityReportKeys)
    .innerJoin(integrityHandlerKeys, eq(integrityHandlerKeys.id, integrityReportKeys.handlerKeyId))
    .innerJoin(users, eq(users.id, integrityHandlerKeys.userId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, users.id),
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'integrity_officer'),
      ),
    )
    .where(
      and(
        eq(integrityReportKeys.reportId, reportId),
        isNull(integrityHandlerKeys.revokedAt),
        isNull(users.disabledAt),
      ),
    );
}

/** The organisation's chairs (escalation contacts). */
export async function chairsOf(db: DbOrTx, organisationId: string): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'integrity_chair'),
        isNull(users.disabledAt),
      ),
    );
}

interface Due {
  kind: AlertKind;
  due: Date;
}

/** The alerts a register line calls for at `now` (a passed deadline replaces its approaching one). */
export function alertsFor(
  line: { receivedAt: Date; acknowledgedAt: Date | null; feedbackAt: Date | null },
  now: Date,
): Due[] {
  const out: Due[] = [];
  const t = now.getTime();
  if (!line.acknowledgedAt) {
    const due = acknowledgementDue(line.receivedAt);
    if (t > due.getTime()) out.push({ kind: 'acknowledgement-overdue', due });
    else if (t >= acknowledgementAlertAt(line.receivedAt).getTime())
      out.push({ kind: 'acknowledgement-soon', due });
  }
  if (!line.feedbackAt) {
    const due = feedbackDue(line.receivedAt, line.acknowledgedAt);
    if (t > due.getTime()) out.push({ kind: 'feedback-overdue', due });
    else if (t >= feedbackAlertAt(line.receivedAt, line.acknowledgedAt).getTime())
      out.push({ kind: 'feedback-soon', due });
  }
  return out;
}

const dayText = (lang: Lang, due: Date) => {
  const d = amsterdamDate(due);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
};

/**
 * Queues the alerts due at `now` for every open report. Returns the number of mails newly queued (0 on
 * a second run at the same moment). Each report is one transaction: its mails and audit line together.
 */
export async function sendDeadlineAlerts(
  db: Db,
  config: Pick<Config, 'publicUrl'>,
  actor: Actor,
  now = new Date(),
): Promise<number> {
  const lines = await db
    .select()
    .from(integrityRegister)
    .where(
      and(
        ne(integrityRegister.state, 'gearchiveerd'),
        isNull(integrityRegister.closedAt),
        or(isNull(integrityRegister.acknowledgedAt), isNull(integrityRegister.feedbackAt)),
      ),
    );
  let queued = 0;
  const chairs = new Map<string, Recipient[]>();
  for (const line of lines) {
    const alerts = alertsFor(line, now);
    if (alerts.length === 0) continue;
    queued += await db.transaction(async (tx) => {
      const handlers = await handlersOf(tx, line.organisationId, line.reportId);
      if (!chairs.has(line.organisationId))
        chairs.set(line.organisationId, await chairsOf(tx, line.organisationId));
      const mails: QueueMailInput[] = [];
      for (const a of alerts) {
        const overdue = a.kind.endsWith('overdue');
        const to = overdue ? [...handlers, ...chairs.get(line.organisationId)!] : handlers;
        const deadline = a.kind.startsWith('acknowledgement') ? 'acknowledgement' : 'feedback';
        for (const r of new Map(to.map((x) => [x.id, x])).values()) {
          const lang: Lang = r.locale === 'en' ? 'en' : 'nl';
          mails.push({
            to: r.email,
            template: overdue ? deadlineOverdueTemplate : deadlineSoonTemplate,
            lang,
            params: {
              deadline: deadlineName[deadline][lang],
              due: dayText(lang, a.due),
              url: `${config.publicUrl}/integrity/${line.organisationId}/reports/${line.reportId}`,
            },
            idempotencyKey: `integrity-deadline:${a.kind}:${line.reportId}:${a.due.toISOString()}:${r.id}`,
            purpose: 'integrity-deadline',
            organisationId: line.organisationId,
          });
        }
      }
      const created = (await queueMails(tx, mails)).filter((m) => m.created).length;
      if (created > 0)
        await audit(tx, actor, {
          action: 'integrity.deadline.alert',
          resourceType: 'integrity_report',
          resourceId: line.reportId,
          organisationId: line.organisationId,
          diff: { kinds: alerts.map((a) => a.kind), mails: created },
        });
      return created;
    });
  }
  return queued;
}
