/**
 * The process the incidents kill -9 test (src/meldpunt/incidents/crash.db.test.ts) starts and kills: it
 * opens the database (CHILD_DATA_DIR: embedded PGlite; CHILD_DATABASE_URL: PostgreSQL), creates an
 * organisation with a reporter, then submits incidents without end, a few at a time; every other one is
 * first saved as a draft and then submitted (the draft → gemeld path). `ack <incident id> <marker>` is
 * printed only once `submitReport` has returned, that is after the report's transaction committed: the
 * moment the reporting page would show the acknowledgement.
 */

import { randomBytes } from 'node:crypto';
import { completeReport, principalOf } from '../../src/meldpunt/incidents/fixtures.js';
import { saveDraft, submitReport } from '../../src/meldpunt/incidents/service.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { createUser } from '../support/principals.js';

const database = await openDatabase(
  process.env.CHILD_DATABASE_URL
    ? { databaseUrl: process.env.CHILD_DATABASE_URL, poolSize: 4 }
    : { dataDir: process.env.CHILD_DATA_DIR! },
);
await runMigrations(database);
const code = `GM${9600 + (process.pid % 200)}`;
const [org] = await database.query<{ id: string }>(
  "insert into organisations (code, layer, name) values ($1, 'gemeente', $2) returning id",
  [code, `Meldpuntdorp ${randomBytes(2).toString('hex')}`],
);
const orgId = org!.id;
const user = await createUser(database, { memberships: [{ organisationId: orgId, role: 'reporter' }] });
const reporter = principalOf(user, { [orgId]: ['reporter'] });
process.stdout.write(`ready ${orgId}\n`);
let n = 0;
for (;;) {
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      const i = n++;
      const marker = `crash-incident-${i}`;
      const report = completeReport({ description: marker, perpetratorName: `Dader ${marker}` });
      const target: { organisationId: string; incidentId?: string } = { organisationId: orgId };
      if (i % 2 === 1) target.incidentId = await saveDraft(database.db, reporter, target, report);
      const { id } = await submitReport(database.db, reporter, target, report);
      process.stdout.write(`ack ${id} ${marker}\n`);
    }),
  );
}
