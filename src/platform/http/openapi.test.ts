/**
 * collapseNullable rewrites zod's nullable schemas for the ADR linter; it must not change which values
 * a schema accepts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { z } from 'zod';
import { collapseNullable } from './openapi.js';

const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);

const inner = [
  z.iso.date(),
  z.iso.datetime({ offset: true }),
  z.uuid(),
  z.string().min(2).max(5),
  z.number().int().min(0),
  z.number(),
  z.boolean(),
  z.enum(['a', 'b']),
  z.object({ d: z.iso.date().nullable() }),
];

test('a collapsed schema accepts exactly the values the original accepts', () => {
  const values = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      null,
      '2026-01-31',
      '2026-02-30',
      '2026-01-01T10:00:00+01:00',
      'a',
      'b',
      'abc',
      3,
      -1,
      1.5,
    ),
    fc.constantFrom({ d: null }, { d: '2026-01-01' }, { d: 'x' }, {}),
  );
  for (const schema of inner) {
    const original = z.toJSONSchema(schema.nullable(), { target: 'draft-2020-12' });
    const collapsed = collapseNullable(original) as object;
    const a = ajv.compile(original);
    const b = ajv.compile(collapsed);
    fc.assert(
      fc.property(values, (v) => a(v) === b(v)),
      { numRuns: 300 },
    );
  }
});

test('a nullable date keeps its format where the linter looks for it', () => {
  const collapsed = collapseNullable(z.toJSONSchema(z.iso.date().nullable())) as Record<string, unknown>;
  assert.equal(collapsed.format, 'date');
  assert.deepEqual(collapsed.type, ['string', 'null']);
  // An enum keeps its anyOf: `type: [string, null]` with the enum would refuse null.
  const e = collapseNullable(z.toJSONSchema(z.enum(['a']).nullable())) as Record<string, unknown>;
  assert.ok(Array.isArray(e.anyOf));
});
