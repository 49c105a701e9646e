/**
 * Moving a report through the handreiking's steps, notes, and recusal. Every change appends to the
 * history and writes its audit record in the same transaction; notes are sealed under the report key.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { openField, wrapReportKeyFor } from './crypto/report-keys.js';
import { handlerUserIds, hasRole, usersWithRole } from './handler-roles.js';
import { appendHistory } from './history-repository.js';
import { acceptedKeys, type UnlockedKey } from './keys-service.js';
import type { ReportState } from './model.js';
import type { IntegrityOptions } from './options.js';
import { isRecused, recordRecusals } from './recusals.js';
import { reportKeyFor } from './reports-service.js';
import { integrityHistory, integrityRegister, integrityReportKeys } from './schema.js';
import { canMove, chairDecides, findings, type Outcome, outcomeRule } from './workflow.js';

const invalid = (name: string, code: string, nl: string, en: string) =>
  new AppError('validation', { invalidParams: [{ name, code, reason: { nl, en } }] });

/** One step forward, with an optional note and the outcome where the step needs one. */
export async function moveReport(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  input: { to: ReportState; note?: string; outcome?: string },
  opts: IntegrityOptions,
): Promise<void> {
  const reportKey = await reportKeyFor(db, key, reportId);
  const at = opts.clock();
  const chair = await hasRole(db, key.organisationId, key.userId, 'integrity_chair');
  await db.transaction(async (tx) => {
    const [line] = await tx
      .select()
      .from(integrityRegister)
      .where(
        and(
          eq(integrityRegister.reportId, reportId),
          eq(integrityRegister.organisationId, key.organisationId),
        ),
      )
      .for('update');
    if (!line)
      throw new AppError('not-found', { detail: { nl: 'Deze melding bestaat niet.', en: 'no such report' } });
    const from = line.state as ReportState;
    if (!canMove(from, input.to))
      throw invalid(
        'to',
        'invalid_step',
        'Deze stap kan nu niet. Kies een van de volgende stappen.',
        `cannot move from ${from} to ${input.to}`,
      );
    if (chairDecides(from) && !chair)
      throw new AppError('forbidden', {
        detail: {
          nl: 'Dit besluit neemt de voorzitter (burgemeester, commissaris van de Koning of dijkgraaf). Leg uw advies vast als notitie.',
          en: 'this decision is the chair’s (mayor, King’s commissioner or dijkgraaf); record your advice as a note',
        },
      });
    const rule = outcomeRule(from, input.to);
    let outcome: Outcome | undefined;
    if (rule === 'geen_vervolg') outcome = 'geen_vervolg';
    if (rule === 'finding') {
      if (!findings.includes(input.outcome as Outcome))
        throw invalid(
          'outcome',
          'required',
          'Kies de uitkomst: gegrond, deels gegrond of ongegrond.',
          'choose the finding',
        );
      outcome = input.outcome as Outcome;
    }
    await appendHistory(tx, reportKey, {
      reportId,
      organisationId: key.organisationId,
      at,
      actorUserId: key.userId,
      kind: 'transition',
      fromState: from,
      toState: input.to,
      outcome,
      note: input.note,
    });
    await tx
      .update(integrityRegister)
      .set({
        state: input.to,
        ...(outcome ? { outcome } : {}),
        ...(input.to === 'gearchiveerd' ? { closedAt: at } : {}),
      })
      .where(eq(integrityRegister.reportId, reportId));
    await audit(tx, actor, {
      action: 'integrity.report.move',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId: key.organisationId,
      diff: { state: [from, input.to], outcome },
    });
  });
}

export async function addNote(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  note: string,
  opts: IntegrityOptions,
) {
  if (!note.trim()) throw invalid('note', 'required', 'Schrijf een notitie.', 'write a note');
  const reportKey = await reportKeyFor(db, key, reportId);
  await db.transaction(async (tx) => {
    const id = await appendHistory(tx, reportKey, {
      reportId,
      organisationId: key.organisationId,
      at: opts.clock(),
      actorUserId: key.userId,
      kind: 'note',
      note,
    });
    await audit(tx, actor, {
      action: 'integrity.report.note',
      resourceType: 'integrity_history',
      resourceId: id,
      organisationId: key.organisationId,
      diff: { reportId },
    });
  });
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actorUserId: string | null;
  kind: 'transition' | 'note' | 'recusal' | 'document';
  fromState: ReportState | null;
  toState: ReportState | null;
  outcome: string | null;
  note?: string;
}

export async function historyOf(db: DbOrTx, key: UnlockedKey, reportId: string): Promise<HistoryEntry[]> {
  const reportKey = await reportKeyFor(db, key, reportId);
  const rows = await db
    .select()
    .from(integrityHistory)
    .where(eq(integrityHistory.reportId, reportId))
    .orderBy(asc(integrityHistory.seq));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actorUserId,
    kind: r.kind as HistoryEntry['kind'],
    fromState: r.fromState as ReportState | null,
    toState: r.toState as ReportState | null,
    outcome: r.outcome,
    note: r.noteSealed ? openField(reportKey, reportId, 'note', r.noteSealed, r.id) : undefined,
  }));
}

/**
 * Recusal: a handler named in the report or with a conflict of interest loses their copy of the report
 * key (deleted, so they cannot open the report any more) and is recorded as recused (recusals.ts), so
 * no later key of theirs gets it back. Any handler with access may recuse themselves or another.
 *
 * The report must stay with at least one certified officer or chair who is not recused (issue 17
 * item 4); an external investigator's copy does not count. When the recusal would leave none, the
 * report is escalated to the organisation's chair(s): their certified keys get a copy (unless they
 * are recused themselves), in the same transaction, audited `integrity.report.escalate`. When there
 * is no such chair either, the recusal is refused (409) with what to do.
 */
export async function recuse(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  targetKeyId: string,
  reason: string,
  opts: IntegrityOptions,
): Promise<{ escalatedTo: string[] }> {
  const reportKey = await reportKeyFor(db, key, reportId);
  const at = opts.clock();
  return db.transaction(async (tx) => {
    const holders = await tx
      .select({ keyId: integrityReportKeys.handlerKeyId })
      .from(integrityReportKeys)
      .where(eq(integrityReportKeys.reportId, reportId))
      .for('update');
    const accepted = await acceptedKeys(tx, key.organisationId);
    const target = accepted.find((k) => k.id === targetKeyId);
    if (!target || !holders.some((h) => h.keyId === targetKeyId))
      throw new AppError('not-found', {
        detail: {
          nl: 'Deze behandelaar heeft geen toegang tot deze melding.',
          en: 'this handler has no access to this report',
        },
      });
    const handlers = await handlerUserIds(tx, key.organisationId);
    const holding = new Set(holders.map((h) => h.keyId));
    const remaining = accepted.filter(
      (k) =>
        k.id !== targetKeyId && k.userId !== target.userId && holding.has(k.id) && handlers.has(k.userId),
    );
    const escalateTo: typeof accepted = [];
    if (remaining.length === 0) {
      const chairs = await usersWithRole(tx, key.organisationId, 'integrity_chair');
      for (const k of accepted)
        if (
          chairs.has(k.userId) &&
          k.userId !== target.userId &&
          !holding.has(k.id) &&
          !(await isRecused(tx, reportKey, reportId, k.userId))
        )
          escalateTo.push(k);
      if (escalateTo.length === 0)
        throw new AppError('conflict', {
          detail: {
            nl: 'Na deze terugtreding kan geen integriteitsfunctionaris of voorzitter de melding nog openen. Laat eerst een andere integriteitsfunctionaris toe (sleutel bevestigen), of laat de voorzitter (burgemeester, commissaris van de Koning of dijkgraaf) een sleutel maken die u bevestigt; dan gaat de melding naar de voorzitter.',
            en: 'after this recusal no integrity officer or chair could open the report: first certify another officer’s key, or let the chair make a key and certify it, so the report goes to the chair',
          },
        });
    }
    for (const k of escalateTo)
      await tx.insert(integrityReportKeys).values({
        reportId,
        handlerKeyId: k.id,
        wrapped: wrapReportKeyFor(k.encryptionPublic, reportKey, reportId, k.id),
      });
    await recordRecusals(tx, reportKey, reportId, [target.userId], at);
    await appendHistory(tx, reportKey, {
      reportId,
      organisationId: key.organisationId,
      at,
      actorUserId: key.userId,
      kind: 'recusal',
      note: reason,
    });
    await tx
      .delete(integrityReportKeys)
      .where(
        and(eq(integrityReportKeys.reportId, reportId), eq(integrityReportKeys.handlerKeyId, targetKeyId)),
      );
    await audit(tx, actor, {
      action: 'integrity.report.recuse',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId: key.organisationId,
      diff: { recusedKey: targetKeyId },
    });
    if (escalateTo.length)
      await audit(tx, actor, {
        action: 'integrity.report.escalate',
        resourceType: 'integrity_report',
        resourceId: reportId,
        organisationId: key.organisationId,
        diff: { reason: 'recusal', toKeys: escalateTo.map((k) => k.id) },
      });
    return { escalatedTo: escalateTo.map((k) => k.userId) };
  });
}

/** The handler keys that hold a copy of this report's key (for the recusal form). */
export async function keyHolders(db: DbOrTx, reportId: string): Promise<string[]> {
  const rows = await db
    .select({ keyId: integrityReportKeys.handlerKeyId })
    .from(integrityReportKeys)
    .where(eq(integrityReportKeys.reportId, reportId));
  return rows.map((r) => r.keyId);
}
