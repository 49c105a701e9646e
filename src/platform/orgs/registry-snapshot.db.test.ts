/**
 * The registry in memory answers every list and search exactly as the SQL page statement does (the one a
 * transaction runs): the same organisations in the same order, the same total, for random filters,
 * searches (parts of real names and codes in any ASCII case, odd characters, LIKE wildcards) and pages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestDatabase } from '../../../test/support/database.js';
import { systemActor } from '../audit/audit.js';
import type { Database } from '../db/database.js';
import { layers } from './model.js';
import { loadRegistry } from './registry.js';
import { registrySnapshot } from './registry-snapshot.js';
import { findOrganisations, type OrganisationFilter } from './repository.js';

let database: Database;
let names: string[] = [];
before(async () => {
  database = await createTestDatabase();
  await database.db.transaction((tx) => loadRegistry(tx, systemActor));
  // an organisation that ended, one that ends tomorrow (still active) and one without a province
  await database.query(`insert into organisations (code, layer, name, province_code, valid_to) values
    ('GM9701', 'gemeente', 'Oudedorp', 'PV26', current_date - 1),
    ('GM9702', 'gemeente', 'Morgenweg', 'PV26', current_date + 1),
    ('XX9703', 'overig', 'Zonder Provincie', null, null)`);
  names = (await registrySnapshot(database)).flatMap((e) => [e.organisation.name, e.organisation.code]);
});
after(() => database.close());

const flipCase = (s: string, flips: boolean[]) =>
  [...s]
    .map((c, i) =>
      flips[i % flips.length] && /[a-z]/i.test(c)
        ? c === c.toLowerCase()
          ? c.toUpperCase()
          : c.toLowerCase()
        : c,
    )
    .join('');

const query = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('', '  ', '%', '_', '\\', 'a_n', "'s-", '-', 'ü', 'â'),
  fc
    .tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 8 }), fc.array(fc.boolean(), { minLength: 1 }))
    .map(([which, start, length, flips]) => {
      const name = names[which % names.length]!;
      const from = start % name.length;
      return ` ${flipCase(name.slice(from, from + length), flips)} `;
    }),
  fc.string({ unit: fc.constantFrom('a', 'e', 'r', 'd', 'm', ' ', '-', '0', '3', 'G', 'M'), maxLength: 4 }),
);

const filter: fc.Arbitrary<OrganisationFilter> = fc.record({
  layer: fc.option(fc.constantFrom(...layers, 'stad'), { nil: undefined }),
  province: fc.option(fc.constantFrom('PV20', 'PV21', 'PV26', 'PV27', 'PV31', 'PV99'), { nil: undefined }),
  q: query,
  includeEnded: fc.boolean(),
  page: fc.integer({ min: 1, max: 6 }),
  pageSize: fc.integer({ min: 1, max: 100 }),
});

const summary = (p: { items: readonly { code: string }[]; total: number }) => ({
  codes: p.items.map((o) => o.code),
  total: p.total,
});

test('property: every list and search from memory equals the SQL statement’s', async () => {
  await fc.assert(
    fc.asyncProperty(filter, async (f) => {
      const fromMemory = await findOrganisations(database, f);
      const fromSql = await database.db.transaction((tx) => findOrganisations(tx, f));
      assert.deepEqual(summary(fromMemory), summary(fromSql));
      assert.deepEqual(fromMemory.items, fromSql.items, 'the same values, column by column');
    }),
    { numRuns: 300 },
  );
});

test('the snapshot follows ended and announced organisations, and searches ignore case', async () => {
  const codes = async (f: Partial<OrganisationFilter>) =>
    (await findOrganisations(database, { page: 1, pageSize: 100, ...f })).items.map((o) => o.code);
  assert.deepEqual(await codes({ q: 'oudedorp' }), []);
  assert.deepEqual(await codes({ q: 'OUDEDORP', includeEnded: true }), ['GM9701']);
  assert.deepEqual(await codes({ q: 'morgenweg' }), ['GM9702']);
  assert.deepEqual(await codes({ q: 'gm0363' }), ['GM0363']);
});
