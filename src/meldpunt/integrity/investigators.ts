/**
 * External investigators (issue 17 item 4: "optional external investigator access limited to one report
 * and one period"). An investigator has the organisation role `integrity_investigator` and a handler key
 * certified like any other, but certification gives that key nothing and new reports are not wrapped
 * for it (handler-roles.ts). Only a grant by an officer or chair who can open the report wraps that one
 * report's key for the investigator's key, until `expiresAt`; at expiry (the hourly job, or the first
 * access after it) the copy is deleted, the grant ended and both audited. An officer or chair who can
 * open the report can withdraw a grant early: the copy is deleted at once (audited), and the
 * investigator's next request gets 410 ("access withdrawn"). A grant that ended before its end date was
 * withdrawn (`ended_at < expires_at`); one that ended at or after it expired.
 */
import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { openField, wrapReportKeyFor } from './crypto/report-keys.js';
import { reportDeadlines } from './deadlines.js';
import { hasRole, isHandler } from './handler-roles.js';
import { acceptedKeys, type UnlockedKey } from './keys-service.js';
import type { ReportContent } from './model.js';
import type { IntegrityOptions } from './options.js';
import { messagesOf, registerLine, reportKeyFor, reportRow } from './report-repository.js';
import { integrityInvestigatorGrants, integrityReportKeys } from './schema.js';

const withdrawn = () =>
  new AppError('integrity-access-withdrawn', {
    detail: {
      nl: 'Uw toegang tot deze melding is ingetrokken. De sleutel van deze melding is van uw sleutel verwijderd.',
      en: 'your access to this report was withdrawn: the copy of its key for your key has been deleted',
    },
  });

const notGranted = () =>
  new AppError('not-found', {
    detail: {
      nl: 'Deze melding bestaat niet of is niet (meer) aan u toegewezen.',
      en: 'no such report, or it is not (or no longer) granted to you',
    },
  });

/**
 * An officer or chair grants an investigator access to one report until `expiresAt`: the report key,
 * opened with the granter's own copy, is wrapped for the investigator's certified key.
 */
export async function grantInvestigator(
  db: DbOrTx,
  actor: Actor,
  granter: UnlockedKey,
  input: { reportId: string; investigatorUserId: string; expiresAt: Date },
  opts: IntegrityOptions,
): Promise<{ grantId: string }> {
  const org = granter.organisationId;
  const now = opts.clock();
  if (!(await isHandler(db, org, granter.userId))) throw notGranted();
  if (input.expiresAt.getTime() <= now.getTime())
    throw new AppError('validation', {
      invalidParams: [
        {
          name: 'expiresAt',
          code: 'in_past',
          reason: { nl: 'Kies een einddatum in de toekomst.', en: 'choose an end date in the future' },
        },
      ],
    });
  if (!(await hasRole(db, org, input.investigatorUserId, 'integrity_investigator')))
    throw new AppError('not-found', {
      detail: {
        nl: 'Deze persoon is geen externe onderzoeker van deze organisatie.',
        en: 'this person is not an external investigator of this organisation',
      },
    });
  const investigatorKey = (await acceptedKeys(db, org)).find((k) => k.userId === input.investigatorUserId);
  if (!investigatorKey)
    throw new AppError('integrity-no-key', {
      detail: {
        nl: 'De onderzoeker heeft nog geen bevestigde sleutel. Laat de onderzoeker een sleutel maken en bevestig die eerst.',
        en: 'the investigator has no certified key yet: let them make one and certify it first',
      },
    });
  const reportKey = await reportKeyFor(db, granter, input.reportId);
  const grantId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx
      .insert(integrityReportKeys)
      .values({
        reportId: input.reportId,
        handlerKeyId: investigatorKey.id,
        wrapped: wrapReportKeyFor(
          investigatorKey.encryptionPublic,
          reportKey,
          input.reportId,
          investigatorKey.id,
        ),
      })
      .onConflictDoNothing();
    await tx.insert(integrityInvestigatorGrants).values({
      id: grantId,
      organisationId: org,
      reportId: input.reportId,
      investigatorKeyId: investigatorKey.id,
      investigatorUserId: input.investigatorUserId,
      grantedBy: granter.userId,
      grantedAt: now,
      expiresAt: input.expiresAt,
    });
    await audit(tx, actor, {
      action: 'integrity.investigator.grant',
      resourceType: 'integrity_report',
      resourceId: input.reportId,
      organisationId: org,
      diff: { investigator: input.investigatorUserId, expiresAt: input.expiresAt.toISOString() },
    });
  });
  return { grantId };
}

type Grant = typeof integrityInvestigatorGrants.$inferSelect;

/**
 * After a grant ended: deletes the investigator's copy of the report key unless another running grant
 * of the same report for the same key still needs it. True when the copy was deleted.
 */
async function dropCopyUnlessGranted(tx: DbOrTx, g: Grant, now: Date): Promise<boolean> {
  const [still] = await tx
    .select({ id: integrityInvestigatorGrants.id })
    .from(integrityInvestigatorGrants)
    .where(
      and(
        eq(integrityInvestigatorGrants.reportId, g.reportId),
        eq(integrityInvestigatorGrants.investigatorKeyId, g.investigatorKeyId),
        isNull(integrityInvestigatorGrants.endedAt),
        gt(integrityInvestigatorGrants.expiresAt, now),
      ),
    );
  if (still) return false;
  await tx
    .delete(integrityReportKeys)
    .where(
      and(
        eq(integrityReportKeys.reportId, g.reportId),
        eq(integrityReportKeys.handlerKeyId, g.investigatorKeyId),
      ),
    );
  return true;
}

/**
 * An officer or chair who can open the report (an unlocked key holding its copy: the same people who
 * may grant) withdraws a running grant before its end date: the investigator's copy of the report key
 * is deleted in the same transaction as the grant's end and the audit record.
 */
export async function withdrawGrant(
  db: DbOrTx,
  actor: Actor,
  withdrawer: UnlockedKey,
  input: { reportId: string; grantId: string; reason?: string },
  opts: IntegrityOptions,
): Promise<void> {
  const org = withdrawer.organisationId;
  if (!(await isHandler(db, org, withdrawer.userId))) throw notGranted();
  await reportKeyFor(db, withdrawer, input.reportId); // refuses who cannot open the report (recused, excluded)
  const now = opts.clock();
  await db.transaction(async (tx) => {
    const [g] = await tx
      .select()
      .from(integrityInvestigatorGrants)
      .where(
        and(
          eq(integrityInvestigatorGrants.id, input.grantId),
          eq(integrityInvestigatorGrants.reportId, input.reportId),
          eq(integrityInvestigatorGrants.organisationId, org),
          isNull(integrityInvestigatorGrants.endedAt),
        ),
      )
      .for('update');
    if (!g)
      throw new AppError('not-found', {
        detail: {
          nl: 'Deze toegang loopt niet (meer): hij is al beëindigd of ingetrokken.',
          en: 'no running grant with this id for this report',
        },
      });
    await tx
      .update(integrityInvestigatorGrants)
      .set({ endedAt: now })
      .where(eq(integrityInvestigatorGrants.id, g.id));
    const deleted = await dropCopyUnlessGranted(tx, g, now);
    await audit(tx, actor, {
      action: 'integrity.investigator.withdraw',
      resourceType: 'integrity_report',
      resourceId: g.reportId,
      organisationId: org,
      diff: {
        investigator: g.investigatorUserId,
        grantId: g.id,
        expiresAt: g.expiresAt.toISOString(),
        keyCopyDeleted: deleted,
        ...(input.reason?.trim() ? { reason: input.reason.trim().slice(0, 500) } : {}),
      },
    });
  });
}

/** The running grants of one report (for the officer's report page). */
export async function runningGrants(db: DbOrTx, organisationId: string, reportId: string, now: Date) {
  return db
    .select({
      id: integrityInvestigatorGrants.id,
      investigatorUserId: integrityInvestigatorGrants.investigatorUserId,
      expiresAt: integrityInvestigatorGrants.expiresAt,
    })
    .from(integrityInvestigatorGrants)
    .where(
      and(
        eq(integrityInvestigatorGrants.organisationId, organisationId),
        eq(integrityInvestigatorGrants.reportId, reportId),
        isNull(integrityInvestigatorGrants.endedAt),
        gt(integrityInvestigatorGrants.expiresAt, now),
      ),
    );
}

/** Whether this investigator's latest grant of the report was withdrawn (ended before its end date). */
async function wasWithdrawn(db: DbOrTx, organisationId: string, userId: string, reportId: string) {
  const [latest] = await db
    .select({
      endedAt: integrityInvestigatorGrants.endedAt,
      expiresAt: integrityInvestigatorGrants.expiresAt,
    })
    .from(integrityInvestigatorGrants)
    .where(
      and(
        eq(integrityInvestigatorGrants.organisationId, organisationId),
        eq(integrityInvestigatorGrants.investigatorUserId, userId),
        eq(integrityInvestigatorGrants.reportId, reportId),
      ),
    )
    .orderBy(desc(integrityInvestigatorGrants.grantedAt))
    .limit(1);
  return latest?.endedAt != null && latest.endedAt.getTime() < latest.expiresAt.getTime();
}

/** Ends the grants whose period has passed (all, or one organisation's): deletes the key copies, audited. */
export async function expireGrants(
  db: DbOrTx,
  actor: Actor,
  now: Date,
  organisationId?: string,
): Promise<number> {
  const due = await db
    .select()
    .from(integrityInvestigatorGrants)
    .where(
      and(
        isNull(integrityInvestigatorGrants.endedAt),
        lte(integrityInvestigatorGrants.expiresAt, now),
        organisationId ? eq(integrityInvestigatorGrants.organisationId, organisationId) : undefined,
      ),
    );
  for (const g of due) {
    await db.transaction(async (tx) => {
      await tx
        .update(integrityInvestigatorGrants)
        .set({ endedAt: now })
        .where(eq(integrityInvestigatorGrants.id, g.id));
      const still = !(await dropCopyUnlessGranted(tx, g, now));
      await audit(tx, actor, {
        action: 'integrity.investigator.expire',
        resourceType: 'integrity_report',
        resourceId: g.reportId,
        organisationId: g.organisationId,
        diff: { investigator: g.investigatorUserId, grantId: g.id, keyCopyDeleted: !still },
      });
    });
  }
  return due.length;
}

/** The reports granted to this investigator now (after ending any expired grant of theirs). */
export async function grantedReports(
  db: DbOrTx,
  actor: Actor,
  organisationId: string,
  userId: string,
  opts: IntegrityOptions,
) {
  const now = opts.clock();
  await expireGrants(db, actor, now, organisationId);
  return db
    .select({
      reportId: integrityInvestigatorGrants.reportId,
      expiresAt: integrityInvestigatorGrants.expiresAt,
    })
    .from(integrityInvestigatorGrants)
    .where(
      and(
        eq(integrityInvestigatorGrants.organisationId, organisationId),
        eq(integrityInvestigatorGrants.investigatorUserId, userId),
        isNull(integrityInvestigatorGrants.endedAt),
      ),
    );
}

/**
 * What an investigator sees of a granted report: the register line, the content and the conversation
 * (read only; never the reporter's identity). Without a running grant: 404, as for a report that does
 * not exist.
 */
export async function investigatorView(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  opts: IntegrityOptions,
) {
  const granted = await grantedReports(db, actor, key.organisationId, key.userId, opts);
  const grant = granted.find((g) => g.reportId === reportId);
  if (!grant) {
    if (await wasWithdrawn(db, key.organisationId, key.userId, reportId)) throw withdrawn();
    throw notGranted();
  }
  const row = await reportRow(db, key.organisationId, reportId);
  const reportKey = await reportKeyFor(db, key, reportId);
  const register = await registerLine(db, key.organisationId, reportId);
  return {
    register,
    expiresAt: grant.expiresAt,
    deadlines: reportDeadlines(register, opts.clock()),
    content: row.contentSealed
      ? (JSON.parse(openField(reportKey, row.id, 'content', row.contentSealed)) as ReportContent)
      : undefined,
    messages: await messagesOf(db, row.id, reportKey),
  };
}
