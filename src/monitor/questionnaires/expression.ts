/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * The expression language of `relevant` (routing) and `constraint` (validation): the subset of
 * XLSForm/XPath that researchers write in ODK and KoboToolbox, parsed into an AST and evaluated
 * without `eval`.
 *
 *   expr     := or
 *   or       := and ('or' and)*
 *   and      := eq ('and' eq)*
 *   eq       := rel (('=' | '!=') rel)*
 *   rel      := add (('<' | '<=' | '>' | '>=') add)*
 *   add      := mul (('+' | '-') mul)*
 *   mul      := unary (('*' | 'div' | 'mod') unary)*
 *   unary    := '-' unary | primary
 *   primary  := number | string | '${' name '}' | '.' | function '(' args ')' | '(' expr ')'
 *   function := not | selected | count-selected | string-length | true | false | today
 *
 * Strings are quoted with ' or " (no escapes, as in XPath 1.0). `.` is the value being validated
 * (in constraints). Evaluation follows XPath 1.0: a missing answer is the empty string; comparing
 * with a number compares numerically (an empty or non-numeric value is NaN, so `${age} > 18` is
 * false while the age is unanswered); two ISO dates compare as dates; a multiple-choice answer is
 * its option codes separated by spaces (use `selected()` and `count-selected()`).
 * Evaluation never throws: any answer set gives a value.
 */

import type { Localised } from '../../platform/errors.js';

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';
export const functionArity = {
  not: 1,
  selected: 2,
  'count-selected': 1,
  'string-length': 1,
  true: 0,
  false: 0,
  today: 0,
} as const;
export type FunctionName = keyof typeof functionArity;

export type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'ref'; name: string }
  | { kind: 'self' }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] };

export interface ExpressionError {
  /** What is wrong, in Dutch and English: lower case and without a full stop, so it can be quoted. */
  message: Localised;
  /** 0-based offset into the source where the problem starts. */
  position: number;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExpressionError };

// ---------------------------------------------------------------------------------------------
// Lexer

type Token =
  | { t: 'num'; value: number; pos: number; end: number }
  | { t: 'str'; value: string; pos: number; end: number }
  | { t: 'ref'; name: string; pos: number; end: number }
  | { t: 'name'; name: string; pos: number; end: number }
  | { t: 'op'; op: string; pos: number; end: number }
  | { t: 'eof'; pos: number; end: number };

const REF_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

class ParseError extends Error {
  constructor(
    readonly localised: Localised,
    readonly position: number,
  ) {
    super(localised.en);
  }
}

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '$') {
      if (src[i + 1] !== '{')
        throw new ParseError(
          {
            nl: "een '$' moet een verwijzing beginnen, zoals ${name}",
            en: "'$' must start a reference like ${name}",
          },
          i,
        );
      const close = src.indexOf('}', i + 2);
      if (close < 0)
        throw new ParseError(
          { nl: "de verwijzing '${' is niet gesloten met '}'", en: "reference '${' is not closed with '}'" },
          i,
        );
      const name = src.slice(i + 2, close).trim();
      if (!REF_NAME.test(name))
        throw new ParseError(
          { nl: `'${name}' is geen geldige veldnaam`, en: `'${name}' is not a valid field name` },
          i,
        );
      out.push({ t: 'ref', name, pos: start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0)
        throw new ParseError(
          { nl: 'de tekst is niet gesloten met een aanhalingsteken', en: 'text is not closed with a quote' },
          i,
        );
      out.push({ t: 'str', value: src.slice(i + 1, close), pos: start, end: close + 1 });
      i = close + 1;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      if (i < src.length && /[A-Za-z_]/.test(src[i]!))
        throw new ParseError(
          { nl: `onverwacht '${src[i]}' na een getal`, en: `unexpected '${src[i]}' after a number` },
          i,
        );
      out.push({ t: 'num', value: Number(num[0]), pos: start, end: i });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z][A-Za-z0-9_]*)*/.exec(src.slice(i))!;
      i += m[0].length;
      out.push({ t: 'name', name: m[0], pos: start, end: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'op', op: two, pos: start, end: i + 2 });
      i += 2;
      continue;
    }
    if ('=<>+-*().,'.includes(c)) {
      out.push({ t: 'op', op: c, pos: start, end: i + 1 });
      i++;
      continue;
    }
    throw new ParseError({ nl: `onverwacht teken '${c}'`, en: `unexpected character '${c}'` }, i);
  }
  out.push({ t: 'eof', pos: src.length, end: src.length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser

const MAX_DEPTH = 64;

const levels: BinaryOp[][] = [
  ['or'],
  ['and'],
  ['=', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', 'div', 'mod'],
];
const wordOps = new Set(['or', 'and', 'div', 'mod']);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private opOf(tok: Token): string | undefined {
    if (tok.t === 'op') return tok.op;
    if (tok.t === 'name' && wordOps.has(tok.name)) return tok.name;
    return undefined;
  }
  private expectOp(op: string): Token {
    const tok = this.peek();
    if (this.opOf(tok) !== op) {
      const at = describe(tok);
      throw new ParseError({ nl: `'${op}' verwacht ${at.nl}`, en: `expected '${op}' ${at.en}` }, tok.pos);
    }
    this.i++;
    return tok;
  }

  parseAll(): Expr {
    const e = this.binary(0);
    const tok = this.peek();
    if (tok.t !== 'eof')
      throw new ParseError(
        {
          nl: `onverwachte invoer ${describe(tok).nl}; ontbreekt er een operator (zoals =, and of or)?`,
          en: `unexpected ${describe(tok).en}; an operator is missing?`,
        },
        tok.pos,
      );
    return e;
  }

  private binary(level: number): Expr {
    if (level >= levels.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.opOf(this.peek());
      if (!op || !(levels[level] as string[]).includes(op)) return left;
      this.i++;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op: op as BinaryOp, left, right };
    }
  }

  private unary(): Expr {
    const tok = this.peek();
    if (tok.t === 'op' && tok.op === '-') {
      this.i++;
      const next = this.peek();
      if (next.t === 'num') {
        this.i++;
        return { kind: 'number', value: next.value === 0 ? 0 : -next.value };
      }
      return this.nested(() => ({ kind: 'neg', arg: this.unary() }), tok.pos);
    }
    return this.primary();
  }

  private nested<T>(f: () => T, pos: number): T {
    if (++this.depth > MAX_DEPTH)
      throw new ParseError(
        { nl: 'de expressie heeft te veel lagen haakjes', en: 'expression is nested too deeply' },
        pos,
      );
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private primary(): Expr {
    const tok = this.peek();
    switch (tok.t) {
      case 'num':
        this.i++;
        return { kind: 'number', value: tok.value };
      case 'str':
        this.i++;
        return { kind: 'string', value: tok.value };
      case 'ref':
        this.i++;
        return { kind: 'ref', name: tok.name };
      case 'op':
        if (tok.op === '.') {
          this.i++;
          return { kind: 'self' };
        }
        if (tok.op === '(') {
          this.i++;
          const e = this.nested(() => this.binary(0), tok.pos);
          this.expectOp(')');
          return e;
        }
        throw new ParseError(
          { nl: `een waarde verwacht ${describe(tok).nl}`, en: `expected a value ${describe(tok).en}` },
          tok.pos,
        );
      case 'name': {
        const next = this.tokens[this.i + 1];
        if (!(next?.t === 'op' && next.op === '(')) {
          if (wordOps.has(tok.name))
            throw new ParseError(
              { nl: `een waarde verwacht vóór '${tok.name}'`, en: `expected a value before '${tok.name}'` },
              tok.pos,
            );
          throw new ParseError(
            {
              nl: `'${tok.name}' mag hier niet staan: verwijs naar een veld als \${${tok.name}} en zet tekst tussen aanhalingstekens, zoals '${tok.name}'`,
              en: `'${tok.name}' is not allowed here: refer to a field as \${${tok.name}} and quote text as '${tok.name}'`,
            },
            tok.pos,
          );
        }
        if (!Object.hasOwn(functionArity, tok.name)) {
          const supported = Object.keys(functionArity).join(', ');
          throw new ParseError(
            {
              nl: `onbekende functie '${tok.name}()'; u kunt deze gebruiken: ${supported}`,
              en: `unknown function '${tok.name}()'; supported: ${supported}`,
            },
            tok.pos,
          );
        }
        const fn = tok.name as FunctionName;
        this.i += 2;
        const args: Expr[] = [];
        if (this.opOf(this.peek()) !== ')') {
          for (;;) {
            args.push(this.nested(() => this.binary(0), tok.pos));
            if (this.opOf(this.peek()) === ',') {
              this.i++;
              continue;
            }
            break;
          }
        }
        this.expectOp(')');
        if (args.length !== functionArity[fn]) {
          const n = functionArity[fn];
          throw new ParseError(
            {
              nl: `${fn}() heeft ${n} ${n === 1 ? 'argument' : 'argumenten'} nodig, niet ${args.length}`,
              en: `${fn}() takes ${n} argument${n === 1 ? '' : 's'}, not ${args.length}`,
            },
            tok.pos,
          );
        }
        return { kind: 'call', fn, args };
      }
      case 'eof':
        throw new ParseError(
          { nl: 'de expressie houdt te vroeg op', en: 'expression ends too early' },
          tok.pos,
        );
    }
  }
}

function describe(tok: Token): Localised {
  switch (tok.t) {
    case 'eof':
      return { nl: 'aan het einde', en: 'at the end' };
    case 'num':
      return { nl: `bij het getal ${tok.value}`, en: `at number ${tok.value}` };
    case 'str':
      return { nl: 'bij een tekst tussen aanhalingstekens', en: 'at a quoted text' };
    case 'ref':
      return { nl: `bij \${${tok.name}}`, en: `at \${${tok.name}}` };
    case 'name':
      return { nl: `bij '${tok.name}'`, en: `at '${tok.name}'` };
    case 'op':
      return { nl: `bij '${tok.op}'`, en: `at '${tok.op}'` };
  }
}

/** Parses an expression; errors carry the 0-based position of the problem. */
export function parseExpression(src: string): ParseResult {
  try {
    return { ok: true, expr: new Parser(lex(src)).parseAll() };
  } catch (err) {
    if (err instanceof ParseError)
      return { ok: false, error: { message: err.localised, position: err.position } };
    throw err;
  }
}

/** Every `${name}` the expression refers to, in order of appearance, without repeats. */
export function referencesOf(expr: Expr): string[] {
  const out = new Set<string>();
  const walk = (e: Expr) => {
    if (e.kind === 'ref') out.add(e.name);
    else if (e.kind === 'neg') walk(e.arg);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'call') e.args.forEach(walk);
  };
  walk(expr);
  return [...out];
}

export function usesSelf(expr: Expr): boolean {
  switch (expr.kind) {
    case 'self':
      return true;
    case 'neg':
      return usesSelf(expr.arg);
    case 'binary':
      return usesSelf(expr.left) || usesSelf(expr.right);
    case 'call':
      return expr.args.some(usesSelf);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Printer

const precedence = (e: Expr): number => {
  if (e.kind === 'binary') return levels.findIndex((l) => l.includes(e.op)) + 1;
  if (e.kind === 'neg') return 7;
  return 8;
};

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Avoid exponent notation, which the grammar does not have.
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** Prints an AST as canonical source; `parseExpression(printExpression(e))` gives `e` back. */
export function printExpression(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return e.value.includes("'") ? `"${e.value}"` : `'${e.value}'`;
    case 'number':
      return formatNumber(e.value);
    case 'ref':
      return `\${${e.name}}`;
    case 'self':
      return '.';
    case 'neg': {
      const inner = printExpression(e.arg);
      return precedence(e.arg) < 7 ? `-(${inner})` : `-${inner}`;
    }
    case 'call':
      return `${e.fn}(${e.args.map(printExpression).join(', ')})`;
    case 'binary': {
      const p = precedence(e);
      const l = printExpression(e.left);
      const r = printExpression(e.right);
      const left = precedence(e.left) < p ? `(${l})` : l;
      const right = precedence(e.right) <= p ? `(${r})` : r;
      return `${left} ${e.op} ${right}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluator

export type Value = string | number | boolean;

export interface Environment {
  /** The value of `${name}`: an answer or a context variable; anything else counts as missing. */
  get(name: string): unknown;
  /** The value of `.` (in a constraint: the answer being checked). */
  self?: unknown;
  /** `today()`, as YYYY-MM-DD; defaults to the current date. */
  today?: string;
}

/** Any stored answer shape → an XPath value. Arrays (multiple choice) become space-separated codes. */
export function toValue(v: unknown): Value {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').join(' ');
  return '';
}

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return NUMERIC.test(v) ? Number(v) : Number.NaN;
}
export function toBoolean(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v.length > 0;
}
export function toText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return formatNumber(v);
}

const tokensOf = (v: Value) => toText(v).split(/\s+/).filter(Boolean);

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b);
  return a === b;
}

function compare(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b)) {
    x = a;
    y = b;
  } else {
    x = toNumber(a);
    y = toNumber(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
  }
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/** Evaluates an AST. Never throws, whatever the environment returns. */
export function evaluate(e: Expr, env: Environment): Value {
  switch (e.kind) {
    case 'string':
    case 'number':
      return e.value;
    case 'ref': {
      let v: unknown;
      try {
        v = env.get(e.name);
      } catch {
        v = undefined;
      }
      return toValue(v);
    }
    case 'self':
      return toValue(env.self);
    case 'neg':
      return -toNumber(evaluate(e.arg, env));
    case 'call': {
      const args = e.args.map((a) => evaluate(a, env));
      switch (e.fn) {
        case 'not':
          return !toBoolean(args[0] ?? '');
        case 'selected':
          return tokensOf(args[0] ?? '').includes(toText(args[1] ?? '').trim());
        case 'count-selected':
          return tokensOf(args[0] ?? '').length;
        case 'string-length':
          return toText(args[0] ?? '').length;
        case 'true':
          return true;
        case 'false':
          return false;
        case 'today':
          return env.today ?? todayIso();
      }
      return '';
    }
    case 'binary': {
      if (e.op === 'or') return toBoolean(evaluate(e.left, env)) || toBoolean(evaluate(e.right, env));
      if (e.op === 'and') return toBoolean(evaluate(e.left, env)) && toBoolean(evaluate(e.right, env));
      const a = evaluate(e.left, env);
      const b = evaluate(e.right, env);
      switch (e.op) {
        case '=':
          return equal(a, b);
        case '!=':
          return !equal(a, b);
        case '<':
        case '<=':
        case '>':
        case '>=':
          return compare(e.op, a, b);
        case '+':
          return toNumber(a) + toNumber(b);
        case '-':
          return toNumber(a) - toNumber(b);
        case '*':
          return toNumber(a) * toNumber(b);
        case 'div':
          return toNumber(a) / toNumber(b);
        case 'mod':
          return toNumber(a) % toNumber(b);
      }
    }
  }
  return '';
}

/** Answers (a plain record) as an environment. */
export const environmentOf = (answers: Readonly<Record<string, unknown>>, self?: unknown): Environment => ({
  get: (name) => (Object.hasOwn(answers, name) ? answers[name] : undefined),
  self,
});

export const evaluateBoolean = (e: Expr, env: Environment): boolean => toBoolean(evaluate(e, env));

/** Parses (with a small cache) and evaluates an expression source; unparseable means false. */
const cache = new Map<string, ParseResult>();
export function compile(src: string): ParseResult {
  let r = cache.get(src);
  if (!r) {
    r = parseExpression(src);
    if (cache.size > 5000) cache.clear();
    cache.set(src, r);
  }
  return r;
}
