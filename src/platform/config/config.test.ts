import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors.js';
import { loadConfig } from './config.js';

test('defaults give an embedded development configuration', () => {
  const c = loadConfig({});
  assert.equal(c.embedded, true);
  assert.equal(c.PORT, 3000);
  assert.equal(c.publicUrl, 'http://127.0.0.1:3000');
});

test('a wrong value names the variable and what is expected', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (e: unknown) => e instanceof AppError && e.code === 'config' && /^PORT: expected/.test(e.detail ?? ''),
  );
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://x' }),
    (e: unknown) => e instanceof AppError && /DATABASE_URL: expected a postgres/.test(e.detail ?? ''),
  );
});

test('production requires the secrets', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET/);
  const key = Buffer.alloc(32, 7).toString('base64');
  const c = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    ENCRYPTION_KEY: key,
    RESPONSE_KEY: key,
  });
  assert.equal(c.isProduction, true);
});

test("the API document's contact: from API_CONTACT_*, by default from MAIL_FROM and PUBLIC_URL", () => {
  assert.deepEqual(
    loadConfig({
      MAIL_FROM: 'Weerbaar <noreply@weerbaar.example.nl>',
      PUBLIC_URL: 'https://weerbaar.example.nl/',
    }).apiContact,
    { name: 'Weerbaar', email: 'noreply@weerbaar.example.nl', url: 'https://weerbaar.example.nl' },
  );
  const c = loadConfig({
    API_CONTACT_NAME: 'Servicedesk',
    API_CONTACT_EMAIL: 'api@gemeente.example.nl',
    API_CONTACT_URL: 'https://gemeente.example.nl/api',
  });
  assert.deepEqual(c.apiContact, {
    name: 'Servicedesk',
    email: 'api@gemeente.example.nl',
    url: 'https://gemeente.example.nl/api',
  });
  assert.throws(
    () => loadConfig({ API_CONTACT_EMAIL: 'nobody' }),
    (e: unknown) => e instanceof AppError && /^API_CONTACT_EMAIL: expected/.test(e.detail ?? ''),
  );
  assert.throws(
    () => loadConfig({ API_CONTACT_URL: 'contact' }),
    (e: unknown) => e instanceof AppError && /^API_CONTACT_URL: expected/.test(e.detail ?? ''),
  );
});
