import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, t } from './catalogue.js';

test('both languages have every key, none empty, with the same placeholders', () => {
  const nlKeys = Object.keys(catalogue.nl).sort();
  assert.deepEqual(Object.keys(catalogue.en).sort(), nlKeys);
  for (const key of nlKeys) {
    const k = key as keyof typeof catalogue.nl;
    assert.ok(catalogue.nl[k].trim() && catalogue.en[k].trim(), key);
    const names = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(catalogue.en[k]), names(catalogue.nl[k]), `placeholders of ${key}`);
  }
});

test('placeholders and plurals are filled in', () => {
  assert.equal(t('nl', 'layout.signedInAs', { name: 'Anna' }), 'Aangemeld als Anna');
  assert.equal(t('nl', 'form.errorSummary', { count: 1 }), 'Er is 1 fout gevonden');
  assert.equal(t('en', 'form.errorSummary', { count: 3 }), '3 errors were found');
});
