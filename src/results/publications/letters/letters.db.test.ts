import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../../platform/db/database.js';
import type { ProductScope, PublishedFigure } from '../product.js';
import { productDefinition } from '../products.js';
import { groupOf } from './benchmark.js';
import { letterRefs } from './definition.js';
import { letterSource } from './source.js';
import { letterWorld, LETTER_THRESHOLD as N } from './test-fixture.js';

let database: Database;
let scope: ProductScope;
before(async () => {
  ({ database, scope } = await letterWorld());
});
after(() => database.close());

test('every participating organisation gets a letter; viewers see none in the publications list', async () => {
  const source = (await letterSource(scope))!;
  const definition = await productDefinition('letter');
  const refs = await definition.list(scope);
  assert.ok(refs.length >= 15, `${refs.length} letters`);
  assert.deepEqual(
    refs.map((r) => r.key),
    [...source.participants.keys()],
  );
  assert.deepEqual(await definition.list({ ...scope, visibility: 'released' }), []);
});

test('the benchmark rules hold on every letter: same per group, never below N others, no 0/100% below 2N', async () => {
  const source = (await letterSource(scope))!;
  const definition = await productDefinition('letter');
  const byGroup = new Map<string, string>();
  const groupSize = new Map<string, number>();
  let shown = 0;
  let withheld = 0;
  for (const ref of await letterRefs(scope)) {
    const letter = await definition.render({ ...scope, lang: 'nl' }, ref);
    const p = source.participants.get(ref.key)!;
    groupSize.set(p.group, (groupSize.get(p.group) ?? 0) + 1);
    const bench = letter.figures.filter((f) => f.where === 'benchmark');
    assert.equal(bench.length, source.indicators.length, 'one benchmark per item, shown or withheld');
    for (const f of bench) {
      assert.equal(groupOf(f.by.bg_layer!, f.by.bg_org_size), p.group);
      if (f.suppressed) {
        withheld++;
        assert.equal(f.estimate, null);
        continue;
      }
      shown++;
      assert.ok(f.n! >= N + 1, `${f.indicator}: ${f.n} answers, so fewer than ${N} others`);
      if (f.n! < 2 * N)
        assert.ok(f.estimate! > 0 && f.estimate! < 1, `${f.indicator}: ${f.estimate} of ${f.n}`);
      assert.ok(letter.body.includes(`${Math.round(f.estimate! * 100)}% (van ${f.n})`));
    }
    const key = JSON.stringify(
      bench.map((f: PublishedFigure) => [f.indicator, f.estimate, f.n, f.suppressed]),
    );
    if (byGroup.has(p.group)) assert.equal(key, byGroup.get(p.group), `the same benchmark in ${p.group}`);
    else byGroup.set(p.group, key);
    if (bench.some((f) => f.suppressed)) assert.match(letter.body, /Niet getoond \([ab]\)/);
    // addressed to the contact of the organisation-policy frame
    if (p.contact) assert.ok(letter.body.includes(p.contact.name.replaceAll("'", '&#39;')));
  }
  assert.ok(shown > 0 && withheld > 0, `the fixture has both (${shown} shown, ${withheld} withheld)`);
  for (const [group, size] of groupSize) {
    const figures = JSON.parse(byGroup.get(group)!) as Array<[string, number | null, number | null, boolean]>;
    if (size <= N)
      assert.ok(
        figures.every((f) => f[3]),
        `${group} has ${size} organisations: nothing shown`,
      );
    for (const f of figures) if (!f[3]) assert.ok(f[2]! <= size);
  }
});

test('the national findings come from published cells of the run, in Dutch and English', async () => {
  const definition = await productDefinition('letter');
  const [ref] = await letterRefs(scope);
  for (const lang of ['nl', 'en'] as const) {
    const letter = await definition.render({ ...scope, lang }, ref!);
    const national = letter.figures.filter((f) => f.where !== 'benchmark');
    assert.ok(national.length >= 2, 'key findings and national shares');
    // run cells from at least N respondents; a published historical figure (its year as wave) has no n
    for (const f of national) {
      assert.ok(!f.suppressed && f.estimate !== null, `${f.where} ${f.indicator} shown`);
      if (f.n === null) assert.match(f.wave, /^\d{4}$/, `${f.where} ${f.indicator}: no n, so published`);
      else assert.ok(f.n >= N, `${f.where} ${f.indicator}: n ${f.n}`);
    }
    assert.match(letter.body, lang === 'nl' ? /Belangrijkste uitkomsten/ : /Main findings/);
    assert.deepEqual(
      letter.outline.map((o) => o.id),
      ['brief', 'kernpunten', 'eigen-organisatie'],
    );
  }
});
