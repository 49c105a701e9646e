/**
 * The process the integrity kill -9 test (src/meldpunt/integrity/crash.db.test.ts) starts and kills: it
 * opens the database (CHILD_DATA_DIR: embedded PGlite; CHILD_DATABASE_URL: PostgreSQL), sets up an
 * organisation's channel, then submits reports without end, a few at a time. A receipt code is printed
 * (`receipt <report id> <code> <marker>`) only once `submitReport` has returned it, that is after the
 * report's transaction committed: the moment the reporting page would show it.
 */

import { TEST_KDF } from '../../src/meldpunt/integrity/crypto/receipt.js';
import { createTestOrganisation } from '../../src/meldpunt/integrity/fixtures.js';
import { setUpChannel } from '../../src/meldpunt/integrity/keys-service.js';
import { submitReport } from '../../src/meldpunt/integrity/reports-service.js';
import { systemActor } from '../../src/platform/audit/audit.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { createUser } from '../support/principals.js';

const database = await openDatabase(
  process.env.CHILD_DATABASE_URL
    ? { databaseUrl: process.env.CHILD_DATABASE_URL, poolSize: 4 }
    : { dataDir: process.env.CHILD_DATA_DIR! },
);
await runMigrations(database);
const opts = { clock: () => new Date(), receiptKdf: TEST_KDF, passphraseKdf: TEST_KDF };
const org = await createTestOrganisation(database);
const officer = await createUser(database, {
  memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
});
await setUpChannel(
  database.db,
  systemActor,
  { organisationId: org.id, userId: officer.id, passphrase: 'crash sleutelwachtwoord' },
  opts,
);
process.stdout.write(`ready ${org.id}\n`);
let n = 0;
for (;;) {
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      const marker = `crash-report-${n++}`;
      const { reportId, receiptCode } = await submitReport(
        database.db,
        org.id,
        {
          category: 'overig',
          content: { what: marker, involved: '', when: '' },
          identityMode: 'anonymous',
          attachments: [{ name: `${marker}.txt`, data: Buffer.from(marker) }],
        },
        opts,
      );
      process.stdout.write(`receipt ${reportId} ${receiptCode} ${marker}\n`);
    }),
  );
}
