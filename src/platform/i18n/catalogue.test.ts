import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSameKeys } from '../../../test/support/messages.js';
import { catalogue, platformMessages, registerMessages, t } from './catalogue.js';

test("the platform's messages: both languages have every key, none empty, with the same placeholders", () => {
  for (const [i, records] of platformMessages.entries()) assertSameKeys(records, `platform messages #${i}`);
  // The mismatches it exists for are found.
  assert.throws(() => assertSameKeys({ nl: { a: 'A', b: 'B' }, en: { a: 'A' } }, 'x'));
  assert.throws(() => assertSameKeys({ nl: { a: 'Hallo {name}' }, en: { a: 'Hello {naam}' } }, 'x'));
  assert.throws(() => assertSameKeys({ nl: { a: 'A' }, en: { a: ' ' } }, 'x'));
});

test("registering adds a module's texts once; a key defined twice is refused", () => {
  const records = { nl: { 'test.catalogue.once': 'Eens' }, en: { 'test.catalogue.once': 'Once' } };
  registerMessages([{ name: 'test', messages: [records] }]);
  registerMessages([{ name: 'test', messages: [records] }]);
  assert.equal((catalogue.en as Record<string, string>)['test.catalogue.once'], 'Once');
  const again = { nl: { 'test.catalogue.once': 'Weer' }, en: { 'test.catalogue.once': 'Again' } };
  assert.throws(() => registerMessages([{ name: 'other', messages: [again] }]), /defined twice/);
  assert.throws(
    () =>
      registerMessages([{ name: 'other', messages: [{ nl: { 'nav.home': 'x' }, en: { 'nav.home': 'x' } }] }]),
    /nav\.home is defined twice/,
  );
});

test('placeholders and plurals are filled in', () => {
  assert.equal(t('nl', 'layout.signedInAs', { name: 'Anna' }), 'Aangemeld als Anna');
  assert.equal(t('nl', 'form.errorSummary', { count: 1 }), 'Er is 1 fout gevonden');
  assert.equal(t('en', 'form.errorSummary', { count: 3 }), '3 errors were found');
});
