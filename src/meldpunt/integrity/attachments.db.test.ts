/**
 * Attachments through the pages: the reporter attaches files without an account (multipart, no
 * JavaScript), the officer downloads them, the reporter downloads them with the receipt code; bad files
 * are refused with the form kept; another organisation's officer gets nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { stripJpeg } from './attachment-files.js';
import { jpegWithExif } from './attachment-fixtures.js';
import { createTestOrganisation } from './fixtures.js';
import { postMultipart } from './multipart-fixtures.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const receiptOf = (html: string) => /<strong class="secret">([0-9 ]{19})<\/strong>/.exec(html)?.[1];

async function channel() {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const pass = 'een lang sleutelwachtwoord';
  const setup = await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: pass, passphraseRepeat: pass },
    officer.cookie,
  );
  assert.equal(setup.statusCode, 200);
  return { org, officer };
}

const report = {
  category: 'fraude_diefstal_corruptie',
  what: 'Zie de foto van de bonnetjes.',
  involved: '',
  when: '',
  identityMode: 'anonymous',
};

test('a reporter attaches a photo and a text; the officer and the reporter download them; the photo lost its Exif', async () => {
  const { org, officer } = await channel();
  const photo = jpegWithExif('52.0907N-5.1214E');
  const note = Buffer.from('Bonnetjes van 3 en 4 mei.\n');
  const sent = await postMultipart(t.app, `/integriteit/${org.code}`, report, [
    { name: 'IMG_2041.jpg', data: photo, type: 'image/jpeg' },
    { name: '../../notitie.txt', data: note, type: 'text/plain' },
  ]);
  assert.equal(sent.statusCode, 200, sent.body.slice(0, 500));
  const receipt = receiptOf(sent.body)!;
  assert.ok(receipt);

  const dashboard = await t.app.inject({ url: `/integrity/${org.id}`, headers: { cookie: officer.cookie } });
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(dashboard.body)![1]!;
  const page = await t.app.inject({
    url: `/integrity/${org.id}/reports/${reportId}`,
    headers: { cookie: officer.cookie },
  });
  assert.match(page.body, /IMG_2041\.jpg/);
  assert.match(page.body, />notitie\.txt</, 'the path is dropped from the name');
  const links = [...page.body.matchAll(/href="([^"]+\/attachments\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
  assert.equal(links.length, 2);
  const got = await Promise.all(
    links.map((url) => t.app.inject({ url, headers: { cookie: officer.cookie } })),
  );
  const jpeg = got.find((r) => r.headers['content-type'] === 'image/jpeg')!;
  assert.ok(jpeg.rawPayload.equals(stripJpeg(photo)), 'the photo as sent, without its Exif');
  assert.equal(jpeg.rawPayload.includes('52.0907N'), false);
  assert.match(String(jpeg.headers['content-disposition']), /^attachment; filename="IMG_2041\.jpg"/);
  assert.equal(jpeg.headers['x-content-type-options'], 'nosniff');
  assert.equal(jpeg.headers['cache-control'], 'no-store');
  const text = got.find((r) => r.headers['content-type']?.toString().startsWith('text/plain'))!;
  assert.ok(text.rawPayload.equals(note));

  // the reporter, with the receipt code
  const opened = await postForm(t.app, `/integriteit/${org.code}/terugkomen`, { receipt });
  assert.match(opened.body, /IMG_2041\.jpg downloaden/);
  const id = /name="attachment" value="([0-9a-f-]{36})"/.exec(opened.body)![1]!;
  const mine = await postForm(t.app, `/integriteit/${org.code}/bijlage`, { receipt, attachment: id });
  assert.equal(mine.statusCode, 200);
  assert.ok(mine.rawPayload.length > 0);
  const wrong = await postForm(t.app, `/integriteit/${org.code}/bijlage`, {
    receipt: '1234 5678 9012 3456',
    attachment: id,
  });
  assert.equal(wrong.statusCode, 400, 'a wrong receipt code opens nothing');

  // the reporter adds a file to an answer
  const answer = await postMultipart(
    t.app,
    `/integriteit/${org.code}/bericht`,
    { receipt, message: 'Nog een bon.' },
    [{ name: 'bon.pdf', data: Buffer.from('%PDF-1.4\nbon\n%%EOF\n') }],
  );
  assert.equal(answer.statusCode, 200);
  assert.match(answer.body, /bon\.pdf downloaden/);

  // another organisation's officer cannot fetch it
  const other = await channel();
  const foreign = await t.app.inject({
    url: links[0]!.replace(org.id, other.org.id),
    headers: { cookie: other.officer.cookie },
  });
  assert.ok([403, 404].includes(foreign.statusCode), `got ${foreign.statusCode}`);
});

test('a file of the wrong type, or too many files, is refused with the form kept and nothing stored', async () => {
  const { org } = await channel();
  const before = await t.database.query<{ n: number }>(
    'select count(*)::int as n from integrity_reports where organisation_id = $1',
    [org.id],
  );
  const exe = await postMultipart(t.app, `/integriteit/${org.code}`, report, [
    { name: 'virus.exe', data: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]) },
  ]);
  assert.equal(exe.statusCode, 400);
  assert.match(exe.body, /Dit soort bestand kunnen wij niet aannemen/);
  assert.match(exe.body, />Zie de foto van de bonnetjes\.<\/textarea>/);
  const many = await postMultipart(
    t.app,
    `/integriteit/${org.code}?lang=en`,
    report,
    Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from('x') })),
  );
  assert.equal(many.statusCode, 400);
  assert.match(many.body, /at most 5 files/);
  const after_ = await t.database.query<{ n: number }>(
    'select count(*)::int as n from integrity_reports where organisation_id = $1',
    [org.id],
  );
  assert.equal(after_[0]!.n, before[0]!.n);
  const unknown = await postMultipart(t.app, '/integriteit/XX0000', report, [
    { name: 'a.txt', data: Buffer.from('x') },
  ]);
  assert.equal(unknown.statusCode, 404, 'an unknown channel reads no upload');
});
