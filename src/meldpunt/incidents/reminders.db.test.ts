import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
// The composition root registers every domain's texts (the reminder mail is rendered from them).
import '../../../test/support/modules.js';
import type { Principal } from '../../platform/access/policy.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { completeReport, principalOf } from './fixtures.js';
import { assign, completeTask } from './follow-up.js';
import { sendDueTaskReminders } from './reminders.js';
import { submitReport } from './service.js';

let database: Database;
let org: string;
let reporter: Principal;
let coordinator: Principal;
let handler: Principal;
const config = { publicUrl: 'https://meldpunt.example.nl' };

before(async () => {
  database = await createTestDatabase();
  org = (
    await database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ('GM9501', 'gemeente', 'Herinnerdam') returning id",
    )
  )[0]!.id;
  const u = async (email: string, role: 'reporter' | 'coordinator' | 'case_handler') =>
    principalOf(await createUser(database, { email, memberships: [{ organisationId: org, role }] }), {
      [org]: [role],
    });
  reporter = await u('melder@herinner.test', 'reporter');
  coordinator = await u('coordinator@herinner.test', 'coordinator');
  handler = await u('behandelaar@herinner.test', 'case_handler');
});
after(() => database.close());

const mails = () =>
  database.query<{ to_address: string; subject: string; text_body: string; idempotency_key: string }>(
    "select to_address, subject, text_body, idempotency_key from mail_messages where purpose = 'incident-reminder' order by idempotency_key",
  );

test('a due task is mailed once to its case handler (or the coordinator), never twice, without personal data', async () => {
  // Reported on Thursday 3 December 2026: first contact due Friday 4 December, police Monday 7 December.
  const submitted = new Date('2026-12-03T10:00:00Z');
  const a = await submitReport(database.db, reporter, { organisationId: org }, completeReport(), submitted);
  const b = await submitReport(
    database.db,
    reporter,
    { organisationId: org },
    completeReport({ forms: ['verbal_insult'] }),
    submitted,
  );
  await assign(database.db, coordinator, a.id, handler.userId, true);

  // Thursday: nothing is due yet.
  assert.equal(
    await sendDueTaskReminders(database.db, config, systemActor, new Date('2026-12-03T15:00:00Z')),
    0,
  );
  // Friday: the first-contact tasks of both (a → its handler, b → the coordinator, nobody assigned).
  assert.equal(
    await sendDueTaskReminders(database.db, config, systemActor, new Date('2026-12-04T08:00:00Z')),
    2,
  );
  let sent = await mails();
  assert.deepEqual(sent.map((m) => m.to_address).sort(), [
    'behandelaar@herinner.test',
    'coordinator@herinner.test',
  ]);
  assert.match(sent[0]!.subject, /Eerste contact met de persoon/);
  for (const m of sent) {
    assert.doesNotMatch(m.text_body, /Piet|Dader|bedreigd|raadsvergadering/, 'no personal data in the mail');
    assert.match(m.text_body, /https:\/\/meldpunt\.example\.nl\/incidents\//);
  }
  // Again on Friday: nothing new.
  assert.equal(
    await sendDueTaskReminders(database.db, config, systemActor, new Date('2026-12-04T09:00:00Z')),
    0,
  );

  // Monday: a's police task becomes due; b's tasks that were done are not reminded.
  const [policeTask] = await database.query<{ id: string }>(
    "select id from incident_tasks where incident_id = $1 and kind = 'police_report'",
    [a.id],
  );
  assert.ok(policeTask);
  assert.equal(
    await sendDueTaskReminders(database.db, config, systemActor, new Date('2026-12-07T08:00:00Z')),
    1,
  );
  sent = await mails();
  assert.equal(sent.length, 3);

  // A restart that lost the "reminded" mark (as if it crashed between mail and mark) sends nothing again.
  await database.query('update incident_tasks set reminded_at = null');
  assert.equal(
    await sendDueTaskReminders(database.db, config, systemActor, new Date('2026-12-07T09:00:00Z')),
    0,
  );
  assert.equal((await mails()).length, 3);

  // A done task is not reminded, even when its due date comes.
  const [aftercare] = await database.query<{ id: string }>(
    "select id from incident_tasks where incident_id = $1 and kind = 'aftercare_1w'",
    [b.id],
  );
  await completeTask(database.db, coordinator, b.id, aftercare!.id);
  await sendDueTaskReminders(database.db, config, systemActor, new Date('2026-12-10T09:00:00Z'));
  const keys = (await mails()).map((m) => m.idempotency_key);
  assert.ok(!keys.some((k) => k.includes(aftercare!.id)));
  assert.ok(keys.some((k) => k.includes(policeTask.id)));
});
