import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { modules } from '../../../test/support/modules.js';
import { getUserByEmail } from '../../platform/auth/users-service.js';
import { loadDemoData } from '../../platform/demo/demo.js';
import { getOrganisationByCode } from '../../platform/orgs/service.js';
import { DEMO_KEY_PASSPHRASE, DEMO_RECEIPT_CODE } from './demo-step.js';
import { testOptions } from './fixtures.js';
import { openKeyWithPassphrase } from './keys-service.js';
import { handlerView, listRegister, openWithReceipt, reporterView } from './reports-service.js';

let t: TestApp;
before(async () => {
  // The full demo, from the demo template (test/support/template.ts): loaded once per run, not per file.
  t = await createTestApp({}, { demo: true });
});
after(() => t.close());

test('the demo: Utrecht`s channel with reports in several steps, some overdue, a printed receipt code', async () => {
  // loading it over the loaded demo still prints the receipt code (and adds nothing: see the end)
  const printed = await loadDemoData(t.database, modules);
  assert.ok(printed.some((l) => l.password === DEMO_RECEIPT_CODE));
  const db = t.database.db;
  const org = await getOrganisationByCode(db, 'GM0344');
  const officer = (await getUserByEmail(db, 'integriteit.utrecht@weerbaar.demo'))!;
  const opts = testOptions();
  const register = await listRegister(db, org.id, opts);
  assert.equal(register.length, 6);
  assert.ok(new Set(register.map((r) => r.state)).size >= 5);
  const overdue = register.filter(
    (r) => r.deadlines.acknowledgement.state === 'overdue' || r.deadlines.feedback.state === 'overdue',
  );
  assert.ok(overdue.length >= 2, `${overdue.length} overdue`);
  const key = await openKeyWithPassphrase(db, {
    organisationId: org.id,
    userId: officer.id,
    passphrase: DEMO_KEY_PASSPHRASE,
  });
  for (const r of register) assert.ok((await handlerView(db, key, r.reportId, opts)).content?.what);
  const mine = await reporterView(db, org.id, await openWithReceipt(db, org.id, DEMO_RECEIPT_CODE), opts);
  assert.deepEqual(
    mine.messages.map((m) => m.author),
    ['handler', 'handler', 'reporter'],
  );
  // loading again adds nothing
  await loadDemoData(t.database, modules);
  assert.equal((await listRegister(db, org.id, opts)).length, 6);
});
