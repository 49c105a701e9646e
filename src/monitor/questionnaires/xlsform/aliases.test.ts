/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Item, QuestionnaireDefinition } from '../model.js';
import { normaliseType, splitHeader } from './aliases.js';
import { importXlsForm } from './map.js';

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const yn = [
  ['list_name', 'name', 'label'],
  ['yn', 'ja', 'Ja'],
  ['yn', 'nee', 'Nee'],
];
const settings = [['form_id'], ['alias_form']];

async function imported(survey: unknown[][], choices: unknown[][] = yn) {
  const res = await importXlsForm(await workbook({ survey, choices, settings }));
  assert.ok(res.ok, JSON.stringify(!res.ok && res.problems.map((p) => `${p.cell ?? p.row} ${p.code}`)));
  return res;
}
const items = (def: QuestionnaireDefinition): Item[] => def.sections.flatMap((s) => s.items);
const item = (def: QuestionnaireDefinition, code: string) => items(def).find((i) => i.code === code)!;

test('types: the old select spellings and "or specify other" as pyxform reads them', () => {
  assert.equal(normaliseType('select one from yn'), 'select_one yn');
  assert.equal(normaliseType('select all that apply from yn'), 'select_multiple yn');
  assert.equal(normaliseType('select all that apply yn'), 'select_multiple yn');
  assert.equal(normaliseType('Select_One  yn   or specify other'), 'select_one yn or_other');
  assert.equal(normaliseType('select_one yn or other'), 'select_one yn or_other');
  assert.equal(normaliseType('select1 YN_list'), 'select_one YN_list');
  assert.equal(normaliseType('Integer'), 'integer');
  assert.equal(normaliseType('imei'), 'deviceid');
  assert.equal(normaliseType('begin loop'), 'begin_repeat');
});

test('headers: single colons, bind: and jr: columns, aliases, any case', () => {
  assert.deepEqual(splitHeader('label:English', false), { base: 'label', lang: 'English' });
  assert.deepEqual(splitHeader('Label::English (en)', true), { base: 'label', lang: 'English (en)' });
  assert.deepEqual(splitHeader('bind:relevant', false), { base: 'relevant' });
  assert.deepEqual(splitHeader('bind::required', true), { base: 'required' });
  assert.deepEqual(splitHeader('bind:jr:constraintMsg', false), { base: 'constraint_message' });
  assert.deepEqual(splitHeader('jr:constraintMsg', true), { base: 'constraint_message' });
  assert.deepEqual(splitHeader('jr:constraintMsg:Dutch', false), {
    base: 'constraint_message',
    lang: 'Dutch',
  });
  assert.deepEqual(splitHeader('TYPE', false), { base: 'type' });
  assert.deepEqual(splitHeader('Constraint Message', false), { base: 'constraint_message' });
});

test('import: select one from / select all that apply from / or specify other', async () => {
  const res = await imported([
    ['type', 'name', 'label'],
    ['select one from yn', 'q1', 'Vraag 1'],
    ['select all that apply from yn', 'q2', 'Vraag 2'],
    ['select_one yn or specify other', 'q3', 'Vraag 3'],
    ['Select_Multiple yn', 'q4', 'Vraag 4'],
  ]);
  const d = res.definition;
  assert.equal(item(d, 'q1').type, 'single_choice');
  assert.equal(item(d, 'q2').type, 'multiple_choice');
  const q3 = item(d, 'q3');
  assert.ok('options' in q3 && q3.options.at(-1)?.other === true);
  assert.equal(item(d, 'q4').type, 'multiple_choice');
});

test('import: label:English (one colon) and label::English (en) in the same language', async () => {
  for (const [nl, en] of [
    ['label:Dutch', 'label:English'],
    ['label::Nederlands (nl)', 'label::English (en)'],
  ]) {
    const res = await imported(
      [
        ['type', 'name', nl, en],
        ['text', 'q1', 'Vraag', 'Question'],
      ],
      [
        ['list_name', 'name', nl, en],
        ['yn', 'ja', 'Ja', 'Yes'],
      ],
    );
    assert.deepEqual(item(res.definition, 'q1').label, { nl: 'Vraag', en: 'Question' });
  }
});

test('import: bind:relevant, bind:constraint, bind:required and jr:constraintMsg keep their meaning', async () => {
  const res = await imported([
    ['type', 'name', 'label', 'bind:relevant', 'bind:constraint', 'bind:required', 'jr:constraintMsg'],
    ['integer', 'age', 'Leeftijd', '', '. >= 18', 'yes', 'Minstens 18'],
    ['text', 'why', 'Waarom?', '${age} > 60', '', 'true()', ''],
  ]);
  const age = item(res.definition, 'age') as Extract<Item, { type: 'number' }>;
  assert.equal(age.min, 18);
  assert.equal(age.required, true);
  assert.deepEqual(age.constraintMessage, { nl: 'Minstens 18' });
  const why = item(res.definition, 'why');
  assert.equal(why.relevant, '${age} > 60');
  assert.equal((why as { required?: boolean }).required, true);
  assert.deepEqual(
    res.warnings.filter((w) => w.code === 'ignored_column'),
    [],
  );
});

test('import: headers and types in any case; hidden and note; metadata ignored with a note', async () => {
  const res = await imported([
    ['TYPE', 'Name', 'Label', 'Required'],
    ['Start', 'start', '', ''],
    ['imei', 'imei', '', ''],
    ['phone number', 'phone', '', ''],
    ['deviceid', 'dev', '', ''],
    ['today', 'today', '', ''],
    ['end', 'end', '', ''],
    ['username', 'user', '', ''],
    ['Hidden', 'functie', 'Functie', ''],
    ['Note', 'intro', 'Welkom', ''],
    ['Text', 'q1', 'Vraag', 'Yes'],
    ['Begin Group', 'g', 'Groep', ''],
    ['INTEGER', 'q2', 'Getal', ''],
    ['End Group', '', '', ''],
  ]);
  const d = res.definition;
  assert.deepEqual(
    d.context?.map((c) => c.name),
    ['functie'],
  );
  assert.equal(item(d, 'intro').type, 'note');
  assert.equal(item(d, 'q1').type, 'text');
  assert.equal((item(d, 'q1') as { required?: boolean }).required, true);
  assert.equal(item(d, 'q2').type, 'number');
  const meta = res.warnings.filter((w) => w.code === 'ignored_metadata').map((w) => w.row);
  assert.deepEqual(meta, [2, 3, 4, 5, 6, 7, 8]);
});

test('import: question names pyxform accepts are stored under a code, and references follow', async () => {
  const res = await imported([
    ['type', 'name', 'label', 'relevant'],
    ['integer', '_1_1_ppl_total', 'Aantal personen', ''],
    ['text', 'tel.office', 'Telefoon kantoor', '${_1_1_ppl_total} > 0'],
    ['text', 'tel_office', 'Telefoon thuis', ''],
    ['note', 'check', 'Kantoor: ${tel.office}', "${tel.office} != ''"],
  ]);
  const d = res.definition;
  assert.deepEqual(
    items(d).map((i) => i.code),
    ['q_1_1_ppl_total', 'tel_office_2', 'tel_office', 'check'],
  );
  assert.equal(item(d, 'tel_office_2').relevant, '${q_1_1_ppl_total} > 0');
  assert.equal(item(d, 'check').label.nl, 'Kantoor: ${tel_office_2}');
  assert.equal(item(d, 'check').relevant, "${tel_office_2} != ''");
  assert.deepEqual(
    res.warnings.filter((w) => w.code === 'renamed_name').map((w) => w.cell),
    ['B2', 'B3'],
  );
  // What pyxform refuses too stays refused, by cell.
  const bad = await importXlsForm(
    await workbook({
      survey: [
        ['type', 'name', 'label'],
        ['text', '1abc', 'Vraag'],
        ['text', 'a b', 'Vraag'],
      ],
      settings,
    }),
  );
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.ok ? [] : bad.problems.filter((p) => p.code === 'bad_name').map((p) => p.cell), [
    'B2',
    'B3',
  ]);
});

test('import: choice names with spaces or / are stored under a code, and values in expressions follow', async () => {
  const res = await imported(
    [
      ['type', 'name', 'label', 'relevant'],
      ['select_one where', 'q1', 'Waar?', ''],
      ['text', 'q2', 'Welk kantoor?', "${q1} = 'head office'"],
      ['select_multiple where', 'q3', 'Waar nog meer?', ''],
      ['text', 'q4', 'Hoe vaak?', 'selected(${q3}, \'1/2\') or ${q1} = "home"'],
    ],
    [
      ['list_name', 'name', 'label'],
      ['where', 'head office', 'Hoofdkantoor'],
      ['where', 'head_office', 'Hoofdkantoor (oud)'],
      ['where', '1/2', 'Half'],
      ['where', 'home', 'Thuis'],
    ],
  );
  const d = res.definition;
  const q1 = item(d, 'q1');
  assert.ok('options' in q1);
  assert.deepEqual(
    q1.options.map((o) => o.code),
    ['head_office_2', 'head_office', '1_2', 'home'],
  );
  assert.equal(item(d, 'q2').relevant, "${q1} = 'head_office_2'");
  assert.equal(item(d, 'q4').relevant, 'selected(${q3}, \'1_2\') or ${q1} = "home"');
  assert.deepEqual(
    res.warnings.filter((w) => w.code === 'renamed_choice').map((w) => w.cell),
    ['B2', 'B4'],
  );
});

test('import: a repeated column (label three times, relevant and bind:relevant) is named, not dropped silently', async () => {
  const res = await imported([
    ['type', 'name', 'label', 'label', 'Label', 'relevant', 'bind:relevant'],
    ['integer', 'a', 'Vraag A', 'Question A', '', '', ''],
    ['text', 'b', 'Vraag B', '', '', '${a} > 1', '${a} > 2'],
  ]);
  assert.equal(item(res.definition, 'b').relevant, '${a} > 1');
  assert.deepEqual(
    res.warnings.filter((w) => w.code === 'duplicate_column').map((w) => w.cell),
    ['D1', 'G1'],
  );
});
