/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkDefinition } from './check.js';
import {
  definitionSchema,
  type Item,
  type LocalText,
  type Option,
  type QuestionnaireDefinition,
} from './model.js';
import { exportXlsForm, importXlsForm } from './xlsform.js';

// Texts as researchers type them: accents, quotes, punctuation, emoji; never empty after trimming.
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-zéëïöüçñ0-9'"&<>?!.,:;()€–—’-]{1,12}$/),
  fc.constantFrom('🙂', 'één', 'Anders, namelijk:', '=1+1', '<b>vet</b>'),
);
const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const local: fc.Arbitrary<LocalText> = fc
  .record({ nl: sentence, en: fc.option(sentence, { nil: undefined }) })
  .map((t) => (t.en === undefined ? { nl: t.nl } : { nl: t.nl, en: t.en }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const optionCode = fc.stringMatching(/^[a-z0-9][a-z0-9_]{0,8}$/);

const options = (allowOther: boolean, allowExclusive: boolean): fc.Arbitrary<Option[]> =>
  fc
    .uniqueArray(
      fc.record({ code: optionCode, label: local, other: fc.boolean(), exclusive: fc.boolean() }),
      {
        minLength: 1,
        maxLength: 5,
        selector: (o) => o.code,
      },
    )
    .map((os) => {
      let otherSeen = false;
      return os.map((o) => {
        const out: Option = { code: o.code, label: o.label };
        if (allowOther && o.other && !otherSeen) {
          out.other = true;
          otherSeen = true;
        }
        if (allowExclusive && o.exclusive) out.exclusive = true;
        return out;
      });
    });

const itemArb = (code: string): fc.Arbitrary<Item> =>
  fc.oneof(
    fc
      .record({ label: local, hint: maybe(local), required: fc.boolean(), options: options(true, false) })
      .map(
        (r): Item => ({
          type: 'single_choice',
          code,
          label: r.label,
          ...(r.hint ? { hint: r.hint } : {}),
          ...(r.required ? { required: true } : {}),
          options: r.options,
        }),
      ),
    fc.record({ label: local, options: options(true, true), constraint: fc.boolean() }).map(
      (r): Item => ({
        type: 'multiple_choice',
        code,
        label: r.label,
        ...(r.constraint ? { constraint: 'count-selected(.) <= 3' } : {}),
        options: r.options,
      }),
    ),
    fc
      .record({
        label: local,
        rows: fc.array(local, { minLength: 1, maxLength: 4 }),
        multiple: fc.boolean(),
        required: fc.boolean(),
        options: options(false, true),
      })
      .map(
        (r): Item => ({
          type: 'matrix',
          code,
          label: r.label,
          ...(r.required ? { required: true } : {}),
          ...(r.multiple ? { multiple: true } : {}),
          rows: r.rows.map((label, i) => ({ code: `${code}_r${i}`, label })),
          options: r.multiple ? r.options : r.options.map(({ exclusive: _, ...o }) => o),
        }),
      ),
    fc
      .record({
        label: local,
        integer: fc.boolean(),
        min: maybe(fc.integer({ min: -100, max: 0 })),
        max: maybe(fc.integer({ min: 1, max: 5000 })),
      })
      .map(
        (r): Item => ({
          type: 'number',
          code,
          label: r.label,
          integer: r.integer,
          ...(r.min !== undefined ? { min: r.min } : {}),
          ...(r.max !== undefined ? { max: r.max } : {}),
        }),
      ),
    fc
      .record({ label: local, required: fc.boolean() })
      .map((r): Item => ({ type: 'date', code, label: r.label, ...(r.required ? { required: true } : {}) })),
    fc.record({ label: local, max: maybe(fc.integer({ min: 1, max: 5000 })), multiline: fc.boolean() }).map(
      (r): Item => ({
        type: 'text',
        code,
        label: r.label,
        ...(r.multiline ? { appearance: 'multiline' } : {}),
        ...(r.max !== undefined ? { maxLength: r.max } : {}),
      }),
    ),
    local.map((label): Item => ({ type: 'note', code, label })),
  );

const definitionArb: fc.Arbitrary<QuestionnaireDefinition> = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  .chain((sizes) =>
    fc.record({
      title: local,
      sections: fc.tuple(
        ...sizes.map((n, s) =>
          fc.record({
            title: local,
            items: fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(`q${s}_${i}`))),
          }),
        ),
      ),
    }),
  )
  .map((d) => ({
    code: 'prop_form',
    title: d.title,
    sections: d.sections.map((s, i) => ({
      id: `s${i}`,
      title: s.title,
      // Route every later section on the first item of the first section when it is a single choice.
      items: [...s.items],
    })),
  }))
  .map((d) => {
    const first = d.sections[0]!.items[0]!;
    if (first.type === 'single_choice' && d.sections[1])
      d.sections[1] = {
        ...d.sections[1],
        relevant: `\${${first.code}} = '${first.options[0]!.code}'`,
      } as any;
    return definitionSchema.parse(d);
  });

test('property: any definition survives XLSForm export → import unchanged', async () => {
  await fc.assert(
    fc.asyncProperty(definitionArb, async (def) => {
      assert.deepEqual(checkDefinition(def), []);
      const res = await importXlsForm(await exportXlsForm(def));
      assert.ok(res.ok, JSON.stringify(!res.ok && res.problems.slice(0, 3)));
      assert.deepEqual(res.definition, def);
      assert.deepEqual(res.warnings, []);
    }),
    { numRuns: 60 },
  );
});
