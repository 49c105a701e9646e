import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markShapes, parseSvg, texts, walk } from '../../../test/support/svg.js';
import { type ChartInput, type ChartKind, chartKinds } from './model.js';
import { renderChart } from './render.js';

const base = (kind: ChartKind, key = 'chart-a'): ChartInput => {
  const many = kind === 'grouped-bar' || kind === 'stacked-bar';
  return {
    key,
    kind,
    title: 'Respons <b>per</b> dag',
    categoryTitle: 'Jaar',
    valueTitle: 'Percentage',
    unit: 'share',
    categories: [
      { id: '2014', label: '2014' },
      { id: 'x', label: '<script>alert("x")</script> & co' },
      { id: '2024', label: '2024' },
    ],
    series: many
      ? [
          { id: 'a', label: 'Raad <i>leden</i>' },
          { id: 'b', label: 'Burgemeesters' },
        ]
      : undefined,
    values: [
      { category: '2014', series: many ? 'a' : undefined, value: 0.23, style: 'p' },
      { category: 'x', series: many ? 'a' : undefined, value: 0.31, suppressed: true },
      { category: '2024', series: many ? 'a' : undefined, value: 0.451, ci: [0.42, 0.48], style: 'w' },
      ...(many
        ? [
            { category: '2014', series: 'b', value: 0.12 },
            { category: 'x', series: 'b', value: 0.07 },
            { category: '2024', series: 'b', value: 0.2 },
          ]
        : []),
    ],
    pointStyles:
      kind === 'trend'
        ? [
            { id: 'p', label: 'Gepubliceerd', filled: false },
            { id: 'w', label: 'Berekend in Weerbaar', filled: true },
          ]
        : undefined,
    marks: [{ category: '2024', label: 'Herinnering "1"' }],
    markTitle: 'Herinnering',
  };
};

for (const kind of chartKinds)
  test(`a ${kind} chart is well-formed SVG, named by its title, with escaped labels and its own ids`, async () => {
    const chart = await renderChart(base(kind), 'nl');
    assert.ok(chart.svg, 'drawn');
    const root = parseSvg(chart.svg);
    assert.equal(root.attrs.role, 'img');
    assert.equal(root.attrs['aria-labelledby'], 'chart-a-title');
    assert.equal(root.attrs['aria-describedby'], 'chart-a-desc');
    const names = new Set([...walk(root)].map((n) => n.name));
    for (const bad of ['script', 'b', 'i', 'foreignObject', 'image', 'style'])
      assert.ok(!names.has(bad), `no <${bad}>`);
    // labels with markup are drawn as text
    assert.ok(texts(root).some((s) => s.startsWith('<script>')));
    assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(chart.svg), 'nothing from outside');
    for (const n of walk(root)) if (n.attrs.id) assert.match(n.attrs.id, /^chart-a-/);
    // the root is the one image: no ARIA roles inside it
    for (const n of walk(root))
      if (n !== root) assert.ok(!Object.keys(n.attrs).some((a) => a === 'role' || a.startsWith('aria-')));
    // deterministic: the same input gives the same bytes
    assert.equal((await renderChart(base(kind), 'nl')).svg, chart.svg);
    // the suppressed value is named, never drawn as a value
    assert.ok(texts(root).includes('onderdrukt'));
    assert.ok(!chart.text.includes('31%'));
  });

test('the trend: a line, its interval band and rule, points styled per kind with a legend', async () => {
  const chart = await renderChart(base('trend'), 'nl');
  const root = parseSvg(chart.svg!);
  assert.equal(markShapes(root, 'mark-rule').length, 2, 'one interval rule and one mark rule');
  assert.equal(markShapes(root, 'mark-symbol').length, 2, 'two points (the suppressed one is not drawn)');
  const points = markShapes(root, 'mark-symbol');
  assert.equal(points[0]!.attrs.fill, '#ffffff', 'published: open');
  assert.equal(points[1]!.attrs.fill, '#154273', 'Weerbaar: filled');
  assert.ok(texts(root).includes('Gepubliceerd') && texts(root).includes('Berekend in Weerbaar'));
  assert.ok(texts(root).includes('Herinnering "1"'));
});

test('the text alternative names every value, in Dutch and English', async () => {
  const nl = await renderChart(base('grouped-bar'), 'nl');
  assert.equal(
    nl.text,
    'Gegroepeerd staafdiagram. 2014: Raad <i>leden</i> 23%, Burgemeesters 12%; ' +
      '<script>alert("x")</script> & co: Raad <i>leden</i> onderdrukt, Burgemeesters 7%; ' +
      '2024: Raad <i>leden</i> 45,1% (interval 42% tot 48%), Burgemeesters 20%. ' +
      'Gemarkeerd: Herinnering "1" op 2024.',
  );
  const en = await renderChart(base('trend'), 'en');
  assert.match(
    en.text,
    /^Line chart\. 2014: 23% \(Gepubliceerd\); .*: suppressed; 2024: 45\.1% \(interval 42% to 48%\)/,
  );
});

test('the table: a dash with a note for a suppressed value, never 0; intervals in their own column', async () => {
  const chart = await renderChart(base('trend'), 'nl');
  assert.deepEqual(chart.table.head, [
    'Jaar',
    'Percentage',
    '95%-betrouwbaarheidsinterval',
    '',
    'Herinnering',
  ]);
  const row = chart.table.rows[1]!;
  assert.deepEqual(row.cells[0], { text: '–', numeric: true, suppressed: true });
  assert.equal(row.cells[1]!.text, '', 'no interval of a suppressed value');
  assert.match(chart.table.note!, /Het is geen nul/);
  assert.equal(chart.table.rows[2]!.cells[1]!.text, '42% tot 48%');
  assert.equal((await renderChart({ ...base('bar'), values: [] }, 'nl')).table.note, undefined);
});

test('a stacked bar leaves a suppressed part out and names it above the bar', async () => {
  const chart = await renderChart(base('stacked-bar'), 'nl');
  const root = parseSvg(chart.svg!);
  assert.equal(markShapes(root, 'mark-rect').length, 5, 'six values, one suppressed');
});

test('two charts on a page share no id', async () => {
  const a = parseSvg((await renderChart(base('trend', 'one'), 'nl')).svg!);
  const b = parseSvg((await renderChart(base('trend', 'two'), 'nl')).svg!);
  const ids = (r: ReturnType<typeof parseSvg>) =>
    [...walk(r)].flatMap((n) => (n.attrs.id ? [n.attrs.id] : []));
  const shared = ids(a).filter((id) => ids(b).includes(id));
  assert.deepEqual(shared, []);
});

test('a key that is not a plain id, or a value for an unknown category, is refused', async () => {
  await assert.rejects(renderChart({ ...base('bar'), key: 'a"b' }, 'nl'), /key/);
  await assert.rejects(
    renderChart({ ...base('bar'), values: [{ category: 'nope', value: 1 }] }, 'nl'),
    /unknown category/,
  );
  const nine = Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, label: `S${i}` }));
  await assert.rejects(
    renderChart({ ...base('stacked-bar'), series: nine, values: [] }, 'nl'),
    /at most 8 series/,
  );
});
