/**
 * Any form body on the public reporting routes gets a page, never a 5xx: random fields, values of
 * any length and type, repeated names, unknown codes. (The generic fuzz test covers the JSON API.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, csrfFor, postForm } from '../../../test/support/principals.js';
import { createTestOrganisation } from './fixtures.js';

let t: TestApp;
let code: string;
before(async () => {
  t = await createTestApp();
  const org = await createTestOrganisation(t.database);
  code = org.code;
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: 'een lang sleutelwachtwoord', passphraseRepeat: 'een lang sleutelwachtwoord' },
    officer.cookie,
  );
});
after(() => t.close());

const fieldNames = [
  'category',
  'what',
  'involved',
  'when',
  'identityMode',
  'name',
  'contact',
  'exclude',
  'receipt',
  'message',
  'x',
];
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('geschenken', 'overig', 'confidential', 'open', 'anonymous', '1234 5678 9012 3456', ''),
  fc.string({ minLength: 20_001, maxLength: 20_050 }),
);
const body = fc.dictionary(
  fc.constantFrom(...fieldNames),
  fc.oneof(value, fc.array(value, { maxLength: 3 })),
);

test('random form posts to the public routes never cause a 5xx', async () => {
  const csrf = await csrfFor(t.app);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('', '/terugkomen', '/bericht'),
      fc.constantFrom(
        () => code,
        () => 'XX0000',
      ),
      body,
      async (path, codeOf, fields) => {
        const payload = new URLSearchParams(
          Object.entries({ ...fields, _csrf: csrf.token }).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : [v]).map((x) => [k, x]),
          ),
        ).toString();
        const res = await t.app.inject({
          method: 'POST',
          url: `/integriteit/${codeOf()}${path}`,
          headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload,
        });
        assert.ok(res.statusCode < 500, `${res.statusCode} for ${path}: ${res.body.slice(0, 200)}`);
        assert.match(res.headers['content-type'] as string, /text\/html|problem\+json/);
      },
    ),
    { numRuns: 60 },
  );
});
