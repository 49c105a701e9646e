/**
 * Test and demo helpers for the integrity channel: an organisation with a set-up channel and a handler
 * whose key is unlocked for a session. Built through the real services.
 */
import { randomBytes } from 'node:crypto';
import { systemActor } from '../../platform/audit/audit.js';
import { hashSecret } from '../../platform/auth/tokens.js';
import type { Database } from '../../platform/db/database.js';
import { createOrganisation } from '../../platform/orgs/service.js';
import { TEST_KDF } from './crypto/receipt.js';
import { systemClock } from './deadlines.js';
import { grantInvestigator } from './investigators.js';
import {
  findChannel,
  handlerKeyStatus,
  openKeyWithPassphrase,
  sessionKey,
  setUpChannel,
  type UnlockedKey,
  unlockForSession,
} from './keys-service.js';
import { submitReport } from './reports-service.js';

/** What the tenant-isolation test gives a fixture (test/support/route-fixtures.ts). */
interface IsolationWorld {
  database: Database;
  orgA: { id: string };
  userA: { id: string };
}

import type { IntegrityOptions } from './options.js';

export const testOptions = (clock = systemClock): IntegrityOptions => ({
  clock,
  receiptKdf: TEST_KDF,
  passphraseKdf: TEST_KDF,
});

let next = 0;
/** A fresh gemeente with an unused code (GM98xx–GM99xx). */
export async function createTestOrganisation(database: Database) {
  const code = `GM${9800 + ((process.pid + next++) % 200)}`;
  return createOrganisation(
    database.db,
    {
      code,
      name: `Integriteitdorp ${randomBytes(2).toString('hex')}`,
      layer: 'gemeente',
      provinceCode: 'PV26',
      inhabitants: 60000,
    },
    systemActor,
  );
}

/** Sets up the channel for `user` and unlocks their key in their session. */
export async function setUpHandler(
  database: Database,
  organisationId: string,
  user: { id: string; sessionToken: string },
  opts: IntegrityOptions,
  passphrase = 'een lang sleutelwachtwoord',
): Promise<{ recoveryKey: string; key: UnlockedKey; sessionId: string }> {
  const { recoveryKey } = await setUpChannel(
    database.db,
    systemActor,
    { organisationId, userId: user.id, passphrase },
    opts,
  );
  const sessionId = await sessionIdOf(database, user.sessionToken);
  await unlockForSession(database.db, systemActor, {
    organisationId,
    userId: user.id,
    sessionId,
    sessionToken: user.sessionToken,
    passphrase,
  });
  const key = await sessionKey(database.db, {
    organisationId,
    userId: user.id,
    sessionId,
    sessionToken: user.sessionToken,
  });
  if (!key) throw new Error('setUpHandler: key did not unlock');
  return { recoveryKey, key, sessionId };
}

export async function sessionIdOf(database: Database, sessionToken: string): Promise<string> {
  const rows = await database.query<{ id: string }>('select id from sessions where token_hash = $1', [
    hashSecret(sessionToken),
  ]);
  if (!rows[0]) throw new Error('sessionIdOf: no such session');
  return rows[0].id;
}

/** For the tenant-isolation test: A's channel (set up once by userA) and a report in it. */
export async function isolationReport(w: IsolationWorld): Promise<string> {
  await isolationKey(w);
  const { reportId } = await submitReport(
    w.database.db,
    w.orgA.id,
    { category: 'overig', content: { what: 'isolation', involved: '', when: '' }, identityMode: 'anonymous' },
    testOptions(),
  );
  return reportId;
}

/** For the tenant-isolation test: an attachment of a report in A's channel. */
export async function isolationAttachment(w: IsolationWorld): Promise<string> {
  await isolationKey(w);
  const { reportId } = await submitReport(
    w.database.db,
    w.orgA.id,
    {
      category: 'overig',
      content: { what: 'isolation', involved: '', when: '' },
      identityMode: 'anonymous',
      attachments: [{ name: 'isolation.txt', data: Buffer.from('A’s attachment') }],
    },
    testOptions(),
  );
  const rows = await w.database.query<{ id: string }>(
    'select id from integrity_attachments where report_id = $1',
    [reportId],
  );
  return rows[0]!.id;
}

/**
 * For the tenant-isolation test: a running investigator grant of a report in A's channel (userA holds
 * every role of A, external investigator included, and grants it to themselves with their own key).
 */
export async function isolationGrant(w: IsolationWorld): Promise<string> {
  const reportId = await isolationReport(w);
  const key = await openKeyWithPassphrase(w.database.db, {
    organisationId: w.orgA.id,
    userId: w.userA.id,
    passphrase: 'isolation passphrase',
  });
  const { grantId } = await grantInvestigator(
    w.database.db,
    systemActor,
    key,
    { reportId, investigatorUserId: w.userA.id, expiresAt: new Date(Date.now() + 30 * 86_400_000) },
    testOptions(),
  );
  return grantId;
}

export async function isolationKey(w: IsolationWorld): Promise<string> {
  const opts = testOptions();
  if (!(await findChannel(w.database.db, w.orgA.id)))
    await setUpChannel(
      w.database.db,
      systemActor,
      { organisationId: w.orgA.id, userId: w.userA.id, passphrase: 'isolation passphrase' },
      opts,
    );
  return (await handlerKeyStatus(w.database.db, w.orgA.id, w.userA.id))!.keyId;
}
