import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { auditLog } from './schema.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not match. */
  brokenAt?: { seq: number; reason: string };
}

/** Walks the whole chain in batches and recomputes every hash. */
export async function verifyAuditChain(
  db: DbOrTx,
  onProgress?: (checked: number) => void,
  batchSize = 5000,
): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== lastSeq + 1)
        return { ok: false, checked, brokenAt: { seq: r.seq, reason: `gap after ${lastSeq}` } };
      if (r.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: { seq: r.seq, reason: 'link to the previous entry does not match' },
        };
      }
      const expected = entryHash(prevHash, { ...r, diff: r.diff });
      if (expected !== r.hash)
        return { ok: false, checked, brokenAt: { seq: r.seq, reason: 'content does not match its hash' } };
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
    onProgress?.(checked);
  }
  return { ok: true, checked };
}
