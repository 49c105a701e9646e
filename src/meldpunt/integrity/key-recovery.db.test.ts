import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { displayRecoveryKey, newRecoveryKey } from './crypto/handler-keys.js';
import { createTestOrganisation, setUpHandler, testOptions } from './fixtures.js';
import { certifyWithRecoveryKey, changePassphrase, resetWithRecoveryKey } from './key-recovery.js';
import { acceptedKeys, createHandlerKey, openKeyWithPassphrase } from './keys-service.js';
import { handlerView, submitReport } from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const isCode = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;
const submission = {
  category: 'overig' as const,
  content: { what: 'Iets vreemds', involved: '', when: '' },
  identityMode: 'anonymous' as const,
};

async function world() {
  const opts = testOptions();
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const handler = await setUpHandler(database, org.id, officer, opts, 'het eerste wachtwoord');
  return { opts, org, officer, handler };
}

test('changing the key passphrase re-seals the key: the old one stops working, reports stay readable', async () => {
  const { opts, org, officer } = await world();
  const { reportId } = await submitReport(database.db, org.id, submission, opts);
  const input = { organisationId: org.id, userId: officer.id };
  await assert.rejects(
    changePassphrase(
      database.db,
      systemActor,
      { ...input, current: 'niet het wachtwoord', next: 'het tweede wachtwoord' },
      opts,
    ),
    isCode('integrity-passphrase'),
  );
  await assert.rejects(
    changePassphrase(
      database.db,
      systemActor,
      { ...input, current: 'het eerste wachtwoord', next: 'kort' },
      opts,
    ),
    isCode('validation'),
  );
  await changePassphrase(
    database.db,
    systemActor,
    { ...input, current: 'het eerste wachtwoord', next: 'het tweede wachtwoord' },
    opts,
  );
  await assert.rejects(
    openKeyWithPassphrase(database.db, { ...input, passphrase: 'het eerste wachtwoord' }),
    isCode('integrity-passphrase'),
  );
  const key = await openKeyWithPassphrase(database.db, { ...input, passphrase: 'het tweede wachtwoord' });
  assert.equal((await handlerView(database.db, key, reportId, opts)).content?.what, 'Iets vreemds');
});

test('a forgotten passphrase is reset with the recovery key, and only with this organisation`s', async () => {
  const { opts, org, officer, handler } = await world();
  const input = { organisationId: org.id, userId: officer.id, next: 'een nieuw wachtwoord' };
  await assert.rejects(
    resetWithRecoveryKey(
      database.db,
      systemActor,
      { ...input, recoveryKey: displayRecoveryKey(newRecoveryKey()) },
      opts,
    ),
    isCode('validation'),
  );
  await assert.rejects(
    resetWithRecoveryKey(database.db, systemActor, { ...input, recoveryKey: 'onzin' }, opts),
    isCode('validation'),
  );
  await resetWithRecoveryKey(
    database.db,
    systemActor,
    { ...input, recoveryKey: handler.recoveryKey.toLowerCase() },
    opts,
  );
  assert.ok(
    await openKeyWithPassphrase(database.db, {
      organisationId: org.id,
      userId: officer.id,
      passphrase: 'een nieuw wachtwoord',
    }),
  );
});

test('the recovery key certifies a new officer`s key and gives it the reports', async () => {
  const { opts, org, handler } = await world();
  const { reportId } = await submitReport(database.db, org.id, submission, opts);
  const newcomer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const { keyId } = await createHandlerKey(
    database.db,
    systemActor,
    { organisationId: org.id, userId: newcomer.id, passphrase: 'nieuwkomer wachtwoord' },
    opts,
  );
  await assert.rejects(
    certifyWithRecoveryKey(database.db, systemActor, {
      organisationId: org.id,
      pendingKeyId: keyId,
      recoveryKey: displayRecoveryKey(newRecoveryKey()),
    }),
    isCode('validation'),
  );
  assert.equal(
    (await acceptedKeys(database.db, org.id)).some((k) => k.id === keyId),
    false,
  );
  await certifyWithRecoveryKey(database.db, systemActor, {
    organisationId: org.id,
    pendingKeyId: keyId,
    recoveryKey: handler.recoveryKey,
  });
  assert.equal(
    (await acceptedKeys(database.db, org.id)).some((k) => k.id === keyId),
    true,
  );
  const key = await openKeyWithPassphrase(database.db, {
    organisationId: org.id,
    userId: newcomer.id,
    passphrase: 'nieuwkomer wachtwoord',
  });
  assert.equal((await handlerView(database.db, key, reportId, opts)).content?.what, 'Iets vreemds');
});
