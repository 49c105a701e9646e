/**
 * Every error text a person can see over HTTP exists in Dutch and English. The catalogue is checked
 * directly; the texts at the throw sites are read from the source (a few patterns, no parser: the
 * TypeScript in use has no JavaScript API), so a new English-only `detail` or `reason` in code that
 * serves HTTP fails here, with its file and line.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { errorCatalogue } from './errors.js';

const root = resolve(import.meta.dirname, '../..');

/** Code whose error texts reach HTTP clients. (In src/monitor even the CLI's paths are bilingual.) */
const served = ['src/platform', 'src/monitor'];
/** Code whose errors only reach the CLI, the log or startup: English only, by design. */
const cliOnly = [
  'src/platform/config', // read at startup, before any request
  'src/platform/db', // opening the database and its lock: startup and CLI
  'src/platform/jobs', // background jobs: their errors go to the log and `weerbaar jobs`
  'src/platform/mail', // the outbox: errors go to the log and `weerbaar mail`
  'src/platform/orgs/registry.ts', // the built-in registry files, read by the CLI and at startup
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const files = served
  .flatMap((d) => sourceFiles(join(root, d)))
  .map((p) => relative(root, p))
  .filter((p) => !cliOnly.some((c) => p === c || p.startsWith(`${c}/`)))
  .sort();

const QUOTE = `['"\`]`;
/** A detail written as one string: `new AppError(code, { …, detail: '…' | \`…\` … })`. */
const oneLanguageDetail = new RegExp(`\\bdetail:\\s*\\(?${QUOTE}`, 'g');
/** A reason written as one string. */
const oneLanguageReason = new RegExp(`\\breason:\\s*\\(?${QUOTE}`, 'g');
/** A half of a pair that is empty, e.g. `nl: ''`. */
const emptyHalf = /\b(nl|en):\s*(['"`])\s*\2/g;
/** A pair whose halves are the same literal, i.e. not translated. */
const samePair = /\bnl:\s*('[^'\n]*'|"[^"\n]*"),\s*en:\s*\1/g;

/** `file:line: what` for each error text that is not in both languages, or half empty. */
function findingsIn(file: string, source: string): string[] {
  const out: string[] = [];
  const report = (index: number, what: string) =>
    out.push(`${file}:${source.slice(0, index).split('\n').length}: ${what}`);
  // Details: only inside the options of `new AppError(…)` (up to the `})` that closes them).
  for (const m of source.matchAll(/new AppError\(/g)) {
    const end = source.indexOf('})', m.index);
    const call = source.slice(m.index, end === -1 ? undefined : end);
    for (const d of call.matchAll(oneLanguageDetail)) report(m.index + d.index, 'detail in one language');
  }
  // Reasons: only in an invalid field, an object that also has a name and a code.
  for (const m of source.matchAll(oneLanguageReason)) {
    const before = source.slice(Math.max(0, m.index - 300), m.index);
    const open = Math.max(...[...before.matchAll(/(?<!\$)\{/g)].map((o) => o.index), -1);
    const object = before.slice(open);
    if (open >= 0 && /\bname\b/.test(object) && /\bcode\b/.test(object))
      report(m.index, 'reason in one language');
  }
  for (const m of source.matchAll(emptyHalf)) report(m.index, `empty ${m[1]}`);
  for (const m of source.matchAll(samePair)) report(m.index, 'the same text in nl and en');
  return [...new Set(out)].sort();
}

test('every error in the catalogue has a Dutch and an English title', () => {
  for (const [code, entry] of Object.entries(errorCatalogue)) {
    assert.ok(entry.title.nl.trim() && entry.title.en.trim(), code);
    assert.notEqual(entry.title.nl, entry.title.en, `${code}: the Dutch title is the English one`);
  }
});

test('error texts that reach HTTP clients are written in Dutch and English', () => {
  assert.ok(files.length > 20, 'the source files were found');
  const findings = files.flatMap((f) => findingsIn(f, readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(findings, [], 'write these as { nl, en } (Dutch B1, "u")');
});

test('the check finds English-only texts and empty halves, and accepts pairs', () => {
  const sample = `
    throw new AppError('not-found', { detail: 'no such thing' });
    throw new AppError('not-found', { detail: \`no \${x}\` });
    throw new AppError('not-found', { detail: { nl: 'Niet gevonden', en: 'Not found' } });
    problems.push({ name: 'x', code: 'y', reason: 'bad' });
    problems.push({ name: 'x', code: 'y', reason: { nl: '', en: 'bad' } });
    problems.push({ name: 'x', code: 'y', reason: zodReason(issue) });
  `;
  assert.deepEqual(findingsIn('sample.ts', sample), [
    'sample.ts:2: detail in one language',
    'sample.ts:3: detail in one language',
    'sample.ts:5: reason in one language',
    'sample.ts:6: empty nl',
  ]);
});
