/**
 * Reads an SPSS system file back with GNU PSPP (an independent reader): the dictionary through
 * DISPLAY DICTIONARY in PSPP's CSV output and the cases through SAVE TRANSLATE /TYPE=CSV (numbers with 17
 * significant digits, so doubles round-trip). Tests skip when /usr/bin/pspp is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/platform/csv/csv.js';

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
