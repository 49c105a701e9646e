/**
 * Recusal (issue 17 item 4): a report always stays with at least one certified officer or chair who is
 * not recused (an external investigator does not count), or goes to the chair; a recused or excluded
 * person does not get the report back with a new key.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import type { OrganisationRole } from '../../platform/access/policy.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createTestOrganisation, sessionIdOf, setUpHandler, testOptions } from './fixtures.js';
import { recuse } from './history-service.js';
import { grantInvestigator } from './investigators.js';
import {
  certifyHandlerKey,
  createHandlerKey,
  sessionKey,
  type UnlockedKey,
  unlockForSession,
} from './keys-service.js';
import { handlerView, submitReport } from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const isCode = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;
const opts = testOptions();

async function world() {
  const org = await createTestOrganisation(database);
  const first = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const { key } = await setUpHandler(database, org.id, first, opts);
  /** Another person with a key of their own, certified by `certifier` (none: left pending). */
  async function person(role: OrganisationRole, certifier?: UnlockedKey): Promise<UnlockedKey> {
    const user = await createUser(database, { memberships: [{ organisationId: org.id, role }] });
    const passphrase = `sleutelwachtwoord ${role}`;
    const { keyId } = await createHandlerKey(
      database.db,
      systemActor,
      { organisationId: org.id, userId: user.id, passphrase },
      opts,
    );
    if (certifier) await certifyHandlerKey(database.db, systemActor, certifier, keyId);
    const s = {
      organisationId: org.id,
      userId: user.id,
      sessionId: await sessionIdOf(database, user.sessionToken),
      sessionToken: user.sessionToken,
    };
    await unlockForSession(database.db, systemActor, { ...s, passphrase });
    return (await sessionKey(database.db, s))!;
  }
  const report = (excludedKeyIds: string[] = []) =>
    submitReport(
      database.db,
      org.id,
      {
        category: 'belangenverstrengeling',
        content: { what: 'Een wethouder stemde over zijn eigen kavel.', involved: '', when: '' },
        identityMode: 'anonymous',
        excludedKeyIds,
      },
      opts,
    );
  const opens = async (k: UnlockedKey, reportId: string) => {
    try {
      await handlerView(database.db, k, reportId, opts);
      return true;
    } catch (err) {
      if (isCode('integrity-no-key')(err)) return false;
      throw err;
    }
  };
  return { org, key, person, report, opens };
}

test('the last officer cannot recuse and leave only an external investigator holding the report', async () => {
  const w = await world();
  const investigator = await w.person('integrity_investigator', w.key);
  const { reportId } = await w.report();
  await grantInvestigator(
    database.db,
    systemActor,
    w.key,
    { reportId, investigatorUserId: investigator.userId, expiresAt: new Date(Date.now() + 86_400_000) },
    opts,
  );
  await assert.rejects(
    recuse(database.db, systemActor, w.key, reportId, w.key.keyId, 'genoemd in de melding', opts),
    isCode('conflict'),
  );
  assert.ok(await w.opens(w.key, reportId), 'nothing changed: the officer still holds the report');
  // nor can the investigator's copy be the one that stays when another officer is recused
  const second = await w.person('integrity_officer', w.key);
  assert.ok(await w.opens(second, reportId));
  await recuse(database.db, systemActor, w.key, reportId, second.keyId, 'belangenconflict', opts);
  await assert.rejects(
    recuse(database.db, systemActor, w.key, reportId, w.key.keyId, 'ik ook', opts),
    isCode('conflict'),
  );
});

test('when no other officer is left the report goes to the chair, audited; an excluded chair is skipped', async () => {
  const w = await world();
  const excluded = await w.person('integrity_officer', w.key);
  const excludedChair = await w.person('integrity_chair', w.key);
  // the reporter excludes the second officer and the deputy chair; the second officer then certifies
  // the chair, who so gets nothing of this report
  const { reportId } = await w.report([excluded.keyId, excludedChair.keyId]);
  const chair = await w.person('integrity_chair', excluded);
  assert.equal(await w.opens(chair, reportId), false);
  assert.equal(await w.opens(excluded, reportId), false);

  const { escalatedTo } = await recuse(
    database.db,
    systemActor,
    w.key,
    reportId,
    w.key.keyId,
    'genoemd in de melding',
    opts,
  );
  assert.deepEqual(escalatedTo, [chair.userId], 'to the chair, not to the excluded deputy chair');
  assert.equal(await w.opens(excludedChair, reportId), false);
  assert.equal(await w.opens(w.key, reportId), false, 'the recused officer lost the report');
  assert.ok(await w.opens(chair, reportId), 'the chair holds it now');
  assert.equal(await w.opens(excluded, reportId), false, 'the excluded officer still does not');
  const audited = await database.query<{ action: string }>(
    "select action from audit_log where resource_id = $1 and action in ('integrity.report.recuse', 'integrity.report.escalate') order by seq",
    [reportId],
  );
  assert.deepEqual(
    audited.map((a) => a.action),
    ['integrity.report.recuse', 'integrity.report.escalate'],
  );

  // the chair is now the last holder who is not recused: the chair cannot leave it either
  await assert.rejects(
    recuse(database.db, systemActor, chair, reportId, chair.keyId, 'ik ken de betrokkene', opts),
    isCode('conflict'),
  );
});

test('a recused or excluded person gets no copy with a new key; others do', async () => {
  const w = await world();
  const named = await w.person('integrity_officer', w.key);
  const excluded = await w.person('integrity_officer', w.key);
  const { reportId } = await w.report([excluded.keyId]);
  const other = await w.report();
  await recuse(database.db, systemActor, w.key, reportId, named.keyId, 'genoemd in de melding', opts);
  // both replace their key (revoked; a new one made and certified by the first officer)
  const replaced: Record<string, UnlockedKey> = {};
  for (const [label, k] of Object.entries({ named, excluded })) {
    await database.query('update integrity_handler_keys set revoked_at = now() where id = $1', [k.keyId]);
    const passphrase = `nieuw sleutelwachtwoord ${label}`;
    const { keyId } = await createHandlerKey(
      database.db,
      systemActor,
      { organisationId: w.org.id, userId: k.userId, passphrase },
      opts,
    );
    await certifyHandlerKey(database.db, systemActor, w.key, keyId);
    const [row] = await database.query<{ n: number }>(
      'select count(*)::int as n from integrity_report_keys where handler_key_id = $1 and report_id = $2',
      [keyId, reportId],
    );
    assert.equal(row!.n, 0, `the ${label} officer's new key has no copy of the report`);
    const [others] = await database.query<{ n: number }>(
      'select count(*)::int as n from integrity_report_keys where handler_key_id = $1 and report_id = $2',
      [keyId, other.reportId],
    );
    assert.equal(others!.n, 1, `the ${label} officer's new key gets the other report`);
    replaced[label] = { ...k, keyId };
  }
  // a newcomer is not recused: gets both
  const newcomer = await w.person('integrity_officer', w.key);
  assert.ok(await w.opens(newcomer, reportId));
  assert.ok(await w.opens(newcomer, other.reportId));
  // the dump shows that two people are recused from the report, not who
  const tags = await database.query<{ tag: string }>(
    'select tag from integrity_recusals where report_id = $1',
    [reportId],
  );
  assert.equal(tags.length, 2);
  for (const t of tags) {
    assert.ok(!t.tag.includes(named.userId) && !t.tag.includes(excluded.userId));
  }
});
