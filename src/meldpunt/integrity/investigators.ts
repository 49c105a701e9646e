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
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { openField, wrapReportKeyFor } from './crypto/report-keys.js';
import { reportDeadlines } from './deadlines.js';
import { expireGrants, wasWithdrawn, withdrawn } from './grant-ends.js';
import { hasRole, isHandler } from './handler-roles.js';
import { acceptedKeys, type UnlockedKey } from './keys-service.js';
import type { ReportContent } from './model.js';
import type { IntegrityOptions } from './options.js';
import { messagesOf, registerLine, reportKeyFor, reportRow } from './report-repository.js';
import { integrityInvestigatorGrants, integrityReportKeys } from './schema.js';

export { expireGrants, runningGrants, withdrawGrant } from './grant-ends.js';

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
