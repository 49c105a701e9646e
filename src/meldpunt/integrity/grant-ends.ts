/**
 * How an external investigator's grant ends (investigators.ts): at its end date (`expireGrants`, the
 * hourly job or the investigator's next access) or withdrawn early by an officer or chair who can open
 * the report (`withdrawGrant`). Either way the investigator's wrapped copy of the report key is deleted
 * in the same transaction as the grant's end and its audit record. A grant that ended before its end
 * date was withdrawn (`ended_at < expires_at`): the investigator then gets 410, not 404.
 */
import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { isHandler } from './handler-roles.js';
import type { UnlockedKey } from './keys-service.js';
import type { IntegrityOptions } from './options.js';
import { reportKeyFor } from './report-repository.js';
import { integrityInvestigatorGrants, integrityReportKeys } from './schema.js';

export const withdrawn = () =>
  new AppError('integrity-access-withdrawn', {
    detail: {
      nl: 'Uw toegang tot deze melding is ingetrokken. De sleutel van deze melding is van uw sleutel verwijderd.',
      en: 'your access to this report was withdrawn: the copy of its key for your key has been deleted',
    },
  });

const notAHandler = () =>
  new AppError('not-found', {
    detail: {
      nl: 'Deze melding bestaat niet of is niet (meer) aan u toegewezen.',
      en: 'no such report, or it is not (or no longer) granted to you',
    },
  });

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
  if (!(await isHandler(db, org, withdrawer.userId))) throw notAHandler();
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
export async function wasWithdrawn(db: DbOrTx, organisationId: string, userId: string, reportId: string) {
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
