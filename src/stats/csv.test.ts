import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../platform/errors.js';
import { parseCsv } from './csv.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const labels = (t: ReturnType<typeof parseCsv>, name: string) => {
  const f = t.factor(name);
  return Array.from(f.codes, (c) => (c < 0 ? null : f.levels[c]!));
};

test('RFC 4180: quotes, doubled quotes, embedded newlines, CRLF, BOM, empty = missing', () => {
  const t = parseCsv(bytes('\uFEFFid,text,n\r\n1,"a, ""b""",2.5\r\n2,"line\r\nbreak",\r\n3,,7\r\n'));
  assert.deepEqual(t.header, ['id', 'text', 'n']);
  assert.equal(t.rows, 3);
  assert.deepEqual(labels(t, 'text'), ['a, "b"', 'line\r\nbreak', null]);
  assert.deepEqual(Array.from(t.numeric('n')), [2.5, Number.NaN, 7]);
});

test('semicolon separator (Dutch Excel) is detected; decimal numbers as R reads them', () => {
  const t = parseCsv(bytes('a;b\n1;"x;y"\n01;z\n'));
  assert.equal(t.separator, ';');
  assert.deepEqual(labels(t, 'b'), ['x;y', 'z']);
  // a numeric column compares as R's as.character: 01 is "1"
  assert.deepEqual(labels(t, 'a'), ['1', '1']);
  assert.equal(parseCsv(bytes('a,b\n1,2\n'), { separator: ';' }).header[0], 'a,b');
});

test('reads only the requested columns, numbers without per-field strings', () => {
  const t = parseCsv(bytes('w,g,skip\n1.25,a,x\n-3e2,b,y\n'), { columns: { w: 'numeric', g: 'factor' } });
  assert.deepEqual(Array.from(t.numeric('w')), [1.25, -300]);
  assert.equal(t.has('skip'), false);
});

function errorAt(text: string, columns?: Record<string, 'numeric' | 'factor'>) {
  try {
    parseCsv(bytes(text), { file: 'x.csv', columns });
  } catch (err) {
    assert.ok(err instanceof AppError);
    return { ...err.location, detail: err.detail };
  }
  assert.fail('expected an error');
}

test('errors name the line and the column', () => {
  assert.deepEqual(errorAt('a,b\n1,"open\n2,3\n'), {
    file: 'x.csv',
    line: 2,
    column: 2,
    detail: 'quoted field is not closed',
  });
  assert.equal(errorAt('a,b\n1,2\n"x\ny",3,4\n').line, 3);
  const e = errorAt('a,b\n"m\nn",1\n2,zz\n', { b: 'numeric' });
  assert.deepEqual([e.line, e.column], [4, 2]);
  assert.match(e.detail!, /"zz" is not a number/);
  assert.equal(errorAt('a,b\n"x"y,1\n').column, 1);
});

test('any table written as RFC 4180 reads back unchanged', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', '\r\n', ' ', '1'),
    minLength: 1,
    maxLength: 6,
  });
  fc.assert(
    fc.property(
      fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }),
      fc.constantFrom(',', ';'),
      (rows, sep) => {
        const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
        const text = [`"h1"${sep}"h2"`, ...rows.map(([a, b]) => `${q(a)}${sep}${q(b)}`)].join('\r\n');
        const t = parseCsv(bytes(text), { separator: sep });
        const expect = (s: string) =>
          /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? String(Number(s)) : s;
        const col = labels(t, 'h1');
        const allNumbers = rows.every(([a]) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(a));
        assert.deepEqual(
          col,
          rows.map(([a]) => (allNumbers ? expect(a) : a)),
        );
      },
    ),
  );
});

test('with ; as separator, decimal commas are numbers (Dutch Excel)', () => {
  const t = parseCsv(bytes('w;g\n1,5;a\n"2,25";b\n3;c\n'), { columns: { w: 'numeric', g: 'factor' } });
  assert.deepEqual(Array.from(t.numeric('w')), [1.5, 2.25, 3]);
  const both = parseCsv(bytes('w;g\n1,5;a\n'));
  assert.deepEqual(Array.from(both.numeric('w')), [1.5]);
});
