import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { changeLines, idsIn, readableValue } from './readable.js';

const anna = '3f2b8c1e-1111-4222-8333-444455556666';
const other = '9a8b7c6d-1111-4222-8333-444455556666';
const names = new Map([[anna, 'Anna de Vries']]);

test('a change reads as field: old → new, with names for known ids', () => {
  assert.deepEqual(
    changeLines({ roles: [['viewer'], ['viewer', 'researcher']], disabled: [false, true] }, names),
    [
      { field: 'roles', before: 'viewer', after: 'viewer, researcher' },
      { field: 'disabled', before: 'false', after: 'true' },
    ],
  );
  assert.deepEqual(changeLines({ userId: anna, expiresAt: null }, names), [
    { field: 'userId', after: 'Anna de Vries' },
    { field: 'expiresAt', after: '—' },
  ]);
  assert.equal(readableValue(other, names), '9a8b7c6d…');
  assert.equal(readableValue({ queue: 'mail', n: 2 }, names), 'queue: mail; n: 2');
  assert.deepEqual(changeLines(null, names), []);
});

test('ids are found in resource ids and anywhere inside changes', () => {
  assert.deepEqual(
    idsIn([
      { resourceId: anna, diff: null },
      { resourceId: null, diff: { a: [other, anna], b: { c: other }, d: 'not-an-id' } },
    ]).sort(),
    [anna, other].sort(),
  );
});

test('no change ever shows as raw JSON', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue()), (diff) => {
      const lines = changeLines(diff, names);
      assert.equal(lines.length, Object.keys(diff).length);
      for (const l of lines) {
        const v = diff[l.field];
        assert.equal(typeof l.after, 'string');
        if (v !== null && typeof v === 'object' && Object.keys(v).length > 0)
          assert.notEqual(l.after, JSON.stringify(v), l.field);
      }
    }),
  );
});
