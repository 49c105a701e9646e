/**
 * The folders' boundaries (CONTRIBUTING.md, docs/ARCHITECTURE.md):
 * - src/platform imports no domain: nothing outside src/platform under src/ (a domain, the CLI, the
 *   composition root), statically or with `import()`, tests included (they take the composed modules
 *   from test/support/modules.ts). Domains plug in through their module descriptor instead.
 * - src/stats is pure: its code imports only its own files, the error catalogue (src/platform/errors.ts,
 *   which imports nothing), the CSV text functions (src/platform/csv/csv.ts, which import only the
 *   catalogue) and zod; no Node built-in, no database, no other package. Its tests may read files.
 * Imports are read from the source with a pattern (the TypeScript in use has no JavaScript API); the
 * pattern itself is tested below.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mts)$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * Every module specifier in a source text: `import … from 'x'`, `export … from 'x'`, `import 'x'`,
 * `import('x')` and `import type … from 'x'`, also across lines. Comments are skipped.
 */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) out.push(m[2]!);
  return out;
}

/** The project path (from the repository root) a relative specifier points at; undefined for a package. */
function target(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(root, resolve(dirname(file), specifier));
}

/** `file: specifier` for every import of `files` that `allowed` refuses. */
function violations(files: string[], allowed: (file: string, specifier: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((s) => !allowed(file, s))
      .map((s) => `${relative(root, file)}: ${s}`),
  );
}

/** src/platform may import itself, packages and Node, and (in tests) test/support; nothing else in src/. */
export const platformMayImport = (file: string, specifier: string): boolean => {
  const to = target(file, specifier);
  if (to === undefined) return true;
  return to.startsWith('src/platform/') || !to.startsWith('src/');
};

/** highs: the LP solver of disclosure control (HiGHS as WebAssembly; pure computation). */
const statsPackages = new Set(['zod', 'highs']);
/** src/stats code may import its own files, the error catalogue, the CSV text functions and zod. */
export const statsMayImport = (file: string, specifier: string): boolean => {
  const to = target(file, specifier);
  if (to === undefined) return statsPackages.has(specifier);
  return to.startsWith('src/stats/') || to === 'src/platform/errors.js' || to === 'src/platform/csv/csv.js';
};

test('src/platform imports no domain (nor the CLI or the composition root)', () => {
  // This file is left out: its samples below are import statements that must be refused.
  const files = sourceFiles(join(root, 'src/platform')).filter((f) => f !== import.meta.filename);
  assert.ok(files.length > 100, 'the platform files were found');
  assert.deepEqual(violations(files, platformMayImport), []);
});

test('src/stats code imports nothing with I/O and nothing from another folder', () => {
  const files = sourceFiles(join(root, 'src/stats')).filter((f) => !/\.test\.ts$/.test(f));
  assert.ok(files.length > 20, 'the statistics files were found');
  assert.deepEqual(violations(files, statsMayImport), []);
});

test('the rules refuse what they should, in every form of import', () => {
  const platformFile = join(root, 'src/platform/http/app.ts');
  const forms = [
    "import { monitorModule } from '../../monitor/module.js';",
    "import type { Wave } from '../../monitor/fieldwork/model.js';",
    "export { x } from '../../meldpunt/service.js';",
    "import '../../results/side-effect.js';",
    "const m = await import('../../monitor/fieldwork/routes.js');",
    "const m = await import(\n  '../../results/routes.js'\n);",
    "import {\n  a,\n  b,\n} from '../../composition.js';",
    "() => import('../../cli/commands/wave.js'),",
  ];
  for (const source of forms) {
    const found = importsOf(source);
    assert.equal(found.length, 1, source);
    assert.equal(platformMayImport(platformFile, found[0]!), false, source);
  }
  assert.deepEqual(
    importsOf("// import x from '../../monitor/a.js'\n/* import('../../monitor/b.js') */"),
    [],
  );
  for (const ok of ["import { can } from '../access/policy.js';", "import Fastify from 'fastify';"])
    assert.equal(platformMayImport(platformFile, importsOf(ok)[0]!), true, ok);
  assert.equal(platformMayImport(platformFile, '../../../test/support/modules.js'), true);

  const statsFile = join(root, 'src/stats/csv.ts');
  for (const bad of [
    'node:fs',
    'fs',
    'pg',
    '@electric-sql/pglite',
    '../platform/db/database.js',
    '../monitor/x.js',
  ])
    assert.equal(statsMayImport(statsFile, bad), false, bad);
  for (const good of ['./table.js', '../platform/errors.js', 'zod'])
    assert.equal(statsMayImport(statsFile, good), true, good);
});
