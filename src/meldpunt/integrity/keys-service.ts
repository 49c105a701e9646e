/**
 * Handler keys and the organisation's channel: setting up the channel (first handler + recovery key),
 * new handler keys (accepted only once certified), unlocking a key for one session, and finding the
 * keys that may receive a report. See docs/integrity-encryption.md.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/audit.js';
import { audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { DecryptionError } from './crypto/aead.js';
import {
  certify,
  displayRecoveryKey,
  newHandlerKeys,
  newRecoveryKey,
  openForSession,
  openWithPassphrase,
  PASSPHRASE_MIN_LENGTH,
  type PassphraseSealed,
  sealForSession,
  sealWithPassphrase,
  wrapForRecovery,
} from './crypto/handler-keys.js';
import { unwrapReportKey, wrapReportKeyFor } from './crypto/report-keys.js';
import { isHandler } from './handler-roles.js';
import {
  acceptedKeys,
  activeKeyRow,
  b64,
  bytes,
  findChannel,
  insertKey,
  keyContext,
  type UnlockedKey,
} from './key-repository.js';
import type { IntegrityOptions } from './options.js';
import { isRecused } from './recusals.js';
import {
  integrityChannels,
  integrityHandlerKeys,
  integrityReportKeys,
  integritySessionKeys,
} from './schema.js';

export { acceptedKeys, type Channel, findChannel, pendingKeys, type UnlockedKey } from './key-repository.js';

function checkPassphrase(passphrase: string) {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH || passphrase.length > 1024)
    throw new AppError('validation', {
      invalidParams: [
        {
          name: 'passphrase',
          code: 'too_short',
          reason: {
            nl: `Kies een sleutelwachtwoord van minstens ${PASSPHRASE_MIN_LENGTH} tekens.`,
            en: `choose a key passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters`,
          },
        },
      ],
    });
}

async function sealNewKeys(
  organisationId: string,
  userId: string,
  passphrase: string,
  recoveryPublic: Buffer,
  opts: IntegrityOptions,
) {
  const keys = newHandlerKeys();
  const ctx = keyContext(organisationId, userId);
  return {
    keys,
    passphraseSealed: await sealWithPassphrase(keys, passphrase, ctx, opts.passphraseKdf),
    recoveryWrapped: wrapForRecovery(keys, recoveryPublic, ctx),
  };
}

/**
 * The first handler sets up the organisation's channel: a recovery key (returned once, to be printed
 * and kept offline), the receipt-code salt, and the handler's own key, certified by the recovery key.
 */
export async function setUpChannel(
  db: DbOrTx,
  actor: Actor,
  input: { organisationId: string; userId: string; passphrase: string },
  opts: IntegrityOptions,
): Promise<{ recoveryKey: string; keyId: string }> {
  checkPassphrase(input.passphrase);
  const recovery = newRecoveryKey();
  const sealed = await sealNewKeys(
    input.organisationId,
    input.userId,
    input.passphrase,
    recovery.encryption.publicKey,
    opts,
  );
  const keyId = crypto.randomUUID();
  const pub = {
    id: keyId,
    organisationId: input.organisationId,
    userId: input.userId,
    encryptionPublic: sealed.keys.encryption.publicKey,
    signingPublic: sealed.keys.signing.publicKey,
  };
  await db.transaction(async (tx) => {
    if (await findChannel(tx, input.organisationId))
      throw new AppError('conflict', {
        detail: {
          nl: 'Het meldpunt van deze organisatie is al ingericht. Vraag een andere behandelaar om uw sleutel te bevestigen.',
          en: 'this organisation’s channel is already set up; ask another handler to certify your key',
        },
      });
    await tx.insert(integrityChannels).values({
      organisationId: input.organisationId,
      receiptSalt: b64(randomBytes(16)),
      receiptKdf: opts.receiptKdf,
      recoveryEncryptionPublic: b64(recovery.encryption.publicKey),
      recoverySigningPublic: b64(recovery.signing.publicKey),
    });
    await insertKey(tx, pub, sealed, {
      signedBy: 'recovery',
      signature: certify(recovery.signing.privateKey, pub),
    });
    await audit(tx, actor, {
      action: 'integrity.channel.create',
      resourceType: 'integrity_channel',
      resourceId: input.organisationId,
      organisationId: input.organisationId,
      diff: { firstHandlerKey: keyId },
    });
  });
  return { recoveryKey: displayRecoveryKey(recovery), keyId };
}

/** A later handler makes a key; it receives nothing until an existing handler (or the recovery key) certifies it. */
export async function createHandlerKey(
  db: DbOrTx,
  actor: Actor,
  input: { organisationId: string; userId: string; passphrase: string },
  opts: IntegrityOptions,
): Promise<{ keyId: string }> {
  checkPassphrase(input.passphrase);
  const channel = await findChannel(db, input.organisationId);
  if (!channel)
    throw new AppError('not-found', {
      detail: { nl: 'Dit meldpunt is nog niet ingericht.', en: 'channel not set up' },
    });
  const sealed = await sealNewKeys(
    input.organisationId,
    input.userId,
    input.passphrase,
    channel.recoveryEncryptionPublic,
    opts,
  );
  const keyId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    if (await activeKeyRow(tx, input.organisationId, input.userId))
      throw new AppError('conflict', {
        detail: { nl: 'U hebt al een sleutel.', en: 'you already have a key' },
      });
    const pub = {
      id: keyId,
      organisationId: input.organisationId,
      userId: input.userId,
      encryptionPublic: sealed.keys.encryption.publicKey,
      signingPublic: sealed.keys.signing.publicKey,
    };
    await insertKey(tx, pub, sealed, undefined);
    await audit(tx, actor, {
      action: 'integrity.handler-key.create',
      resourceType: 'integrity_handler_key',
      resourceId: keyId,
      organisationId: input.organisationId,
    });
  });
  return { keyId };
}

export interface HandlerKeyStatus {
  keyId: string;
  certified: boolean;
}

/** The state of a user's key: none, waiting for certification, or certified. */
export async function handlerKeyStatus(
  db: DbOrTx,
  organisationId: string,
  userId: string,
): Promise<HandlerKeyStatus | undefined> {
  const row = await activeKeyRow(db, organisationId, userId);
  if (!row) return undefined;
  const accepted = await acceptedKeys(db, organisationId);
  return { keyId: row.id, certified: accepted.some((k) => k.id === row.id) };
}

/**
 * A certified handler vouches for a pending key: signs it and, when the key's owner is an officer or
 * chair, gives it a copy of every report key the certifier holds (reports the certifier cannot open
 * stay closed to the new key too). Anyone else's key (an external investigator's) gets nothing here:
 * only a grant for one report (investigators.ts).
 */
export async function certifyHandlerKey(
  db: DbOrTx,
  actor: Actor,
  certifier: UnlockedKey,
  pendingKeyId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const accepted = await acceptedKeys(tx, certifier.organisationId);
    if (!accepted.some((k) => k.id === certifier.keyId)) throw new AppError('integrity-keys-locked');
    const [row] = await tx
      .select()
      .from(integrityHandlerKeys)
      .where(
        and(
          eq(integrityHandlerKeys.id, pendingKeyId),
          eq(integrityHandlerKeys.organisationId, certifier.organisationId),
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
    const signature = certify(certifier.keys.signing.privateKey, pub);
    await tx
      .update(integrityHandlerKeys)
      .set({ signedBy: certifier.keyId, signature: b64(signature) })
      .where(eq(integrityHandlerKeys.id, row.id));
    const held = (await isHandler(tx, row.organisationId, row.userId))
      ? await tx
          .select()
          .from(integrityReportKeys)
          .where(eq(integrityReportKeys.handlerKeyId, certifier.keyId))
      : [];
    let given = 0;
    for (const h of held) {
      const reportKey = unwrapReportKey(certifier.keys.encryption, h.wrapped, h.reportId, certifier.keyId);
      // a person recused from the report (excluded, named, conflict) does not get it back with a new key
      if (await isRecused(tx, reportKey, h.reportId, row.userId)) continue;
      given++;
      await tx.insert(integrityReportKeys).values({
        reportId: h.reportId,
        handlerKeyId: row.id,
        wrapped: wrapReportKeyFor(pub.encryptionPublic, reportKey, h.reportId, row.id),
      });
    }
    await audit(tx, actor, {
      action: 'integrity.handler-key.certify',
      resourceType: 'integrity_handler_key',
      resourceId: row.id,
      organisationId: row.organisationId,
      diff: { signedBy: certifier.keyId, reports: given },
    });
  });
}

/** Opens a handler's key with the key passphrase (a clear refusal when it is wrong). */
export async function openKeyWithPassphrase(
  db: DbOrTx,
  input: { organisationId: string; userId: string; passphrase: string },
): Promise<UnlockedKey> {
  const row = await activeKeyRow(db, input.organisationId, input.userId);
  if (!row)
    throw new AppError('integrity-keys-locked', {
      detail: { nl: 'U hebt nog geen sleutel.', en: 'you have no key yet' },
    });
  try {
    const keys = await openWithPassphrase(
      row.passphraseSealed as PassphraseSealed,
      input.passphrase,
      keyContext(input.organisationId, input.userId),
    );
    return { keyId: row.id, organisationId: input.organisationId, userId: input.userId, keys };
  } catch (err) {
    if (err instanceof DecryptionError)
      throw new AppError('integrity-passphrase', {
        detail: { nl: 'Dit sleutelwachtwoord klopt niet.', en: 'this key passphrase is wrong' },
      });
    throw err;
  }
}

/** Opens the handler's key with the key passphrase and keeps it, for this session only, under the session token. */
export async function unlockForSession(
  db: DbOrTx,
  actor: Actor,
  input: {
    organisationId: string;
    userId: string;
    sessionId: string;
    sessionToken: string;
    passphrase: string;
  },
): Promise<void> {
  const key = await openKeyWithPassphrase(db, input);
  const sealed = sealForSession(key.keys, input.sessionToken, `${input.sessionId}:${key.keyId}`);
  await db.transaction(async (tx) => {
    await tx
      .delete(integritySessionKeys)
      .where(
        and(
          eq(integritySessionKeys.sessionId, input.sessionId),
          eq(integritySessionKeys.handlerKeyId, key.keyId),
        ),
      );
    await tx
      .insert(integritySessionKeys)
      .values({ sessionId: input.sessionId, handlerKeyId: key.keyId, sealed });
    await audit(tx, actor, {
      action: 'integrity.handler-key.unlock',
      resourceType: 'integrity_handler_key',
      resourceId: key.keyId,
      organisationId: input.organisationId,
    });
  });
}

/** The handler's key for this request, if unlocked in this session; undefined otherwise. */
export async function sessionKey(
  db: DbOrTx,
  input: { organisationId: string; userId: string; sessionId: string; sessionToken: string },
): Promise<UnlockedKey | undefined> {
  const row = await activeKeyRow(db, input.organisationId, input.userId);
  if (!row) return undefined;
  const [s] = await db
    .select()
    .from(integritySessionKeys)
    .where(
      and(eq(integritySessionKeys.sessionId, input.sessionId), eq(integritySessionKeys.handlerKeyId, row.id)),
    );
  if (!s) return undefined;
  try {
    const keys = openForSession(s.sealed, input.sessionToken, `${input.sessionId}:${row.id}`);
    return { keyId: row.id, organisationId: input.organisationId, userId: input.userId, keys };
  } catch {
    return undefined;
  }
}

/** Locks the key again (sign-out does this too: the copy is useless without the session token). */
export async function lockSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(integritySessionKeys).where(eq(integritySessionKeys.sessionId, sessionId));
}
