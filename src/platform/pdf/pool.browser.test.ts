/**
 * The bounded Chromium pool in real Chromium: never more pages at once than its size (the rest wait
 * their turn), every request gets its own PDF, a document cannot reach the network, and the margin
 * texts are escaped. The accessibility of the PDFs themselves: src/results/publications/pdf.browser.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { pdfSupport } from './chromium.js';
import { marginTemplates, PdfPool } from './pool.js';

const pools: PdfPool[] = [];
after(async () => {
  for (const p of pools) await p.close();
});

const doc = (n: number, extra = '') =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Document ${n}</title></head><body><main><h1>Document ${n}</h1>${extra}</main></body></html>`;

test('margin texts are escaped; the page number line gets Chromium’s fields', () => {
  const { header, footer } = marginTemplates({
    runningTitle: '<b>R&D</b>',
    pageLabel: 'Pagina {page} van {pages}',
  });
  assert.ok(header.includes('&lt;b&gt;R&amp;D&lt;/b&gt;'));
  assert.ok(!header.includes('<b>'));
  assert.ok(footer.includes('Pagina <span class="pageNumber"></span> van <span class="totalPages"></span>'));
});

test('pdfSupport: CHROMIUM_PATH that is not a program says so', () => {
  assert.deepEqual(pdfSupport({ CHROMIUM_PATH: '/nonexistent/chromium' }), {
    available: false,
    reason: 'not-executable',
    path: '/nonexistent/chromium',
  });
});

test('at most `concurrency` pages print at once; every request gets its own PDF', {
  skip: browserSkip,
}, async () => {
  const pool = new PdfPool({ concurrency: 2, launch: launchBrowser });
  pools.push(pool);
  let maxActive = 0;
  let maxWaiting = 0;
  const watch = setInterval(() => {
    maxActive = Math.max(maxActive, pool.load.active);
    maxWaiting = Math.max(maxWaiting, pool.load.waiting);
  }, 1);
  const pdfs = await Promise.all(
    [1, 2, 3, 4, 5, 6].map((n) =>
      pool.render(doc(n), { runningTitle: `T${n}`, pageLabel: '{page}/{pages}' }),
    ),
  );
  clearInterval(watch);
  assert.ok(maxActive <= 2, `at most 2 at once (saw ${maxActive})`);
  assert.ok(maxWaiting >= 1, 'the others waited');
  assert.deepEqual(pool.load, { active: 0, waiting: 0 });
  pdfs.forEach((pdf, i) => {
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.toString('latin1'), new RegExp(`/Title \\(Document ${i + 1}\\)`));
  });
});

test('a document cannot reach the network', { skip: browserSkip }, async () => {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const pool = new PdfPool({ concurrency: 1, launch: launchBrowser });
    pools.push(pool);
    const url = `http://127.0.0.1:${port}`;
    const pdf = await pool.render(
      doc(
        1,
        `<img src="${url}/img.png" alt=""><link rel="stylesheet" href="${url}/x.css"><iframe src="${url}/f" title="f"></iframe>`,
      ),
      { runningTitle: 't', pageLabel: '{page}' },
    );
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(hits, 0);
  } finally {
    server.close();
  }
});
