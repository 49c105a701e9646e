import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatPlaceholder, lineIndex, parseText, placeholderKinds } from './placeholders.js';

const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const optionValue = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,8}$/);
const placeholder = fc.record({
  kind: fc.constantFrom(...placeholderKinds),
  indicator: ident,
  options: fc.dictionary(ident, optionValue, { maxKeys: 3 }),
  flags: fc.uniqueArray(ident, { maxLength: 2 }),
});
/** Literal text without braces or backslashes (those have meaning), newlines allowed. */
const literal = fc.stringMatching(/^[^{}\\]{0,30}$/);

test('every generated placeholder is found back with its kind, indicator, options and position', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(literal, placeholder)), literal, (parts, tail) => {
      // an option key that is also a flag name is fine: options and flags are separate lists
      const source = parts.map(([t, p]) => t + formatPlaceholder(p)).join('') + tail;
      const { segments, errors } = parseText(source);
      assert.deepEqual(errors, []);
      const found = segments.filter((s) => s.type === 'placeholder').map((s) => s.placeholder);
      assert.equal(found.length, parts.length);
      const at = lineIndex(source);
      found.forEach((p, i) => {
        const want = parts[i]![1];
        assert.equal(p.kind, want.kind);
        assert.equal(p.indicator, want.indicator);
        assert.deepEqual(p.options, { ...want.options });
        assert.deepEqual(p.flags, want.flags);
        assert.equal(source.slice(p.start.offset, p.end.offset), p.source);
        assert.deepEqual(at(p.start.offset), p.start);
        assert.equal(p.source, formatPlaceholder(want));
      });
      // the text segments are the literal parts, in order
      const text = segments
        .map((s) => (s.type === 'text' ? s.text : '\u0000'))
        .join('')
        .split('\u0000');
      assert.deepEqual(
        text,
        [...parts.map(([t]) => t), tail].filter((_, i, a) => i < a.length),
      );
    }),
  );
});

test('the parser never throws, and every error points inside the text', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('{', '}', ' ', 'a', '=', '\n', '\\', 'value', 'x_1') }),
      (s) => {
        const { errors, segments } = parseText(s);
        const lines = s.split('\n');
        for (const e of errors) {
          assert.ok(e.line >= 1 && e.line <= lines.length, `line ${e.line}`);
          assert.ok(e.column >= 1 && e.column <= lines[e.line - 1]!.length + 1, `column ${e.column}`);
          assert.ok(e.message.nl && e.message.en);
        }
        // nothing is lost: every placeholder's source and every text piece come from the input
        for (const seg of segments)
          if (seg.type === 'placeholder') assert.ok(s.includes(seg.placeholder.source));
      },
    ),
  );
});

test('text without {{ is one text segment, unchanged', () => {
  fc.assert(
    fc.property(
      fc.string().filter((s) => !s.includes('{{')),
      (s) => {
        const { segments, errors } = parseText(s);
        assert.deepEqual(errors, []);
        assert.deepEqual(segments, s ? [{ type: 'text', text: s }] : []);
      },
    ),
  );
});

test('errors name their line and column', () => {
  const { errors } = parseText('Eerste regel.\nHet is {{waarde agr_any_12m}} en {{value Agr}}.\n{{change x');
  assert.deepEqual(
    errors.map((e) => [e.code, e.line, e.column]),
    [
      ['unknown-kind', 2, 10],
      ['invalid-indicator', 2, 42],
      ['unclosed', 3, 1],
    ],
  );
  assert.equal(parseText('{{ }}').errors[0]!.code, 'empty');
  assert.equal(parseText('{{value a role=x role=y}}').errors[0]!.code, 'duplicate-option');
  assert.equal(parseText('{{value a role=<b>}}').errors[0]!.code, 'invalid-option');
  assert.equal(parseText('{{value}}').errors[0]!.code, 'missing-indicator');
});

test('\\{{ is a literal {{', () => {
  assert.deepEqual(parseText('a \\{{value x}} b').segments, [{ type: 'text', text: 'a {{value x}} b' }]);
});
