/**
 * A raw copy of the database holds no plain text of a report, a message, an attachment (its bytes or
 * its file name; the reporter's and an officer's documents, shared with the reporter or not) or a
 * confidential identity
 * (issue 17, "encryption at rest that a database dump cannot break"). PGlite pass: every file of a
 * real on-disk data directory (tables, WAL, everything) after a checkpoint. PostgreSQL pass: the
 * output of pg_dump. As a control, the same search finds the organisation's name and the report's
 * plain-text register category, so a search that finds nothing is not a search that cannot find.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { ensurePgliteTemplate } from '../../../test/support/template.js';
import { systemActor } from '../../platform/audit/audit.js';
import { type Database, openDatabase } from '../../platform/db/database.js';
import { addDocuments } from './documents.js';
import { createTestOrganisation, setUpHandler, testOptions } from './fixtures.js';
import {
  acknowledge,
  handlerMessage,
  openWithReceipt,
  reporterMessage,
  submitReport,
} from './reports-service.js';

const PG_DUMP = '/usr/lib/postgresql/15/bin/pg_dump';
const marker = (label: string) => `${label}-${randomBytes(6).toString('hex')}`;

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else out.push(p);
  }
  return out;
}

async function fillDatabase(database: Database) {
  const opts = testOptions();
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const passphrase = marker('sleutelwachtwoord');
  const { key } = await setUpHandler(database, org.id, officer, opts, passphrase);
  const secrets = {
    what: marker('stemde-over-eigen-kavel'),
    involved: marker('wethouder-de-vries'),
    identityName: marker('melder-naam'),
    identityContact: `${marker('melder')}@example.org`,
    handlerMessage: marker('vraag-van-behandelaar'),
    reporterMessage: marker('antwoord-van-melder'),
    attachmentText: marker('inhoud-van-bijlage'),
    attachmentName: marker('bestandsnaam'),
    answerAttachmentText: marker('bijlage-bij-antwoord'),
    officerDocumentText: marker('hoorverslag-inhoud'),
    officerDocumentName: marker('hoorverslag-naam'),
    officerDocumentNote: marker('toelichting-document'),
    passphrase,
  };
  const { reportId, receiptCode } = await submitReport(
    database.db,
    org.id,
    {
      category: 'ondermijning',
      content: { what: `Vermoeden: ${secrets.what}`, involved: secrets.involved, when: 'vorige week' },
      identityMode: 'confidential',
      identity: { name: secrets.identityName, contact: secrets.identityContact },
      attachments: [
        { name: `${secrets.attachmentName}.txt`, data: Buffer.from(`Bewijs: ${secrets.attachmentText}\n`) },
      ],
    },
    opts,
  );
  await acknowledge(database.db, systemActor, key, reportId, secrets.handlerMessage, opts);
  const opened = await openWithReceipt(database.db, org.id, receiptCode);
  await reporterMessage(database.db, org.id, opened, secrets.reporterMessage, opts, [
    { name: 'aanvulling.txt', data: Buffer.from(secrets.answerAttachmentText) },
  ]);
  await handlerMessage(database.db, systemActor, key, reportId, `${secrets.handlerMessage}-2`, false, opts);
  for (const shareWithReporter of [false, true])
    await addDocuments(
      database.db,
      systemActor,
      key,
      reportId,
      {
        files: [
          {
            name: `${secrets.officerDocumentName}-${shareWithReporter}.txt`,
            data: Buffer.from(`Verslag: ${secrets.officerDocumentText}\n`),
          },
        ],
        note: secrets.officerDocumentNote,
        shareWithReporter,
      },
      opts,
    );
  return {
    secrets: { ...secrets, receiptCode },
    controls: { organisationName: org.name, category: 'ondermijning' },
  };
}

function assertAbsent(haystack: Buffer, secrets: Record<string, string>, controls: Record<string, string>) {
  for (const [what, text] of Object.entries(controls))
    assert.ok(haystack.includes(Buffer.from(text, 'utf8')), `control: the dump should contain the ${what}`);
  for (const [what, text] of Object.entries(secrets))
    assert.equal(
      haystack.includes(Buffer.from(text, 'utf8')),
      false,
      `the dump contains the ${what} in plain text`,
    );
}

if (testBackend() === 'postgres') {
  test('pg_dump of the database holds no plain text of a report, message, identity or credential', async () => {
    const database = await createTestDatabase();
    try {
      const { secrets, controls } = await fillDatabase(database);
      const dump = execFileSync(PG_DUMP, ['--dbname', database.url!, '--no-owner'], {
        maxBuffer: 512 * 1024 * 1024,
      });
      assertAbsent(dump, secrets, controls);
    } finally {
      await database.close();
    }
  });
} else {
  test('the PGlite data directory files hold no plain text of a report, message, identity or credential', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-integrity-dump-'));
    try {
      const database = await openDatabase({
        dataDir: dir,
        loadDataDir: new Blob([readFileSync(await ensurePgliteTemplate())]),
      });
      let found: Awaited<ReturnType<typeof fillDatabase>>;
      try {
        found = await fillDatabase(database);
        await database.query('checkpoint');
      } finally {
        await database.close();
      }
      const all = Buffer.concat(filesUnder(dir).map((f) => readFileSync(f)));
      assert.ok(all.length > 1_000_000, 'the data directory was read');
      assertAbsent(all, found.secrets, found.controls);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
