/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  fieldsOf,
  firstSection,
  nextSection,
  pipe,
  readSectionAnswers,
  relevanceOf,
  validateSection,
} from './engine.js';
import { definitionSchema } from './model.js';

const def = definitionSchema.parse({
  code: 'engine',
  title: { nl: 'Engine' },
  context: [{ name: 'bg_role', example: 'raadslid' }],
  sections: [
    {
      id: 'a',
      title: { nl: 'A' },
      items: [
        {
          type: 'single_choice',
          code: 'exp',
          label: { nl: 'Meegemaakt?' },
          required: true,
          options: [
            { code: 'ja', label: { nl: 'Ja' } },
            { code: 'nee', label: { nl: 'Nee' } },
          ],
        },
        {
          type: 'multiple_choice',
          code: 'who',
          label: { nl: 'Wie?' },
          relevant: "${exp} = 'ja'",
          required: true,
          options: [
            { code: 'inwoner', label: { nl: 'Een inwoner' } },
            { code: 'anders', label: { nl: 'Anders' }, other: true },
            { code: 'niemand', label: { nl: 'Niemand' }, exclusive: true },
          ],
        },
      ],
    },
    {
      id: 'b',
      title: { nl: 'B' },
      relevant: "${exp} = 'ja'",
      items: [
        {
          type: 'matrix',
          code: 'm',
          label: { nl: 'Na ${who}: gemeld?' },
          required: true,
          rows: [
            { code: 'm_a', label: { nl: 'A' } },
            { code: 'm_b', label: { nl: 'B' }, relevant: "selected(${who}, 'anders')" },
          ],
          options: [
            { code: 'ja', label: { nl: 'Ja' } },
            { code: 'nee', label: { nl: 'Nee' } },
          ],
        },
      ],
    },
    {
      id: 'c',
      title: { nl: 'C' },
      items: [
        {
          type: 'number',
          code: 'n',
          label: { nl: 'Aantal' },
          integer: true,
          min: 0,
          max: 10,
          required: true,
        },
        {
          type: 'number',
          code: 'x',
          label: { nl: 'Bedrag' },
          integer: false,
          constraint: '. != ${n}',
          constraintMessage: { nl: 'Niet gelijk aan het aantal.' },
        },
        { type: 'date', code: 'd', label: { nl: 'Datum' }, constraint: '. <= today()' },
        { type: 'text', code: 't', label: { nl: 'Tekst' }, maxLength: 5 },
        {
          type: 'note',
          code: 'chair',
          label: { nl: 'Voor ${bg_role}' },
          relevant: "${bg_role} != 'burgemeester'",
        },
      ],
    },
  ],
});

const kinds = (errors: Array<{ field: string; kind: string }>) => errors.map((e) => `${e.field}:${e.kind}`);

test('required, options, exclusive and other-texts', () => {
  assert.deepEqual(kinds(validateSection(def, 0, {})), ['exp:required']);
  assert.deepEqual(kinds(validateSection(def, 0, { exp: 'nee' })), []);
  assert.deepEqual(kinds(validateSection(def, 0, { exp: 'ja' })), ['who:required']);
  assert.deepEqual(kinds(validateSection(def, 0, { exp: 'misschien' })), ['exp:unknown_option']);
  assert.deepEqual(kinds(validateSection(def, 0, { exp: 'ja', who: ['inwoner', 'niemand'] })), [
    'who:exclusive',
  ]);
  assert.deepEqual(kinds(validateSection(def, 0, { exp: 'ja', who: ['niemand'] })), []);
});

test('matrix rows: required only where relevant; skipped sections have no errors', () => {
  assert.deepEqual(kinds(validateSection(def, 1, { exp: 'ja', who: ['inwoner'] })), ['m_a:required']);
  assert.deepEqual(kinds(validateSection(def, 1, { exp: 'ja', who: ['anders'] })), [
    'm_a:required',
    'm_b:required',
  ]);
  assert.deepEqual(kinds(validateSection(def, 1, { exp: 'nee' })), []);
});

test('numbers, dates, text length and constraints with their own message', () => {
  const at = (answers: Record<string, unknown>) =>
    validateSection(def, 2, answers as any, {}, { today: '2026-11-23' }).map((e) => [
      e.field,
      e.kind,
      e.params,
      e.message?.nl,
    ]);
  assert.deepEqual(at({}), [['n', 'required', undefined, undefined]]);
  assert.deepEqual(at({ n: 11 }), [['n', 'above_max', { max: 10 }, undefined]]);
  assert.deepEqual(at({ n: -1 }), [['n', 'below_min', { min: 0 }, undefined]]);
  assert.deepEqual(at({ n: 2.5 }), [['n', 'not_an_integer', undefined, undefined]]);
  assert.deepEqual(at({ n: 'twee' }), [['n', 'not_a_number', undefined, undefined]]);
  assert.deepEqual(at({ n: 3, x: 3 }), [['x', 'constraint', undefined, 'Niet gelijk aan het aantal.']]);
  assert.deepEqual(at({ n: 3, x: '2,5' }), []);
  assert.deepEqual(at({ n: 3, d: '2026-02-30' }), [['d', 'not_a_date', undefined, undefined]]);
  assert.deepEqual(at({ n: 3, d: '2027-01-01' }), [['d', 'constraint', undefined, undefined]]);
  assert.deepEqual(at({ n: 3, t: 'te lang' }), [['t', 'too_long', { max: 5 }, undefined]]);
});

test('reading a form post: types, lists, other-texts, empty fields absent', () => {
  const [a, , c] = def.sections;
  assert.deepEqual(
    readSectionAnswers(a!, { exp: 'ja', who: ['inwoner', 'anders'], who_anders_tekst: ' buurman ', x: 'y' }),
    {
      exp: 'ja',
      who: ['inwoner', 'anders'],
      who_anders_tekst: 'buurman',
    },
  );
  assert.deepEqual(readSectionAnswers(a!, { who: 'inwoner' }), { who: ['inwoner'] });
  assert.deepEqual(readSectionAnswers(c!, { n: '4', x: '2,5', d: '', t: 'abc' }), { n: 4, x: 2.5, t: 'abc' });
  assert.deepEqual(readSectionAnswers(c!, { n: '4 keer' }), { n: '4 keer' });
  assert.deepEqual(fieldsOf(a!), ['exp', 'who', 'who_anders_tekst']);
});

test('navigation skips irrelevant sections both ways; piping uses answers and context', () => {
  assert.equal(firstSection(def), 0);
  assert.equal(nextSection(def, { exp: 'nee' }, 0), 2);
  assert.equal(nextSection(def, { exp: 'ja' }, 0), 1);
  assert.equal(nextSection(def, { exp: 'nee' }, 2, -1), 0);
  assert.equal(nextSection(def, { exp: 'ja' }, 2), undefined);
  const r = relevanceOf(def, { exp: 'ja', who: ['inwoner', 'anders'] }, { bg_role: 'wethouder' });
  assert.equal(pipe('Na ${who}: gemeld?', def, r, 'nl'), 'Na Een inwoner, Anders: gemeld?');
  assert.equal(pipe('Voor ${bg_role} en ${onbekend}', def, r, 'nl'), 'Voor wethouder en …');
  assert.equal(r.items.get('chair'), true);
  assert.equal(relevanceOf(def, {}, { bg_role: 'burgemeester' }).items.get('chair'), false);
  // An answer to a skipped item does not count for later routing.
  const skipped = relevanceOf(def, { exp: 'nee', who: ['anders'] });
  assert.equal(skipped.items.get('who'), false);
  assert.equal(skipped.values.has('who'), false);
});

test('property: routing and validation never throw on arbitrary form input', () => {
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom('exp', 'who', 'who_anders_tekst', 'm_a', 'm_b', 'n', 'x', 'd', 't', 'other'),
        fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined)),
      ),
      (input) => {
        const answers = Object.assign({}, ...def.sections.map((s) => readSectionAnswers(s, input)));
        for (let i = 0; i < def.sections.length; i++) validateSection(def, i, answers);
        nextSection(def, answers, 0);
      },
    ),
  );
});
