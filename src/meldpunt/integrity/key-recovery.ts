/**
 * Changing a key passphrase, and what the organisation's recovery key can do: reset a handler's
 * forgotten passphrase (it opens the copy of the handler's keys wrapped for it) and certify a new
 * handler's key, giving it a copy of every report key any accepted handler holds. The recovery key is
 * typed in for one request and never stored.
 */

import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import {
  certify,
  openWithRecovery,
  PASSPHRASE_MIN_LENGTH,
  parseRecoveryKey,
  type RecoveryKey,
  sealWithPassphrase,
} from './crypto/handler-keys.js';
import { unwrapReportKey, wrapReportKeyFor } from './crypto/report-keys.js';
import { handlerUserIds } from './handler-roles.js';
import { acceptedKeys, activeKeyRow, b64, bytes, findChannel, keyContext } from './key-repository.js';
import { openKeyWithPassphrase } from './keys-service.js';
import type { IntegrityOptions } from './options.js';
import { isRecused } from './recusals.js';
import { integrityHandlerKeys, integrityReportKeys } from './schema.js';

const invalid = (name: string, code: string, nl: string, en: string) =>
  new AppError('validation', { invalidParams: [{ name, code, reason: { nl, en } }] });

function checkNew(passphrase: string) {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH || passphrase.length > 1024)
    throw invalid(
      'passphrase',
      'too_short',
      `Kies een sleutelwachtwoord van minstens ${PASSPHRASE_MIN_LENGTH} tekens.`,
      `choose a key passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters`,
    );
}

/** The recovery key as typed, checked against the organisation's stored public halves. */
async function recoveryFor(db: DbOrTx, organisationId: string, typed: string): Promise<RecoveryKey> {
  const channel = await findChannel(db, organisationId);
  const recovery = parseRecoveryKey(typed);
  if (!(channel && recovery?.signing.publicKey.equals(channel.recoverySigningPublic)))
    throw invalid(
      'recoveryKey',
      'wrong_recovery_key',
      'Dit is niet de herstelsleutel van deze organisatie.',
      'this is not the recovery key of this organisation',
    );
  return recovery;
}

export async function changePassphrase(
  db: DbOrTx,
  actor: Actor,
  input: { organisationId: string; userId: string; current: string; next: string },
  opts: IntegrityOptions,
): Promise<void> {
  checkNew(input.next);
  const key = await openKeyWithPassphrase(db, { ...input, passphrase: input.current });
  const sealed = await sealWithPassphrase(
    key.keys,
    input.next,
    keyContext(input.organisationId, input.userId),
    opts.passphraseKdf,
  );
  await db.transaction(async (tx) => {
    await tx
      .update(integrityHandlerKeys)
      .set({ passphraseSealed: sealed })
      .where(eq(integrityHandlerKeys.id, key.keyId));
    await audit(tx, actor, {
      action: 'integrity.handler-key.passphrase',
      resourceType: 'integrity_handler_key',
      resourceId: key.keyId,
      organisationId: input.organisationId,
    });
  });
}

/** A forgotten passphrase: the recovery key opens the handler's keys, which get a new passphrase. */
export async function resetWithRecoveryKey(
  db: DbOrTx,
  actor: Actor,
  input: { organisationId: string; userId: string; recoveryKey: string; next: string },
  opts: IntegrityOptions,
): Promise<void> {
  checkNew(input.next);
  const recovery = await recoveryFor(db, input.organisationId, input.recoveryKey);
  const row = await activeKeyRow(db, input.organisationId, input.userId);
  if (!row)
    throw new AppError('integrity-keys-locked', {
      detail: { nl: 'U hebt nog geen sleutel.', en: 'you have no key yet' },
    });
  const ctx = keyContext(input.organisationId, input.userId);
  const keys = openWithRecovery(row.recoveryWrapped, recovery, ctx);
  const sealed = await sealWithPassphrase(keys, input.next, ctx, opts.passphraseKdf);
  await db.transaction(async (tx) => {
    await tx
      .update(integrityHandlerKeys)
      .set({ passphraseSealed: sealed })
      .where(eq(integrityHandlerKeys.id, row.id));
    await audit(tx, actor, {
      action: 'integrity.handler-key.recover',
      resourceType: 'integrity_handler_key',
      resourceId: row.id,
      organisationId: input.organisationId,
    });
  });
}

/**
 * The recovery key certifies a pending key and gives it every report key held by an accepted handler
 * (for when no handler who could certify is left).
 */
export async function certifyWithRecoveryKey(
  db: DbOrTx,
  actor: Actor,
  input: { organisationId: string; pendingKeyId: string; recoveryKey: string },
): Promise<void> {
  const recovery = await recoveryFor(db, input.organisationId, input.recoveryKey);
  await db.transaction(async (tx) => {
    const accepted = await acceptedKeys(tx, input.organisationId);
    const [row] = await tx
      .select()
      .from(integrityHandlerKeys)
      .where(
        and(
          eq(integrityHandlerKeys.id, input.pendingKeyId),
          eq(integrityHandlerKeys.organisationId, input.organisationId),
          isNull(integrityHandlerKeys.revokedAt),
        ),
      );
    if (!row || accepted.some((k) => k.id === row.id))
      throw new AppError('not-found', {
        detail: { nl: 'Deze sleutel wacht niet op bevestiging.', en: 'no pending key with this id' },
      });
    const pub = {
      id: row.id,
      organisationId: row.organisationId,
      userId: row.userId,
      encryptionPublic: bytes(row.encryptionPublic),
      signingPublic: bytes(row.signingPublic),
    };
    await tx
      .update(integrityHandlerKeys)
      .set({ signedBy: 'recovery', signature: b64(certify(recovery.signing.privateKey, pub)) })
      .where(eq(integrityHandlerKeys.id, row.id));
    const given = new Set<string>();
    // only officers' and chairs' keys receive the reports, and only from theirs (not investigators')
    const handlers = await handlerUserIds(tx, input.organisationId);
    for (const holder of handlers.has(row.userId) ? accepted.filter((k) => handlers.has(k.userId)) : []) {
      const keys = openWithRecovery(
        holder.row.recoveryWrapped,
        recovery,
        keyContext(holder.organisationId, holder.userId),
      );
      for (const h of await tx
        .select()
        .from(integrityReportKeys)
        .where(eq(integrityReportKeys.handlerKeyId, holder.id))) {
        if (given.has(h.reportId)) continue;
        const reportKey = unwrapReportKey(keys.encryption, h.wrapped, h.reportId, holder.id);
        // a person recused from the report does not get it back with a new key
        if (await isRecused(tx, reportKey, h.reportId, row.userId)) continue;
        await tx.insert(integrityReportKeys).values({
          reportId: h.reportId,
          handlerKeyId: row.id,
          wrapped: wrapReportKeyFor(pub.encryptionPublic, reportKey, h.reportId, row.id),
        });
        given.add(h.reportId);
      }
    }
    await audit(tx, actor, {
      action: 'integrity.handler-key.certify',
      resourceType: 'integrity_handler_key',
      resourceId: row.id,
      organisationId: row.organisationId,
      diff: { signedBy: 'recovery', reports: given.size },
    });
  });
}
