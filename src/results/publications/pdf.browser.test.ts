/**
 * A product's PDF read back with poppler (pdfinfo, pdfinfo -struct, pdffonts, pdftotext): tagged with
 * a structure tree holding the headings and the table's header cells, a document outline, the
 * document language, every font embedded, A4, the running title and page numbers on every page, and
 * a long table's header row repeated on page 2 with no row split over two pages. Rendered through
 * the real Chromium pool (src/platform/pdf) from the printable document (document.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { createTestDatabase } from '../../../test/support/database.js';
import { createWave } from '../../monitor/fieldwork/waves-service.js';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { PdfPool } from '../../platform/pdf/pool.js';
import type { ProductLang } from './product.js';
import { type ProductFile, renderProducts } from './render.js';
import { performRender, requestRender } from './render-service.js';
import { writeReport } from './report-files.js';
import { storedPublicationFiles } from './stored-files.js';
import { FIXTURE_ROWS, fixtureDefinition } from './test-fixture.js';

const poppler = spawnSync('pdfinfo', ['-v']).status === 0;
const skip = browserSkip || (poppler ? false : 'poppler-utils (pdfinfo) not installed');

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-pdf-'));
let database: Database;
let waveId: string;
let pool: PdfPool;
const pdfs = new Map<ProductLang, { path: string; file: ProductFile }>();

const run = (cmd: string, ...args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** The PDF's strings `/Title (…)` and `/Title <FEFF…>` (UTF-16BE), decoded. */
function pdfTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)/g)].map((m) => {
    if (m[1] !== undefined) return Buffer.from(m[1].replace(/\\(.)/g, '$1'), 'latin1').toString('latin1');
    const bytes = Buffer.from(m[2]!, 'hex');
    return bytes.subarray(2).swap16().toString('utf16le');
  });
}

before(async () => {
  if (skip) return;
  database = await createTestDatabase();
  const wave = await createWave(database.db, { code: 'pdf-2024', name: 'Monitor 2024' }, cliActor('test'));
  waveId = wave.id;
  pool = new PdfPool({ concurrency: 2, launch: launchBrowser });
  await renderProducts(
    {
      scope: { database, wave, visibility: 'embargoed' },
      definitions: [fixtureDefinition()],
      langs: ['nl', 'en'],
      pdf: pool,
    },
    {
      onFile: async (f) => {
        if (f.format !== 'pdf' || f.ref.key !== 'main') return;
        const path = join(dir, f.fileName);
        writeFileSync(path, f.content);
        pdfs.set(f.lang, { path, file: f });
      },
    },
  );
});
after(async () => {
  await pool?.close();
  await database?.close();
  if (!process.env.KEEP_PDF) rmSync(dir, { recursive: true, force: true });
});

test('the PDF is tagged A4 with a structure tree of headings and table headers', { skip }, () => {
  const { path, file } = pdfs.get('nl')!;
  const info = run('pdfinfo', path);
  assert.match(info, /^Tagged:\s+yes$/m);
  assert.match(info, /^Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)$/m);
  assert.match(info, /^Title:\s+Bijlage bij de Kamerbrief Monitor 2024$/m);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
  assert.ok(pages >= 2, `a ${FIXTURE_ROWS}-row table spans pages (got ${pages})`);
  assert.equal(file.pages, pages, 'the stored page count is the PDF’s');

  const struct = run('pdfinfo', '-struct', path);
  assert.match(struct, /^\s*H1\b/m);
  assert.match(struct, /^\s*H2\b/m);
  assert.match(struct, /^\s*Table\b/m);
  assert.match(struct, /^\s*Caption\b/m);
  assert.match(struct, /^\s*TH\b[^\n]*\n\s*\/Scope \/Column/m);
  assert.match(struct, /^\s*TH\b[^\n]*\n\s*\/Scope \/Row/m);
  assert.ok((struct.match(/^\s*TD\b/gm) ?? []).length >= FIXTURE_ROWS);
});

test('the PDF has an outline of its headings, its language, and every font embedded', { skip }, () => {
  for (const [lang, { path, file }] of pdfs) {
    const text = file.content.toString('latin1');
    assert.match(text, /\/Type\s*\/Catalog/);
    assert.match(text, new RegExp(`/Lang\\s*\\(${lang}\\)`), `document language ${lang}`);
    assert.match(text, /\/Outlines\s+\d+\s+0\s+R/, 'an outline');
    const titles = pdfTitles(file.content);
    assert.ok(titles.includes(lang === 'nl' ? 'Verantwoording' : 'Method'), titles.join(' | '));
    assert.ok(titles.includes(lang === 'nl' ? 'Belangrijkste uitkomsten (main)' : 'Key findings (main)'));
    assert.ok(titles.some((t) => t.startsWith(lang === 'nl' ? 'Bijlage bij de Kamerbrief' : 'Annex')));

    const fonts = run('pdffonts', path).trim().split('\n').slice(2);
    assert.ok(fonts.length > 0);
    for (const line of fonts) {
      const [emb] = line.slice(line.search(/\s(yes|no)\s+(yes|no)\s+(yes|no)\s/) + 1).split(/\s+/);
      assert.equal(emb, 'yes', `embedded: ${line}`);
    }
    assert.ok(
      fonts.some((l) => /DejaVuSans|LiberationSans/.test(l)),
      'a local font, no web font',
    );
  }
});

test('every page carries the running title and its number; the table header repeats; no row is split', {
  skip,
}, () => {
  for (const [lang, { path }] of pdfs) {
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', path))![1]);
    const seen = new Map<number, number>();
    for (let p = 1; p <= pages; p++) {
      const text = run('pdftotext', '-layout', '-f', String(p), '-l', String(p), path, '-');
      const label = lang === 'nl' ? `Pagina ${p} van ${pages}` : `Page ${p} of ${pages}`;
      assert.ok(text.includes(label), `page ${p}: ${label}`);
      assert.ok(
        text.includes(
          lang === 'nl' ? 'Bijlage bij de Kamerbrief · pdf-2024' : 'Annex to the letter · pdf-2024',
        ),
      );
      const group = lang === 'nl' ? 'Groep' : 'Group';
      for (const m of text.matchAll(new RegExp(`^\\s*${group} (\\d+)\\s+(\\d+[.,]\\d)\\s*$`, 'gm')))
        seen.set(Number(m[1]), (seen.get(Number(m[1])) ?? 0) + 1);
      if (p === 2)
        assert.match(
          text,
          new RegExp(`^\\s*${group}\\s+${lang === 'nl' ? 'Aandeel' : 'Share'} \\(%\\)\\s*$`, 'm'),
          'the header row again on page 2',
        );
    }
    // every row once, its label and its value on one line of one page
    assert.equal(seen.size, FIXTURE_ROWS);
    assert.ok([...seen.values()].every((n) => n === 1));
  }
});

test('the render job’s work and `weerbaar report --pdf` make the PDFs through the pool', {
  skip,
}, async () => {
  const r = await requestRender(database.db, waveId, cliActor('test'), { langs: ['nl'], pdf: true });
  const done = (await performRender(database, r.render.id, { pool, definitions: [fixtureDefinition()] }))!;
  assert.equal(done.state, 'done', JSON.stringify(done.errors));
  const stored = await storedPublicationFiles(database, waveId);
  assert.deepEqual(
    stored.map((f) => `${f.key}.${f.format}`),
    ['extra.html', 'extra.pdf', 'main.html', 'main.pdf'],
  );
  for (const f of stored.filter((f) => f.format === 'pdf')) {
    assert.equal(f.contentType, 'application/pdf');
    assert.ok(f.pages! >= 2);
  }

  const out = join(dir, 'report');
  const report = await writeReport(database, 'pdf-2024', {
    out,
    langs: ['en'],
    pdf: pool,
    definitions: [fixtureDefinition()],
  });
  assert.equal(report.failures.length, 0);
  assert.deepEqual(readdirSync(out).sort(), [
    'SHA256SUMS',
    'pdf-2024-annex-en.html',
    'pdf-2024-annex-en.pdf',
    'pdf-2024-annex-extra-en.html',
    'pdf-2024-annex-extra-en.pdf',
  ]);
  const info = run('pdfinfo', join(out, 'pdf-2024-annex-en.pdf'));
  assert.match(info, /^Tagged:\s+yes$/m);
});
