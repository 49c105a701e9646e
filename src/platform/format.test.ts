import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format.js';

test('dates and times read the same on every page, in Amsterdam time', () => {
  const at = new Date('2026-12-07T14:32:00Z'); // winter: UTC+1
  assert.equal(formatDateTime('nl', at), '7 december 2026, 15:32');
  assert.equal(formatDateTime('en', at), '7 December 2026, 15:32');
  assert.equal(formatDateTime('nl', '2026-07-01T22:05:00Z'), '2 juli 2026, 00:05'); // summer: UTC+2, next day
  assert.equal(formatDate('nl', at), '7 december 2026');
  assert.equal(formatDate('en', at), '7 December 2026');
  // A calendar day stays that day whatever the time zone.
  assert.equal(formatDate('nl', '2026-01-01'), '1 januari 2026');
  assert.equal(formatDate('en', '2026-03-31'), '31 March 2026');
  assert.equal(formatDateTime('nl', null), '');
  assert.equal(formatDate('en', undefined), '');
});

test('numbers and percentages follow the language', () => {
  assert.equal(formatNumber('nl', 12345.5), '12.345,5');
  assert.equal(formatNumber('en', 12345.5), '12,345.5');
  assert.equal(formatNumber('nl', null), '');
  assert.equal(formatPercent('nl', 0.425), '42,5%');
  assert.equal(formatPercent('en', 0.425), '42.5%');
  assert.equal(formatPercent('en', null), '—');
});

test('every moment formats as "day month year, hh:mm" in both languages', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.constantFrom('nl' as const, 'en' as const),
      (d, lang) => {
        assert.match(formatDateTime(lang, d), /^\d{1,2} [A-Za-z]+ \d{4}, ([01]\d|2[0-3]):[0-5]\d$/);
        assert.ok(formatDateTime(lang, d).startsWith(formatDate(lang, d)));
      },
    ),
  );
});
