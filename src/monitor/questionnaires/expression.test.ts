/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type BinaryOp,
  type Expr,
  environmentOf,
  evaluate,
  evaluateBoolean,
  type FunctionName,
  functionArity,
  parseExpression,
  printExpression,
  referencesOf,
} from './expression.js';

const parse = (src: string): Expr => {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message.en} at ${r.error.position}`);
  return r.expr;
};
const run = (src: string, answers: Record<string, unknown> = {}, self?: unknown) =>
  evaluate(parse(src), { ...environmentOf(answers, self), today: '2026-11-23' });

test('XLSForm relevant expressions as researchers write them', () => {
  const a = { agr_verbal_12m: 'een_keer', reasons: ['niet_ernstig', 'anders'], age: 42, name: '' };
  assert.equal(run("${agr_verbal_12m} = 'een_keer'", a), true);
  assert.equal(run("${agr_verbal_12m} != 'nooit' and ${age} >= 18", a), true);
  assert.equal(run("selected(${reasons}, 'anders')", a), true);
  assert.equal(run("selected(${reasons}, 'ander')", a), false);
  assert.equal(run('count-selected(${reasons}) > 1', a), true);
  assert.equal(run("not(selected(${reasons}, 'anders')) or ${age} < 40", a), false);
  assert.equal(run('${age} + 8 = 50', a), true);
  assert.equal(run('${age} div 4 > 10 and ${age} mod 4 = 2', a), true);
  assert.equal(run('. >= 0 and . <= 60', {}, 61), false);
  assert.equal(run('. >= 0 and . <= 60', {}, '12'), true);
  assert.equal(run("${name} = ''", a), true);
  assert.equal(run('string-length(${name}) = 0', a), true);
  assert.equal(run('true() and not(false())'), true);
  assert.equal(run('. <= today()', {}, '2026-01-31'), true);
  assert.equal(run(". > '2026-12-01'", {}, '2026-11-30'), false);
  assert.equal(run('-3 < -${age}', a), false);
  assert.equal(run('"it\'s" = "it\'s"'), true);
});

test('a missing answer is empty: comparisons with numbers are false, equality with text works', () => {
  assert.equal(run('${age} > 18'), false);
  assert.equal(run('${age} <= 18'), false);
  assert.equal(run("${x} = ''"), true);
  assert.equal(run("${x} != 'ja'"), true);
  assert.equal(run("selected(${x}, 'ja')"), false);
  assert.equal(run('count-selected(${x})'), 0);
});

test('parse errors say what and where', () => {
  const cases: Array<[string, RegExp, number]> = [
    ["${a} = 'x", /not closed/, 7],
    ['${a} = x', /\$\{x\}/, 7],
    ["${a} == 'x'", /expected a value/, 6],
    ['selected(${a})', /takes 2 arguments/, 0],
    ["lower(${a}) = 'x'", /unknown function 'lower\(\)'/, 0],
    ['(${a} = 1', /expected '\)'/, 9],
    ['${a} 1', /operator is missing/, 5],
    ['$a = 1', /\$\{name\}/, 0],
    ['${a b} = 1', /not a valid field name/, 0],
    ['', /ends too early/, 0],
    ['${a} = 1 and', /ends too early/, 12],
  ];
  for (const [src, message, position] of cases) {
    const r = parseExpression(src);
    assert.equal(r.ok, false, src);
    if (!r.ok) {
      assert.match(r.error.message.en, message, src);
      assert.ok(r.error.message.nl && r.error.message.nl !== r.error.message.en, `${src}: Dutch message`);
      assert.equal(r.error.position, position, `${src}: ${r.error.message.en}`);
    }
  }
  assert.equal(parseExpression(`${'('.repeat(200)}1${')'.repeat(200)}`).ok, false);
});

test('references are listed once, in order', () => {
  assert.deepEqual(referencesOf(parse("${b} = 1 or selected(${a}, 'x') and ${b} > 2")), ['b', 'a']);
});

test('precedence: and binds tighter than or, comparison tighter than and, * tighter than +', () => {
  assert.deepEqual(parse('${a} or ${b} and ${c}'), parse('${a} or (${b} and ${c})'));
  assert.deepEqual(parse('1 + 2 * 3 = 7'), parse('(1 + (2 * 3)) = 7'));
  assert.equal(printExpression(parse('(${a} or ${b}) and ${c}')), '(${a} or ${b}) and ${c}');
  assert.equal(printExpression(parse('${a} - (${b} - ${c})')), '${a} - (${b} - ${c})');
  assert.equal(printExpression(parse('(${a} - ${b}) - ${c}')), '${a} - ${b} - ${c}');
});

// ------------------------------------------------------------------------------------------------
// Properties

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const text = fc.oneof(
  fc.stringMatching(/^[a-z0-9 _éë-]{0,8}$/),
  fc.stringMatching(/^[a-z]{0,3}'[a-z]{0,3}$/),
  fc.stringMatching(/^[a-z]{0,3}"[a-z]{0,3}$/),
);
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
);
const binaryOps: BinaryOp[] = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', 'div', 'mod'];

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((value) => ({ kind: 'string' as const, value })),
    number.map((value) => ({ kind: 'number' as const, value: value === 0 ? 0 : value })),
    name.map((n) => ({ kind: 'ref' as const, name: n })),
    fc.constant({ kind: 'self' as const }),
    // A negated number literal is parsed as a negative literal, so generate neg only over others.
    tie('expr')
      .filter((e) => e.kind !== 'number')
      .map((arg) => ({ kind: 'neg' as const, arg })),
    fc
      .record({ op: fc.constantFrom(...binaryOps), left: tie('expr'), right: tie('expr') })
      .map((r) => ({ kind: 'binary' as const, ...r })),
    fc
      .constantFrom(...(Object.keys(functionArity) as FunctionName[]))
      .chain((fn) =>
        fc
          .array(tie('expr'), { minLength: functionArity[fn], maxLength: functionArity[fn] })
          .map((args) => ({ kind: 'call' as const, fn, args })),
      ),
  ),
})).expr;

test('property: printing then parsing an expression gives the same AST', () => {
  fc.assert(
    fc.property(exprArb, (e) => {
      const src = printExpression(e);
      const r = parseExpression(src);
      assert.ok(r.ok, `${src}: ${!r.ok && r.error.message.en}`);
      assert.deepEqual(r.expr, e);
    }),
    { numRuns: 2000 },
  );
});

test('property: the printed form is canonical (print ∘ parse ∘ print = print)', () => {
  fc.assert(
    fc.property(exprArb, (e) => {
      const src = printExpression(e);
      const r = parseExpression(src);
      assert.ok(r.ok);
      assert.equal(printExpression(r.expr), src);
    }),
  );
});

const answerValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
  fc.object(),
  fc.anything(),
);

test('property: evaluation never throws on any answer set, and relevance is a boolean', () => {
  fc.assert(
    fc.property(exprArb, fc.dictionary(name, answerValue), answerValue, (e, answers, self) => {
      const v = evaluate(e, environmentOf(answers, self));
      assert.ok(['string', 'number', 'boolean'].includes(typeof v));
      assert.equal(typeof evaluateBoolean(e, environmentOf(answers, self)), 'boolean');
    }),
    { numRuns: 2000 },
  );
});

test('property: the parser never throws on arbitrary input (it returns an error with a position)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (src) => {
      const r = parseExpression(src);
      if (!r.ok) assert.ok(r.error.position >= 0 && r.error.position <= src.length);
    }),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.constantFrom(
          '${a}',
          "'x'",
          '1',
          '.',
          '(',
          ')',
          ' and ',
          ' or ',
          '=',
          '-',
          'not(',
          ',',
          'selected(',
        ),
        {
          maxLength: 20,
        },
      ),
      (parts) => {
        const src = parts.join('');
        const r = parseExpression(src);
        if (!r.ok) assert.ok(r.error.position >= 0 && r.error.position <= src.length);
      },
    ),
    { numRuns: 3000 },
  );
});

test('property: selected() is true exactly for chosen option codes', () => {
  fc.assert(
    fc.property(fc.uniqueArray(name, { maxLength: 6 }), name, (chosen, probe) => {
      const e = parse(`selected(\${q}, '${probe}')`);
      assert.equal(evaluateBoolean(e, environmentOf({ q: chosen })), chosen.includes(probe));
      assert.equal(evaluate(parse('count-selected(${q})'), environmentOf({ q: chosen })), chosen.length);
    }),
  );
});
