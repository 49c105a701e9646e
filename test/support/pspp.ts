/**
 * Reads an SPSS system file back with GNU PSPP (an independent reader): the dictionary through
 * DISPLAY DICTIONARY in PSPP's CSV output and the cases through SAVE TRANSLATE /TYPE=CSV (numbers with 17
 * significant digits, so doubles round-trip). Tests skip when /usr/bin/pspp is missing.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/platform/csv/csv.js';
import type { Column, ExportDataset, Language } from '../../src/results/exports/dataset.js';

export const psppPath = process.env.PSPP_PATH ?? '/usr/bin/pspp';
export const psppMissing = existsSync(psppPath)
  ? false
  : `PSPP not installed at ${psppPath} (Debian: apt-get install pspp)`;

export interface PsppVariable {
  name: string;
  label: string;
  measurement: string;
  printFormat: string;
  /** User-missing values as PSPP shows them: numbers, or strings without quotes. */
  missing: string[];
}

export interface PsppFile {
  variables: PsppVariable[];
  /** Per variable name: [value as shown, label]. */
  valueLabels: Map<string, [string, string][]>;
  weight: string | null;
  cases: number;
  /** Header then one row per case; a system-missing number is an empty string. */
  rows: string[][];
}

function tables(csv: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const r of parseCsv(csv)) {
    const first = r.values[0] ?? '';
    if (r.values.length === 1 && /\.sps:\d+: /.test(first)) continue;
    if (r.values.length === 1 && first.startsWith('Table: ')) {
      const title = first.slice(7);
      current = out.has(title) ? null : [];
      if (current) out.set(title, current);
    } else if (r.values.length === 1 && first.startsWith('Footnote: ')) {
      current = null;
    } else current?.push(r.values);
  }
  return out;
}

function parseMissing(s: string): string[] {
  if (s === '') return [];
  if (s.startsWith('"'))
    return [...s.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replaceAll('""', '"'));
  return s.split('; ');
}

export function readWithPspp(file: string): PsppFile {
  const dir = mkdtempSync(join(tmpdir(), 'pspp-'));
  try {
    const dataCsv = join(dir, 'data.csv');
    const syntax = [
      'SET TVARS=NAMES.',
      `GET FILE='${file}'.`,
      'DISPLAY DICTIONARY.',
      'SHOW WEIGHT.',
      'SHOW N.',
      `SAVE TRANSLATE /OUTFILE='${dataCsv}' /TYPE=CSV /FIELDNAMES /REPLACE.`,
    ].join('\n');
    writeFileSync(join(dir, 'read.sps'), `${syntax}\n`);
    const out = join(dir, 'out.csv');
    const run = spawnSync(psppPath, ['-O', 'format=csv', '-o', out, join(dir, 'read.sps')], {
      encoding: 'utf8',
    });
    const notes = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0 || /\b(error|warning):/i.test(notes)) throw new Error(`PSPP reported: ${notes}`);
    const text = readFileSync(out, 'utf8');
    const t = tables(text);
    const variables = (t.get('Variables') ?? []).slice(1).map((r) => ({
      name: r[0] ?? '',
      label: r[2] ?? '',
      measurement: r[3] ?? '',
      printFormat: r[7] ?? '',
      missing: parseMissing(r[9] ?? ''),
    }));
    const valueLabels = new Map<string, [string, string][]>();
    let name = '';
    for (const r of (t.get('Value Labels') ?? []).slice(1)) {
      if (r[0]) name = r[0];
      const list = valueLabels.get(name) ?? [];
      list.push([(r[1] ?? '').replace(/\[[a-z]+\]$/, ''), r[2] ?? '']);
      valueLabels.set(name, list);
    }
    const weight = /WEIGHT is (\S+)\./.exec(notes)?.[1] ?? null;
    const cases = Number(/N is (\d+)\./.exec(notes)?.[1] ?? Number.NaN);
    const rows = parseCsv(readFileSync(dataCsv, 'utf8')).map((r) =>
      r.values.map((v) => (v === ' ' ? '' : v)),
    );
    return { variables, valueLabels, weight: weight === 'OFF' ? null : weight, cases, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const measurementName = { nominal: 'Nominal', ordinal: 'Ordinal', scale: 'Scale' } as const;

/** Every value, label and missing code of `d` equals what PSPP read back. */
export function assertSame(d: ExportDataset, language: Language, back: PsppFile) {
  assert.equal(back.cases, d.cases);
  assert.equal(back.weight, d.weight ?? null);
  assert.deepEqual(
    back.variables.map((v) => v.name),
    d.columns.map((c) => c.code),
  );
  d.columns.forEach((c: Column, j) => {
    const v = back.variables[j];
    assert.ok(v);
    assert.equal(v.label, c.label[language], `label of ${c.code}`);
    const level = c.type === 'string' && c.measurement === 'scale' ? 'nominal' : c.measurement;
    assert.equal(v.measurement, measurementName[level], `measurement of ${c.code}`);
    if (c.type === 'numeric') assert.deepEqual(v.missing.map(Number), c.missing, `missing of ${c.code}`);
    else
      assert.deepEqual(
        v.missing.map((m) => m.trimEnd()),
        c.missing,
        `missing of ${c.code}`,
      );
    const labels = back.valueLabels.get(c.code) ?? [];
    // PSPP lists value labels sorted by value; the file keeps them in any order.
    const byValue = (a: [number | string, string], b: [number | string, string]) =>
      typeof a[0] === 'number' ? (a[0] as number) - (b[0] as number) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
    assert.deepEqual(
      labels
        .map(([value, label]): [number | string, string] => [
          c.type === 'numeric' ? Number(value) : value,
          label,
        ])
        .sort(byValue),
      c.valueLabels.map((l): [number | string, string] => [l.value, l.label[language]]).sort(byValue),
      `value labels of ${c.code}`,
    );
    for (let i = 0; i < d.cases; i++) {
      const shown = back.rows[i + 1]?.[j];
      if (c.type === 'numeric') {
        const x = c.values[i];
        assert.equal(shown === '' ? null : Number(shown), x ?? null, `${c.code}[${i}]`);
      } else assert.equal(shown, (c.values[i] ?? '').trimEnd(), `${c.code}[${i}]`);
    }
  });
}
