import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSame, psppMissing, readWithPspp } from '../../../../test/support/pspp.js';
import type { Column, ExportDataset, Language } from '../dataset.js';
import { writeSav } from './writer.js';

const dir = mkdtempSync(join(tmpdir(), 'sav-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;

function roundTrip(d: ExportDataset, language: Language) {
  const file = join(dir, `${++serial}.sav`);
  writeFileSync(file, writeSav(d, { language, created: new Date('2026-12-07T20:00:00Z') }));
  return readWithPspp(file);
}

const example: ExportDataset = {
  title: { nl: 'Monitor 2024 — proef', en: 'Monitor 2024 — test' },
  cases: 3,
  weight: 'gewicht',
  columns: [
    {
      code: 'q1_veilig',
      type: 'numeric',
      role: 'answer',
      measurement: 'ordinal',
      decimals: 0,
      label: { nl: 'Voelt u zich veilig in uw functie? (één keuze)', en: 'Do you feel safe in your role?' },
      valueLabels: [
        { value: 1, label: { nl: 'Ja, helemaal', en: 'Yes, completely' } },
        { value: 2, label: { nl: 'Nee', en: 'No' } },
        { value: 98, label: { nl: 'Weet ik niet', en: "Don't know" } },
        { value: 99, label: { nl: 'Zeg ik liever niet', en: 'Prefer not to say' } },
      ],
      missing: [98, 99],
      values: [1, null, 99],
    },
    {
      code: 'gewicht',
      type: 'numeric',
      role: 'weight',
      measurement: 'scale',
      decimals: 4,
      label: { nl: 'Weegfactor', en: 'Weight' },
      valueLabels: [],
      missing: [],
      values: [1.2345678901234567, 0.5, 2],
    },
    {
      code: 'bestuurslaag',
      type: 'string',
      role: 'design',
      measurement: 'nominal',
      label: { nl: 'Bestuurslaag', en: 'Layer of government' },
      valueLabels: [{ value: 'gemeente', label: { nl: 'Gemeente', en: 'Municipality' } }],
      missing: ['onbekend'],
      values: ['gemeente', 'waterschap Ö', null],
    },
  ],
};

describe('SPSS .sav writer', () => {
  it('refuses what SPSS cannot hold, with a clear message', () => {
    const long = {
      ...example,
      weight: undefined,
      columns: [{ ...example.columns[2], values: ['x'.repeat(32768), null, null] } as Column],
    };
    assert.throws(() => writeSav(long, { language: 'nl' }), /32768 bytes; the limit is 32767/);
    const reserved = {
      ...example,
      weight: undefined,
      columns: [{ ...example.columns[1], code: 'with' } as Column],
    };
    assert.throws(() => writeSav(reserved, { language: 'nl' }), /reserved word/);
    const twoMissing = { ...long, columns: [{ ...example.columns[2], missing: ['a', 'b'] } as Column] };
    assert.throws(() => writeSav(twoMissing, { language: 'nl' }), /at most one missing value/);
  });
});

describe('SPSS .sav writer, read back by PSPP', { skip: psppMissing }, () => {
  it('keeps every value, variable label, value label, missing code, measurement level and the weight (nl and en)', () => {
    for (const language of ['nl', 'en'] as const) assertSame(example, language, roundTrip(example, language));
  });

  it('writes very long strings (over 255 bytes) in segments that PSPP joins again', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => 'abcdéfghij日'[i % 11]).join('');
    const values = [text(600), text(86), null, text(400).slice(0, 85) + 'ø'];
    const d: ExportDataset = {
      ...example,
      weight: undefined,
      cases: 4,
      columns: [
        {
          code: 'open_antwoord',
          type: 'string',
          role: 'free-text',
          measurement: 'nominal',
          label: { nl: 'Toelichting', en: 'Comment' },
          valueLabels: [],
          missing: [],
          values,
        },
        {
          code: 'n',
          type: 'numeric',
          role: 'answer',
          measurement: 'scale',
          decimals: 0,
          label: { nl: 'N', en: 'N' },
          valueLabels: [],
          missing: [],
          values: [1, 2, 3, 4],
        },
      ],
    };
    assert.ok(Buffer.byteLength(values[0]!) > 510);
    assertSame(d, 'nl', roundTrip(d, 'nl'));
  });

  it('round-trips random datasets: names, non-ASCII labels, missing values, long strings', () => {
    const text = (max: number) =>
      fc
        .string({ unit: fc.constantFrom(...'abcxyzABCéëïöüßøÅ€ 12-_,;"\'αβ日本'.split('')), maxLength: max })
        .map((s) => s.trim())
        .filter((s) => !/\[[a-z]+\]$/.test(s));
    const label = fc.record({ nl: text(30), en: text(30) });
    const measurement = fc.constantFrom('nominal' as const, 'ordinal' as const, 'scale' as const);
    const dataset = fc.integer({ min: 1, max: 6 }).chain((cases) => {
      const numeric = fc.record({
        type: fc.constant('numeric' as const),
        role: fc.constant('answer' as const),
        measurement,
        decimals: fc.integer({ min: 0, max: 4 }),
        label,
        valueLabels: fc
          .uniqueArray(fc.integer({ min: -5, max: 200 }), { maxLength: 4 })
          .chain((vs) => fc.tuple(...vs.map((value) => label.map((l) => ({ value, label: l }))))),
        missing: fc.uniqueArray(fc.integer({ min: 90, max: 99 }), { maxLength: 3 }),
        values: fc.array(
          fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })),
          {
            minLength: cases,
            maxLength: cases,
          },
        ),
      });
      const string = fc.integer({ min: 1, max: 700 }).chain((width) =>
        fc.record({
          type: fc.constant('string' as const),
          role: fc.constant('design' as const),
          measurement,
          label,
          valueLabels: fc
            .uniqueArray(
              text(8).filter((s) => s.length > 0 && Buffer.byteLength(s) <= width),
              { maxLength: width > 255 ? 0 : 3 },
            )
            .chain((vs) => fc.tuple(...vs.map((value) => label.map((l) => ({ value, label: l }))))),
          missing: fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), {
            maxLength: width > 255 ? 0 : width > 8 ? 1 : 3,
          }),
          values: fc.array(
            fc.option(
              fc.string({ unit: fc.constantFrom(...'aé日 x,"'.split('')), maxLength: width }).map((s) =>
                Buffer.from(s)
                  .subarray(0, width)
                  .toString('utf8')
                  .replace(/\uFFFD/g, '')
                  .trim(),
              ),
            ),
            { minLength: cases, maxLength: cases },
          ),
        }),
      );
      const weight = fc.array(fc.double({ min: 0.01, max: 50, noNaN: true }), {
        minLength: cases,
        maxLength: cases,
      });
      return fc.record({
        cases: fc.constant(cases),
        columns: fc.array(fc.oneof(numeric, string), { maxLength: 5 }),
        names: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,40}$/), {
          minLength: 5,
          maxLength: 5,
          selector: (s) => s.toLowerCase(),
        }),
        weight,
        title: label,
      });
    });
    fc.assert(
      fc.property(dataset, fc.constantFrom('nl' as const, 'en' as const), (g, language) => {
        const reservedWords = /^(all|and|by|eq|ge|gt|le|lt|ne|not|or|to|with|w)$/i;
        fc.pre(g.names.every((n) => !reservedWords.test(n)));
        const columns: Column[] = g.columns.map((c, i) => ({ ...c, code: g.names[i] ?? `v${i}` }) as Column);
        columns.push({
          code: 'w',
          type: 'numeric',
          role: 'weight',
          measurement: 'scale',
          decimals: 2,
          label: { nl: 'Weegfactor', en: 'Weight' },
          valueLabels: [],
          missing: [],
          values: g.weight,
        });
        const d: ExportDataset = { title: g.title, cases: g.cases, columns, weight: 'w' };
        assertSame(d, language, roundTrip(d, language));
      }),
      { numRuns: 12 },
    );
  });
});
