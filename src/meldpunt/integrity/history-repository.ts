/** Appending to a report's history (the table refuses changes; see schema.ts and migration 0014). */
import type { DbOrTx } from '../../platform/db/database.js';
import { sealField } from './crypto/report-keys.js';
import type { ReportState } from './model.js';
import { integrityHistory } from './schema.js';

export interface HistoryEntryInput {
  reportId: string;
  organisationId: string;
  at: Date;
  actorUserId: string | null;
  kind: 'transition' | 'note' | 'recusal' | 'document';
  fromState?: ReportState;
  toState?: ReportState;
  outcome?: string;
  /** Sealed under the report key before it is stored. */
  note?: string;
}

export async function appendHistory(tx: DbOrTx, reportKey: Buffer, e: HistoryEntryInput): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(integrityHistory).values({
    id,
    reportId: e.reportId,
    organisationId: e.organisationId,
    at: e.at,
    actorUserId: e.actorUserId,
    kind: e.kind,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    outcome: e.outcome ?? null,
    noteSealed: e.note?.trim() ? sealField(reportKey, e.reportId, 'note', e.note, id) : null,
  });
  return id;
}
