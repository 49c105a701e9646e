/** The next reminder on the researcher's home panel: the earliest scheduled reminder of who may still get one. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import demoStep, { DEMO_WAVE_CODE } from '../fieldwork/demo-step.js';
import { inviteAll } from '../fieldwork/invitations.js';
import { loadTemplates } from '../questionnaires/templates/index.js';
import { nextReminders } from './panels.js';

let database: Database;
let waveId: string;
const DAY = 86_400_000;

before(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
    await demoStep.run(tx, systemActor); // opens the wave; reminders 7 and 14 days after the invitation
  });
  waveId = (
    await database.query<{ id: string }>('select id from waves where code = $1', [DEMO_WAVE_CODE])
  )[0]!.id;
  const invited = await database.query<{ n: number }>(
    'select count(*)::int as n from invitations where wave_id = $1 and invited_at is not null',
    [waveId],
  );
  if (invited[0]!.n === 0)
    await inviteAll(database.db, { publicUrl: 'https://weerbaar.test' }, waveId, systemActor);
});
after(() => database.close());

const setInvited = (id: string, at: string, remindersSent: number, status = 'not_started') =>
  database.query('update invitations set invited_at = $2, reminders_sent = $3, status = $4 where id = $1', [
    id,
    at,
    remindersSent,
    status,
  ]);

test('the next reminder is the earliest due one of those who may still get one', async () => {
  const ids = (
    await database.query<{ id: string }>('select id from invitations where wave_id = $1 order by id', [
      waveId,
    ])
  ).map((r) => r.id);
  assert.ok(ids.length >= 3);
  for (const id of ids) await setInvited(id, '2026-02-01T09:00:00Z', 2); // all reminders sent
  assert.equal((await nextReminders(database.db, [waveId])).get(waveId), undefined);

  await setInvited(ids[0]!, '2026-02-01T09:00:00Z', 1); // second reminder: 14 days after
  assert.equal(
    (await nextReminders(database.db, [waveId])).get(waveId)?.getTime(),
    Date.parse('2026-02-01T09:00:00Z') + 14 * DAY,
  );

  await setInvited(ids[1]!, '2026-02-03T09:00:00Z', 0); // first reminder: 7 days after, earlier
  assert.equal(
    (await nextReminders(database.db, [waveId])).get(waveId)?.getTime(),
    Date.parse('2026-02-03T09:00:00Z') + 7 * DAY,
  );

  // Who completed or opted out gets no reminder.
  await setInvited(ids[1]!, '2026-02-03T09:00:00Z', 0, 'completed');
  await setInvited(ids[2]!, '2026-01-20T09:00:00Z', 0);
  await database.query(
    'update frame_persons set opted_out_at = now() where id = (select frame_person_id from invitations where id = $1)',
    [ids[2]],
  );
  assert.equal(
    (await nextReminders(database.db, [waveId])).get(waveId)?.getTime(),
    Date.parse('2026-02-01T09:00:00Z') + 14 * DAY,
  );
  assert.deepEqual(await nextReminders(database.db, []), new Map());
});
