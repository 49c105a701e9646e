import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { positionAt, positionOf, syntaxErrorPosition, valueOffsets } from './json-locations.js';

test('the value at a path is found at its line and column', () => {
  const text =
    '[\n  {\n    "code": "a",\n    "numerator": "${x} = \'1\'",\n    "breakdowns": [[], ["bg_layer"]]\n  }\n]\n';
  const offsets = valueOffsets(text);
  assert.deepEqual(positionOf(text, offsets, '[0].numerator'), { line: 4, column: 18 });
  assert.deepEqual(positionOf(text, offsets, '[0].breakdowns[1][0]'), { line: 5, column: 25 });
  // a path that is not in the text (a missing field): its object
  assert.deepEqual(positionOf(text, offsets, '[0].label.nl'), { line: 2, column: 3 });
});

test('a syntax error is placed where JSON.parse stopped', () => {
  const text = '[\n  {"code": "a",,}\n]';
  try {
    JSON.parse(text);
    assert.fail('parsed');
  } catch (err) {
    assert.deepEqual(syntaxErrorPosition(text, err as Error), { line: 2, column: 16 });
  }
});

test('property: every value of any JSON is found where its text starts', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      const text = JSON.stringify(v, null, 2);
      const offsets = valueOffsets(text);
      for (const [path, at] of offsets) {
        assert.ok(at >= 0 && at < text.length, path);
        const { line, column } = positionAt(text, at);
        assert.equal(text.split('\n')[line - 1]![column - 1], text[at]);
      }
    }),
  );
});
