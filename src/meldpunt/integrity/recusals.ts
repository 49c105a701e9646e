/**
 * Recusal records (issue 17 item 4): a handler named in a report, excluded by the reporter, or with a
 * declared conflict of interest is recused, and stays so. Stored as keyed tags (schema.ts
 * `integrity_recusals`): HMAC-SHA-256 under HKDF(report key, 'recusal:<report>') of the user's id, so
 * only a holder of the report key can tell whether a given person is recused. Recusal is per person,
 * not per key: a new key of a recused officer (certified later) gets no copy of the report.
 */
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { deriveKey } from './crypto/aead.js';
import { integrityRecusals } from './schema.js';

export function recusalTag(reportKey: Buffer, reportId: string, userId: string): string {
  return createHmac('sha256', deriveKey(reportKey, `recusal:${reportId}`))
    .update(userId)
    .digest('base64url');
}

export async function recordRecusals(
  tx: DbOrTx,
  reportKey: Buffer,
  reportId: string,
  userIds: Iterable<string>,
  at: Date,
): Promise<void> {
  const tags = [...new Set(userIds)].map((u) => ({ reportId, tag: recusalTag(reportKey, reportId, u), at }));
  if (tags.length) await tx.insert(integrityRecusals).values(tags).onConflictDoNothing();
}

export async function isRecused(
  db: DbOrTx,
  reportKey: Buffer,
  reportId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ tag: integrityRecusals.tag })
    .from(integrityRecusals)
    .where(
      and(
        eq(integrityRecusals.reportId, reportId),
        eq(integrityRecusals.tag, recusalTag(reportKey, reportId, userId)),
      ),
    );
  return row !== undefined;
}
