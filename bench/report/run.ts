/**
 * `npm run bench:report`: every registered product (src/results/publications/products.ts) of the demo
 * wave 2024, first as HTML only, then as HTML and PDF through the bounded Chromium pool, with the
 * number of files, pages and their sizes. Products of other branches are picked up as they are
 * registered. While fewer than BENCH_MIN_PRODUCTS are registered (default 1), a synthetic run follows
 * (BENCH_SYNTHETIC products of the test-only fixture: a 3-page annex with a 70-row table), so that
 * the pool's PDF throughput is measured anyway; the table says which rows are synthetic.
 * Options (environment): PDF_CONCURRENCY (pages at once, default 2), BENCH_SYNTHETIC (default 300),
 * BENCH_LANG (nl), CHROMIUM_PATH. Writes the section `report` of docs/benchmarks.md; the files go to
 * bench/out/report (gitignored).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { createWave } from '../../src/monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../src/monitor/questionnaires/templates/index.js';
import { cliActor } from '../../src/platform/audit/audit.js';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { loadRegistry } from '../../src/platform/orgs/registry.js';
import { pdfSupport } from '../../src/platform/pdf/chromium.js';
import { PdfPool } from '../../src/platform/pdf/pool.js';
import { loadDemoWave } from '../../src/results/demo/demo-step.js';
import { demoWaveTruths } from '../../src/results/demo/waves.js';
import type { ProductDefinition, ProductLang } from '../../src/results/publications/product.js';
import { productDefinitions } from '../../src/results/publications/products.js';
import { type ProductFile, renderProducts } from '../../src/results/publications/render.js';
import { fixtureDefinition } from '../../src/results/publications/test-fixture.js';
import { runResults } from '../../src/results/runs/service.js';
import { machineDetails, replaceSection } from '../machine.js';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'bench/out/report');
const actor = cliActor('bench');
const lang = (process.env.BENCH_LANG ?? 'nl') as ProductLang;
const concurrency = Number(process.env.PDF_CONCURRENCY ?? 2);
const synthetic = Number(process.env.BENCH_SYNTHETIC ?? 300);
const minProducts = Number(process.env.BENCH_MIN_PRODUCTS ?? 1);

interface Row {
  label: string;
  products: number;
  html: Measure;
  pdf?: Measure & { pages: number; maxPages: number; chromiumCpu: number };
  load: string;
}
interface Measure {
  wall: number;
  cpu: number;
  files: number;
  failures: number;
  bytes: number;
  maxBytes: number;
}

async function measure(
  database: Database,
  waveCode: string,
  definitions: readonly ProductDefinition[],
  pool: PdfPool | undefined,
  dir: string,
) {
  const { findWave } = await import('../../src/monitor/fieldwork/waves-service.js');
  const wave = await findWave(database.db, waveCode);
  const files: Array<{ format: string; size: number; pages: number }> = [];
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await renderProducts(
    {
      scope: { database, wave, visibility: 'embargoed' },
      definitions,
      langs: [lang],
      ...(pool ? { pdf: pool } : {}),
    },
    {
      onFile: async (f: ProductFile) => {
        files.push({ format: f.format, size: f.content.length, pages: f.pages ?? 0 });
        writeFileSync(join(dir, f.fileName), f.content);
      },
      onFailure: async (f) => console.error(`failed: ${f.ref.kind}/${f.ref.key} ${f.format}: ${f.message}`),
    },
  );
  const c = process.cpuUsage(c0);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  type File = (typeof files)[number];
  const of = (format: string) => files.filter((f) => f.format === format);
  const sum = (fs: File[]) => fs.reduce((a, f) => a + f.size, 0);
  const max = (fs: File[]) => fs.reduce((a, f) => Math.max(a, f.size), 0);
  const base: Measure = {
    wall,
    cpu: (c.user + c.system) / 1e6,
    files: files.length,
    failures: r.failures,
    bytes: sum(of('html')),
    maxBytes: max(of('html')),
  };
  return {
    products: r.products,
    measure: base,
    pdf: {
      bytes: sum(of('pdf')),
      maxBytes: max(of('pdf')),
      pages: of('pdf').reduce((a, f) => a + f.pages, 0),
      maxPages: of('pdf').reduce((a, f) => Math.max(a, f.pages), 0),
    },
  };
}

async function bench(
  database: Database,
  label: string,
  waveCode: string,
  definitions: readonly ProductDefinition[],
): Promise<Row> {
  const dir = join(outDir, waveCode);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const load = os.loadavg()[0]!.toFixed(1);
  const html = await measure(database, waveCode, definitions, undefined, dir);
  console.log(`${label}: HTML of ${html.products} products in ${html.measure.wall.toFixed(1)} s`);
  const support = pdfSupport({ CHROMIUM_PATH: process.env.CHROMIUM_PATH });
  if (!support.available) {
    console.log(`no Chromium (${support.path}): PDF not measured`);
    return { label, products: html.products, html: html.measure, load };
  }
  const pool = new PdfPool({ concurrency, executablePath: support.executablePath });
  try {
    const pdf = await measure(database, waveCode, definitions, pool, dir);
    const chromiumCpu = descendantsCpu();
    console.log(`${label}: HTML + PDF of ${pdf.products} products in ${pdf.measure.wall.toFixed(1)} s`);
    return {
      label,
      products: html.products,
      html: html.measure,
      pdf: { ...pdf.measure, ...pdf.pdf, chromiumCpu },
      load,
    };
  } finally {
    await pool.close();
  }
}

/**
 * CPU seconds (user + system, including their reaped children) of every process below this one:
 * Chromium, its zygote and renderers. Read from /proc before the pool closes them.
 */
function descendantsCpu(): number {
  try {
    const ticks = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
    const procs = new Map<number, { ppid: number; cpu: number }>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // after "pid (comm) ": state ppid … utime(12) stime(13) cutime(14) cstime(15), counted from state = 0
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        procs.set(Number(name), {
          ppid: Number(f[1]),
          cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks,
        });
      } catch {
        // the process ended meanwhile
      }
    }
    const below = (pid: number): boolean => {
      for (let p = procs.get(pid)?.ppid; p; p = procs.get(p)?.ppid) if (p === process.pid) return true;
      return false;
    };
    let sum = 0;
    for (const [pid, p] of procs) if (below(pid)) sum += p.cpu;
    return sum;
  } catch {
    return Number.NaN;
  }
}

const s = (x: number) => `${x.toFixed(2)} s`;
const kb = (b: number) => `${(b / 1000).toFixed(0)} kB`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

function section(rows: Row[], registered: string[]): string {
  const lines = rows.map((r) => {
    const html = `${s(r.html.wall)} (${r.html.cpu.toFixed(2)})`;
    const htmlSize = `${mb(r.html.bytes)} (max ${kb(r.html.maxBytes)})`;
    if (!r.pdf) return `| ${r.label} | ${r.products} | ${html} | ${htmlSize} | – | – | – | ${r.load} |`;
    return `| ${r.label} | ${r.products} | ${html} | ${htmlSize} | ${s(r.pdf.wall)} (${r.pdf.cpu.toFixed(2)} + ${r.pdf.chromiumCpu.toFixed(1)}) | ${r.pdf.pages} (max ${r.pdf.maxPages}) | ${mb(r.pdf.bytes)} (max ${kb(r.pdf.maxBytes)}) | ${r.load} |`;
  });
  return `## Publications (\`npm run bench:report\`)

Every registered product of the demo wave 2024 (${lang}) rendered by \`renderProducts\`, the code path of
the render job and \`weerbaar report\`: first HTML only, then HTML and PDF through the bounded Chromium
pool (PDF_CONCURRENCY=${concurrency} pages of one browser; the browser's start is included). Wall time,
with CPU seconds in brackets: the Node process, and for PDF also "+ Chromium" (the browser, its zygote
and renderers, read from /proc before the pool closes them). On a quiet machine the PDF time is about the summed
CPU divided by the cores. Registered
definitions when measured: ${registered.length ? registered.join(', ') : 'none yet (they come with the texts, report and letters branches)'}.
Rows marked *synthetic* render the test-only fixture product (src/results/publications/test-fixture.ts:
a title, a paragraph, a 70-row table over 3 pages) that many times, to measure the PDF pool before the
real products are registered.

| Products | Count | HTML | HTML size | HTML + PDF | PDF pages | PDF size | Load (1 min) |
|---|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}

Goals (issue #15): all HTML of the 2024 wave (2 report parts, the 5-minute version, ~28 factsheets, a
letter per responding organisation, 200–400) under 30 s, all PDFs under 3 minutes on this 2-core machine.

Machine (shared: other engineers' builds and tests ran at the same time, so the wall times are
inflated; the CPU seconds are the steadier figure):
${machineDetails()}
- Load average at the start: ${rows[0]?.load ?? '?'} (1 min)`;
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const definitions = await productDefinitions();
  const rows: Row[] = [];
  const database = await openDatabase({});
  try {
    await runMigrations(database);
    if (definitions.length > 0) {
      const truth = demoWaveTruths.find((w) => w.year === 2024)!;
      await database.db.transaction(async (tx) => {
        await loadRegistry(tx, actor);
        await loadTemplates(tx, actor);
        await loadDemoWave(tx, truth, actor);
      });
      await runResults(database, truth.code, actor);
      rows.push(await bench(database, 'demo wave 2024, every registered product', truth.code, definitions));
    }
    if ((rows[0]?.products ?? 0) < minProducts) {
      await createWave(database.db, { code: 'bench-synthetic', name: 'Monitor 2024' }, actor);
      rows.push(
        await bench(database, `*synthetic* (${synthetic} × fixture)`, 'bench-synthetic', [
          fixtureDefinition({ count: synthetic }),
        ]),
      );
    }
  } finally {
    await database.close();
  }
  const docPath = join(root, 'docs/benchmarks.md');
  writeFileSync(
    docPath,
    replaceSection(
      readFileSync(docPath, 'utf8'),
      'report',
      section(
        rows,
        definitions.map((d) => d.kind),
      ),
    ),
  );
  console.log(
    section(
      rows,
      definitions.map((d) => d.kind),
    ),
  );
}

await main();
