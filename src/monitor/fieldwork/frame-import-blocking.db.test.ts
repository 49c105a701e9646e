/**
 * A big frame import must not stall the server (issue 13, row 6): while a large generated file is read,
 * validated and written, a timer keeps firing. This is a behaviour test, not a benchmark: the bound is
 * generous (500 ms, the aim is ~100 ms) and is widened by the worst gap the same timer shows on this
 * machine with no import running (a loaded 2-core machine deschedules the process now and then).
 * Before the fix, reading the CSV alone held the event loop for seconds.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestDatabase } from '../../../test/support/database.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { readFrameFile } from './frame-file.js';
import { importFrame, organisationsByCode, validateFrame } from './frame-service.js';
import { createWave } from './waves-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
  await loadRegistry(database.db, systemActor);
});
after(() => database.close());

const BOUND_MS = 500;

/**
 * The longest time (ms) the event loop was held while `work` runs: a 5 ms timer measures the gaps between
 * its ticks, and each gap counts only as much CPU time as the process used in it (`process.cpuUsage`),
 * so a process that a busy machine took off the CPU for a while does not count as blocked.
 */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let cpu = process.cpuUsage();
  let max = 0;
  const tick = () => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    max = Math.max(max, Math.min(now - last, (used.user + used.system) / 1000));
    last = now;
    cpu = process.cpuUsage();
  };
  const timer = setInterval(tick, 5);
  try {
    await work();
    tick();
    return max;
  } finally {
    clearInterval(timer);
  }
}

const idle = () => longestBlock(() => new Promise((resolve) => setTimeout(resolve, 1000)));

function frameRows(n: number): string[][] {
  const roles = ['raadslid', 'wethouder', 'burgemeester'];
  return Array.from({ length: n }, (_, i) => [
    `Persoon ${i}`,
    `persoon.${i}@voorbeeld.nl`,
    roles[i % 3]!,
    'GM0363',
    i % 2 ? 'vrouw' : 'man',
    `wijk ${i % 40}`,
  ]);
}
const header = ['naam', 'email', 'rol', 'organisatie', 'geslacht', 'wijk'];

const csvFile = (n: number) => Buffer.from([header, ...frameRows(n)].map((r) => r.join(',')).join('\n'));
async function xlsxFile(n: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('kader');
  ws.addRow(header);
  for (const r of frameRows(n)) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reading and checking a file, as the import does before it writes anything. */
async function readAndCheck(fileName: string, data: Buffer) {
  const organisations = await organisationsByCode(database.db);
  const table = await readFrameFile(fileName, data);
  return validateFrame(table, {
    targetGroup: 'office_holders',
    organisations,
    existingEmails: new Set(),
    existingOrgs: new Set(),
  });
}

for (const [what, fileName, file, n] of [
  ['a 100,000-person CSV', 'big.csv', async () => csvFile(100_000), 100_000],
  ['a 20,000-person XLSX', 'big.xlsx', () => xlsxFile(20_000), 20_000],
] as const) {
  test(`reading and checking ${what} frame keeps the event loop turning`, async (t) => {
    const data = await file();
    const noise = await idle();
    let valid = 0;
    const held = await longestBlock(async () => {
      valid = (await readAndCheck(fileName, data)).valid.length;
    });
    t.diagnostic(`longest hold ${Math.round(held)} ms (idle ${Math.round(noise)} ms)`);
    assert.equal(valid, n);
    assert.ok(held < BOUND_MS + noise, `the event loop was held ${Math.round(held)} ms`);
  });
}

/**
 * The whole import into the embedded database. PGlite runs each statement on the main thread, so the
 * longest holds here are its own (one insert of 1,000 rows, the final ANALYZE): bounded by the chunk
 * size, with a turn for the event loop after every chunk. Before, the transaction never gave one.
 */
test('the whole import of a 30,000-person CSV gives the event loop turns (PGlite included)', async (t) => {
  const wave = await createWave(
    database.db,
    { code: 'big-csv', name: 'Big CSV', anonymity: 'anonymous' },
    systemActor,
  );
  const data = csvFile(30_000);
  const noise = await idle();
  let rowsImported = 0;
  const held = await longestBlock(async () => {
    const r = await importFrame(
      database.db,
      wave.id,
      { fileName: 'big.csv', data, targetGroup: 'office_holders' },
      systemActor,
    );
    rowsImported = r.rowsImported;
  });
  t.diagnostic(`longest hold ${Math.round(held)} ms (idle ${Math.round(noise)} ms)`);
  assert.equal(rowsImported, 30_000);
  assert.ok(held < 2 * BOUND_MS + noise, `the event loop was held ${Math.round(held)} ms`);
});
