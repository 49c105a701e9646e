/**
 * The disclosure scan of every publication (issue #15, "Disclosure"): both demo waves (the demo
 * template), their runs computed and released, then every product registered in products.ts rendered
 * as a viewer sees it, in Dutch and English, and every figure and marked table row held against the
 * runs' own disclosure decision (./scan.ts): zero findings. The scan itself is shown to fail on a
 * product that shows a suppressed cell.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createDemoTestDatabase } from '../../../test/support/database.js';
import { modules } from '../../../test/support/modules.js';
import type { Wave } from '../../monitor/fieldwork/model.js';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { registerMessages } from '../../platform/i18n/catalogue.js';
import { releaseRun } from '../release/service.js';
import { type RunSummary, runResults } from '../runs/service.js';
import { cellKey } from '../trends/trend.js';
import { productDocument } from './document.js';
import type { ProductLang, RenderedProduct } from './product.js';
import { listProducts, productDefinition } from './products.js';
import { ProductBuilder } from './report/build.js';
import { scanProduct } from './scan.js';

registerMessages(modules);

let database: Database;
const actor = cliActor('test');
const byWave = new Map<string, RunSummary>();
const waves: Wave[] = [];

before(async () => {
  database = await createDemoTestDatabase();
  for (const code of ['monitor-2022', 'monitor-2024']) {
    const run = await runResults(database, code, actor);
    await releaseRun(database, run.waveId, run.id, actor);
    byWave.set(code, run);
    waves.push(await findWave(database.db, code));
  }
});
after(() => database?.close());

const rendered: Array<{ wave: string; p: RenderedProduct }> = [];

test('every product of both demo waves passes the disclosure scan, in Dutch and English', {
  timeout: 900_000,
}, async () => {
  const findings: string[] = [];
  for (const wave of waves) {
    const scope = { database, wave, visibility: 'released' as const };
    const products = await listProducts(scope);
    const kinds = new Set(products.map((p) => p.kind));
    assert.ok(
      kinds.has('report-safety') && kinds.has('report-integrity') && kinds.has('factsheet'),
      wave.code,
    );
    for (const ref of products)
      for (const lang of ['nl', 'en'] as ProductLang[]) {
        const p = await (await productDefinition(ref.kind)).render({ ...scope, lang }, ref);
        const b = new ProductBuilder({ ...scope, lang });
        findings.push(...scanProduct(p, { byWave, wave: wave.code }, (x) => b.pct(x)));
        if (lang === 'nl') rendered.push({ wave: wave.code, p });
        // PUBLICATIONS_OUT=dir keeps every document for a look (not in CI)
        if (process.env.PUBLICATIONS_OUT)
          writeFileSync(
            join(process.env.PUBLICATIONS_OUT, `${wave.code}-${ref.kind}-${ref.key}-${lang}.html`),
            productDocument(p),
          );
      }
  }
  assert.deepEqual(findings, []);
  // the scan had something to check: suppressed cells appear, as dashes
  const figures = rendered.flatMap(({ p }) => p.figures);
  assert.ok(figures.some((f) => f.suppressed));
  assert.ok(figures.filter((f) => !f.suppressed && !f.where.startsWith('method:')).length > 1000);
});

test('the factsheets follow the disclosure decision: CdK and dijkgraven only with a related role', () => {
  const run = byWave.get('monitor-2024')!;
  const keys = rendered
    .filter(({ wave, p }) => wave === 'monitor-2024' && p.ref.kind === 'factsheet')
    .map(({ p }) => p.ref.key);
  const headline = (role: string) =>
    run.estimates.office_holders!.cells.find(
      (c) => cellKey(c.indicator, c.by) === cellKey('agr_any_12m', { bg_role: role }),
    )!;
  // the demo's 12 CdK and 21 dijkgraven are too few alone: they share the factsheet of their layer's
  // executives (the run's layer × role group cell, decided by disclosure control with every other cell)
  for (const [role, combined] of [
    ['cdk', 'roles-gedeputeerde-cdk'],
    ['dijkgraaf', 'roles-lid-db-dijkgraaf'],
  ] as const) {
    assert.equal(headline(role).suppressed, 'few-respondents', role);
    assert.ok(!keys.includes(`role-${role}`), role);
    assert.ok(keys.includes(combined), `${role}: ${keys.join(', ')}`);
  }
  const safety = rendered.find(({ wave, p }) => wave === 'monitor-2024' && p.ref.kind === 'report-safety')!.p;
  assert.match(safety.body, /commissarissen van de Koning bij gedeputeerden/);
  const cdk = rendered.find(
    ({ wave, p }) => wave === 'monitor-2024' && p.ref.key === 'roles-gedeputeerde-cdk',
  )!.p;
  assert.ok(
    cdk.figures.some(
      (f) => f.by.bg_role_group === 'bestuurder' && f.by.bg_layer === 'provincie' && !f.suppressed,
    ),
  );
  assert.ok(
    keys.includes('role-raadslid') && keys.includes('layer-gemeente') && keys.includes('all-office-holders'),
  );
  assert.ok(keys.includes('employees'));
  assert.ok(keys.some((k) => k.startsWith('province-')));
});

test('the scan finds a suppressed cell shown as a number', () => {
  const run = byWave.get('monitor-2024')!;
  const hidden = run.estimates.office_holders!.cells.find((c) => c.suppressed)!;
  const report = rendered.find(({ wave, p }) => wave === 'monitor-2024' && p.ref.kind === 'report-safety')!.p;
  const leak: RenderedProduct = {
    ...report,
    figures: [
      ...report.figures,
      {
        indicator: hidden.indicator,
        wave: 'monitor-2024',
        by: hidden.by,
        estimate: hidden.estimate,
        n: hidden.n,
        suppressed: false,
        where: 'table:leak',
      },
    ],
    body: `${report.body}<table><tr data-cell="${cellKey(hidden.indicator, hidden.by).replaceAll('&', '&amp;')}"><th>x</th><td class="num">12,5%</td></tr></table>`,
  };
  const findings = scanProduct(leak, { byWave, wave: 'monitor-2024' }, (x) => String(x));
  assert.ok(
    findings.some((f) => f.includes('table:leak') && f.includes('suppressed cell shown as a number')),
    findings.join('\n'),
  );
  assert.ok(
    findings.some((f) => f.includes('suppressed cell shows a number')),
    findings.join('\n'),
  );
});
