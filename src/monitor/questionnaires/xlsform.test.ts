/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { checkDefinition } from './check.js';
import { definitionSchema, type QuestionnaireDefinition } from './model.js';
import { exportXlsForm, importXlsForm, type XlsFormProblem } from './xlsform.js';

type Rows = Array<Array<string | number | boolean | null>>;

async function workbook(sheets: Record<string, Rows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A form as a researcher builds it in KoboToolbox: Kobo's $-columns, label::language columns, groups. */
const koboSurvey: Rows = [
  [
    'type',
    'name',
    'label::Nederlands (nl)',
    'label::English (en)',
    'hint::Nederlands (nl)',
    'hint::English (en)',
    'required',
    'relevant',
    'constraint',
    'constraint_message::Nederlands (nl)',
    'appearance',
    '$kuid',
  ],
  ['start', 'start', '', '', '', '', '', '', '', '', '', 'k1'],
  ['end', 'end', '', '', '', '', '', '', '', '', '', 'k2'],
  [
    'hidden',
    'functie',
    'Functie van de respondent',
    'Role of the respondent',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'k3',
  ],
  [
    'begin_group',
    'p1',
    'Agressie en geweld',
    'Aggression and violence',
    '',
    '',
    '',
    '',
    '',
    '',
    'field-list',
    'k4',
  ],
  [
    'note',
    'p1_intro',
    'Het gaat om de afgelopen 12 maanden, omdat u ${functie} bent.',
    'This is about the past 12 months.',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'k5',
  ],
  [
    'select_one freq',
    'agr_verbal_12m',
    'Heeft iemand u uitgescholden?',
    'Has anyone verbally abused you?',
    'Dit kan ook online zijn.',
    'This includes online.',
    'yes',
    '',
    '',
    '',
    '',
    'k6',
  ],
  [
    'select_one freq',
    'agr_threat_12m',
    'Heeft iemand u bedreigd?',
    'Has anyone threatened you?',
    '',
    '',
    'true',
    '',
    '',
    '',
    '',
    'k7',
  ],
  [
    'select_multiple channel or_other',
    'agr_channel',
    'Hoe gebeurde dit?',
    'How did it happen?',
    'U mag meer antwoorden kiezen.',
    '',
    'yes',
    "${agr_verbal_12m} != 'nooit' or ${agr_threat_12m} != 'nooit'",
    '',
    '',
    'minimal',
    'k8',
  ],
  [
    'begin_group',
    'agr_reported',
    'Heeft u dit gemeld?',
    'Did you report this?',
    '',
    '',
    '',
    "${agr_verbal_12m} != 'nooit'",
    '',
    '',
    'table-list',
    'k9',
  ],
  [
    'select_one jnw',
    'agr_reported_verbal',
    'Uitschelden',
    'Verbal abuse',
    '',
    '',
    'yes',
    '',
    '',
    '',
    '',
    'k10',
  ],
  [
    'select_one jnw',
    'agr_reported_threat',
    'Bedreigen',
    'Threats',
    '',
    '',
    'yes',
    "${agr_threat_12m} != 'nooit'",
    '',
    '',
    '',
    'k11',
  ],
  ['end_group', '', '', '', '', '', '', '', '', '', '', 'k12'],
  ['end_group', '', '', '', '', '', '', '', '', '', '', 'k13'],
  ['begin_group', 'p2', 'Over u', 'About you', '', '', '', '', '', '', '', 'k14'],
  [
    'integer',
    'bg_years_in_office',
    'Hoeveel jaar bent u al politiek ambtsdrager?',
    'How many years have you held office?',
    '',
    '',
    'yes',
    '',
    '. >= 0 and . <= 60',
    'Vul een getal van 0 tot 60 in.',
    '',
    'k15',
  ],
  [
    'decimal',
    'hours',
    'Hoeveel uur per week?',
    'Hours per week?',
    '',
    '',
    '',
    "selected(${agr_channel}, 'other') or count-selected(${agr_channel}) > 1",
    '. > 0',
    '',
    '',
    'k16',
  ],
  [
    'date',
    'incident_date',
    'Wanneer was het laatste voorval?',
    'When was the last incident?',
    '',
    '',
    '',
    '',
    '. <= today()',
    '',
    '',
    'k17',
  ],
  [
    'text',
    'toelichting',
    'Wilt u nog iets toelichten?',
    'Anything to add?',
    '',
    '',
    'no',
    '',
    '',
    '',
    'multiline',
    'k18',
  ],
  ['end_group', '', '', '', '', '', '', '', '', '', '', 'k19'],
];
const koboChoices: Rows = [
  ['list_name', 'name', 'label::Nederlands (nl)', 'label::English (en)', '$autovalue'],
  ['freq', 'nooit', 'Nee, nooit', 'No, never', ''],
  ['freq', 'een_keer', 'Ja, één keer', 'Yes, once', ''],
  ['freq', 'vaker', 'Ja, vaker', 'Yes, more often', ''],
  ['channel', 'persoonlijk', 'In het echt', 'In person', ''],
  ['channel', 'sociale_media', 'Via sociale media', 'On social media', ''],
  ['channel', 'geen', 'Geen van deze', 'None of these', ''],
  ['jnw', 'ja', 'Ja', 'Yes', ''],
  ['jnw', 'nee', 'Nee', 'No', ''],
  ['jnw', 'weet_niet', 'Weet ik niet', "Don't know", ''],
];
const koboSettings: Rows = [
  ['form_title', 'form_id', 'version', 'default_language'],
  ['Monitor test', 'monitor_test', '2026-01', 'Nederlands (nl)'],
];

test('a Kobo-style form imports without loss of any supported construct', async () => {
  const res = await importXlsForm(
    await workbook({ survey: koboSurvey, choices: koboChoices, settings: koboSettings }),
  );
  assert.ok(res.ok, JSON.stringify(!res.ok && res.problems, null, 1));
  const def = res.definition;
  assert.equal(def.code, 'monitor_test');
  assert.deepEqual(def.title, { nl: 'Monitor test' });
  assert.deepEqual(def.context, [
    { name: 'functie', description: { nl: 'Functie van de respondent', en: 'Role of the respondent' } },
  ]);
  assert.deepEqual(
    def.sections.map((s) => s.id),
    ['p1', 'p2'],
  );
  const [p1, p2] = def.sections;
  assert.deepEqual(p1!.title, { nl: 'Agressie en geweld', en: 'Aggression and violence' });
  assert.deepEqual(
    p1!.items.map((i) => [i.type, i.code]),
    [
      ['note', 'p1_intro'],
      ['single_choice', 'agr_verbal_12m'],
      ['single_choice', 'agr_threat_12m'],
      ['multiple_choice', 'agr_channel'],
      ['matrix', 'agr_reported'],
    ],
  );
  assert.equal(p1!.items[0]!.label.nl, 'Het gaat om de afgelopen 12 maanden, omdat u ${functie} bent.');
  assert.deepEqual(p1!.items[1], {
    type: 'single_choice',
    code: 'agr_verbal_12m',
    label: { nl: 'Heeft iemand u uitgescholden?', en: 'Has anyone verbally abused you?' },
    hint: { nl: 'Dit kan ook online zijn.', en: 'This includes online.' },
    required: true,
    options: [
      { code: 'nooit', label: { nl: 'Nee, nooit', en: 'No, never' } },
      { code: 'een_keer', label: { nl: 'Ja, één keer', en: 'Yes, once' } },
      { code: 'vaker', label: { nl: 'Ja, vaker', en: 'Yes, more often' } },
    ],
    listName: 'freq',
  });
  const channel = p1!.items[3]!;
  assert.equal(channel.type, 'multiple_choice');
  assert.equal(channel.relevant, "${agr_verbal_12m} != 'nooit' or ${agr_threat_12m} != 'nooit'");
  assert.equal(channel.appearance, 'minimal');
  assert.ok(channel.type === 'multiple_choice');
  assert.deepEqual(channel.options.at(-1), {
    code: 'other',
    label: { nl: 'Anders, namelijk', en: 'Other' },
    other: true,
  });
  const matrix = p1!.items[4]!;
  assert.ok(matrix.type === 'matrix');
  assert.equal(matrix.relevant, "${agr_verbal_12m} != 'nooit'");
  assert.equal(matrix.required, true);
  assert.deepEqual(
    matrix.rows.map((r) => [r.code, r.label.en, r.relevant]),
    [
      ['agr_reported_verbal', 'Verbal abuse', undefined],
      ['agr_reported_threat', 'Threats', "${agr_threat_12m} != 'nooit'"],
    ],
  );
  assert.deepEqual(
    matrix.options.map((o) => o.code),
    ['ja', 'nee', 'weet_niet'],
  );
  const years = p2!.items[0]!;
  assert.ok(years.type === 'number');
  assert.deepEqual([years.integer, years.min, years.max, years.constraint], [true, 0, 60, undefined]);
  assert.deepEqual(years.constraintMessage, { nl: 'Vul een getal van 0 tot 60 in.' });
  const hours = p2!.items[1]!;
  assert.ok(hours.type === 'number');
  assert.deepEqual([hours.integer, hours.min, hours.constraint], [false, undefined, '. > 0']);
  assert.equal(p2!.items[2]!.type, 'date');
  const text = p2!.items[3]!;
  assert.ok(text.type === 'text');
  assert.equal(text.required, undefined);
  assert.equal(text.appearance, 'multiline');

  // Warnings name what was ignored: start/end metadata and the version setting.
  const codes = res.warnings.map((w) => `${w.sheet}:${w.row}:${w.code}`);
  assert.ok(codes.includes('survey:2:ignored_metadata'), codes.join());
  assert.ok(codes.includes('survey:3:ignored_metadata'));
  assert.ok(codes.includes('settings:2:ignored_setting'));
  assert.deepEqual(checkDefinition(def), []);
});

test('a malformed form yields every problem, each with sheet, row and column', async () => {
  const survey: Rows = [
    ['type', 'name', 'label', 'required', 'relevant', 'constraint'],
    ['begin_group', 'g1', 'Deel 1', '', '', ''],
    ['select_one nolist', 'q1', 'Vraag 1', 'yes', '', ''], // 3: unknown list
    ['select_one yn', 'q2', 'Vraag 2', '', "${q1} = 'ja' and", ''], // 4: bad expression
    ['select_one yn', 'q2', 'Vraag 2 nog eens', '', '', ''], // 5: duplicate name
    ['integer', 'q3', '', '', '', ''], // 6: missing label
    ['text', 'q4', 'Vraag 4', '', '${unknown_field} = 1', ''], // 7: unknown reference
    ['text', 'q5', 'Vraag 5', '', '${q6} = 1', ''], // 8: forward reference
    ['text', 'q6', 'Vraag 6', 'maybe ${q5}', '', ''], // 9: conditional required
    ['integer', 'q7 bad', 'Vraag 7', '', '', ''], // 10: bad name
    ['select_one', 'q8', 'Vraag 8', '', '', ''], // 11: select without list
    ['text', 'q9', 'Vraag 9', '', "lower(${q4}) = 'x'", ''], // 12: unknown function
    ['frobnicate', 'q10', 'Vraag 10', '', '', ''], // 13: unknown type
    ['end_group', '', '', '', '', ''],
    ['begin_group', 'g2', 'Deel 2', '', '', ''], // 15: never closed
  ];
  const choices: Rows = [
    ['list_name', 'name', 'label'],
    ['yn', 'ja', 'Ja'],
    ['yn', 'ja', 'Ja nog eens'], // 3: duplicate choice
    ['yn', 'nee', ''], // 4: missing label
    ['yn', 'weet niet', 'Weet ik niet'], // 5: space in name (pyxform accepts it: renamed, a warning)
  ];
  const res = await importXlsForm(
    await workbook({
      survey,
      choices,
      settings: [
        ['form_title', 'form_id'],
        ['Kapot', 'kapot'],
      ],
    }),
  );
  assert.equal(res.ok, false);
  const problems = (res as { problems: XlsFormProblem[] }).problems.filter((p) => p.severity === 'error');
  const at = (sheet: string, row: number, code: string) =>
    problems.find((p) => p.sheet === sheet && p.row === row && p.code === code);
  const expect: Array<[string, number, string, string]> = [
    ['survey', 3, 'unknown_list', 'type'],
    ['survey', 4, 'bad_expression', 'relevant'],
    ['survey', 5, 'duplicate_name', 'name'],
    ['survey', 6, 'missing_label', 'label'],
    ['survey', 7, 'unknown_reference', 'relevant'],
    ['survey', 8, 'forward_reference', 'relevant'],
    ['survey', 9, 'unsupported_required', 'required'],
    ['survey', 10, 'bad_name', 'name'],
    ['survey', 11, 'missing_list', 'type'],
    ['survey', 12, 'bad_expression', 'relevant'],
    ['survey', 13, 'unknown_type', 'type'],
    ['survey', 15, 'unbalanced_group', 'type'],
    ['choices', 3, 'duplicate_choice', 'name'],
    ['choices', 4, 'missing_label', 'label'],
  ];
  for (const [sheet, row, code, column] of expect) {
    const p = at(sheet, row, code);
    assert.ok(
      p,
      `expected ${code} at ${sheet} row ${row}; got:\n${problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`).join('\n')}`,
    );
    assert.equal(p.column, column, `${code} column`);
  }
  assert.match(at('survey', 4, 'bad_expression')!.message.en, /at character 17/);
  assert.equal(at('survey', 4, 'bad_expression')!.cell, 'E4');
  assert.match(at('survey', 3, 'unknown_list')!.message.en, /'nolist'/);
  assert.match(at('survey', 5, 'duplicate_name')!.message.en, /row 4/);
  assert.match(at('survey', 5, 'duplicate_name')!.message.nl, /rij 4/);
  assert.match(at('survey', 12, 'bad_expression')!.message.en, /lower\(\)/);
  const renamed = (res as { problems: XlsFormProblem[] }).problems.find((p) => p.code === 'renamed_choice');
  assert.equal(renamed?.cell, 'B5');
  assert.match(renamed!.message.en, /'weet niet' .* stored as 'weet_niet'/);
});

test('unsupported constructs are named (errors), harmless ones are warnings, nothing silently dropped', async () => {
  const survey: Rows = [
    ['type', 'name', 'label', 'choice_filter', 'calculation', 'label::Frysk (fy)', 'media::image'],
    ['today', 'today', '', '', '', '', ''],
    ['deviceid', 'deviceid', '', '', '', '', ''],
    ['begin_group', 'g', 'Groep', '', '', '', ''],
    ['select_one prov', 'prov', 'Provincie', '', '', 'Provinsje', ''],
    ['select_one gem', 'gem', 'Gemeente', 'prov=${prov}', '', '', ''],
    ['calculate', 'som', '', '', '1 + 1', '', ''],
    ['geopoint', 'waar', 'Waar?', '', '', '', ''],
    ['begin_repeat', 'kinderen', 'Kinderen', '', '', '', ''],
    ['text', 'kind_naam', 'Naam', '', '', '', ''],
    ['integer', 'kind_leeftijd', 'Leeftijd', '', '', '', ''],
    ['end_repeat', '', '', '', '', '', ''],
    ['note', 'foto', 'Kijk', '', '', '', 'foto.jpg'],
    ['begin_group', 'inner', 'Binnengroep', '', '', '', ''],
    ['text', 'binnen', 'Binnen', '', '', '', ''],
    ['end_group', '', '', '', '', '', ''],
    ['end_group', '', '', '', '', '', ''],
  ];
  const choices: Rows = [
    ['list_name', 'name', 'label', 'prov'],
    ['prov', 'ut', 'Utrecht', ''],
    ['gem', 'gm0344', 'Utrecht', 'ut'],
  ];
  const res = await importXlsForm(await workbook({ survey, choices, settings: [['form_id'], ['x']] }));
  assert.equal(res.ok, false);
  const problems = (res as { problems: XlsFormProblem[] }).problems;
  const find = (row: number, code: string) => problems.find((p) => p.row === row && p.code === code);
  assert.equal(find(2, 'ignored_metadata')?.severity, 'warning');
  assert.equal(find(3, 'ignored_metadata')?.severity, 'warning');
  assert.match(find(6, 'unsupported_column')!.message.en, /choice_filter/);
  assert.equal(find(6, 'unsupported_column')!.column, 'choice_filter');
  assert.match(find(7, 'unsupported_type')!.message.en, /calculation/);
  assert.match(find(8, 'unsupported_type')!.message.en, /geopoint/);
  assert.match(find(9, 'unsupported_type')!.message.en, /repeats.*'kinderen' and the 2 rows inside it/);
  assert.match(find(13, 'unsupported_column')!.message.en, /media/);
  for (const p of problems)
    assert.ok(p.message.nl && p.message.nl !== p.message.en, `${p.code}: in Dutch and English`);
  assert.equal(find(14, 'flattened_group')?.severity, 'warning');
  assert.ok(problems.some((p) => p.code === 'ignored_language' && p.column === 'label::Frysk (fy)'));
  assert.ok(
    problems.some((p) => p.code === 'ignored_column' && p.sheet === 'choices' && p.column === 'prov'),
  );
});

test('a flattened nested group keeps its condition on every question and its label as a note', async () => {
  const survey: Rows = [
    ['type', 'name', 'label', 'relevant'],
    ['select_one yn', 'a', 'A?', ''],
    ['begin_group', 'outer', 'Buiten', ''],
    ['begin_group', 'sub', 'Vervolg', "${a} = 'ja'"],
    ['text', 'b', 'B', ''],
    ['text', 'c', 'C', 'string-length(${b}) > 0'],
    ['end_group', '', '', ''],
    ['end_group', '', '', ''],
  ];
  const res = await importXlsForm(
    await workbook({
      survey,
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'ja', 'Ja'],
        ['yn', 'nee', 'Nee'],
      ],
    }),
    { fallbackCode: 'plat' },
  );
  assert.ok(res.ok, JSON.stringify(!res.ok && res.problems));
  assert.deepEqual(
    res.definition.sections.map((s) => s.id),
    ['main', 'outer'],
  );
  const items = res.definition.sections[1]!.items;
  assert.deepEqual(
    items.map((i) => [i.code, i.type, i.relevant]),
    [
      ['sub', 'note', "${a} = 'ja'"],
      ['b', 'text', "${a} = 'ja'"],
      ['c', 'text', "(${a} = 'ja') and (string-length(${b}) > 0)"],
    ],
  );
  assert.ok(res.warnings.some((w) => w.code === 'implicit_section'));
  assert.ok(res.warnings.some((w) => w.code === 'flattened_group' && w.row === 4));
  assert.equal(res.definition.code, 'plat');
});

test('not an xlsx at all: one clear problem', async () => {
  const res = await importXlsForm(Buffer.from('type,name,label\ntext,a,A\n'));
  assert.equal(res.ok, false);
  assert.equal((res as { problems: XlsFormProblem[] }).problems[0]!.code, 'unreadable_file');
});

const sample: QuestionnaireDefinition = definitionSchema.parse({
  code: 'roundtrip',
  title: { nl: 'Rondreis', en: 'Round trip' },
  context: [
    { name: 'organisatie', description: { nl: 'gemeente, provincie of waterschap' }, example: 'gemeente' },
  ],
  sections: [
    {
      id: 's1',
      title: { nl: 'Eén', en: 'One' },
      items: [
        { type: 'note', code: 'intro', label: { nl: 'Welkom bij de ${organisatie}.', en: 'Welcome.' } },
        {
          type: 'single_choice',
          code: 'q_single',
          label: { nl: 'Enkel?', en: 'Single?' },
          hint: { nl: 'Kies er één.' },
          required: true,
          requiredMessage: { nl: 'Kies een antwoord.', en: 'Choose an answer.' },
          options: [
            { code: 'ja', label: { nl: 'Ja', en: 'Yes' } },
            { code: 'nee', label: { nl: 'Nee', en: 'No' } },
            { code: 'anders', label: { nl: 'Anders, namelijk', en: 'Other' }, other: true },
          ],
        },
        {
          type: 'multiple_choice',
          code: 'q_multi',
          label: { nl: 'Meer?' },
          relevant: "${q_single} = 'ja'",
          constraint: 'count-selected(.) <= 2',
          constraintMessage: { nl: 'Hoogstens twee.' },
          options: [
            { code: 'a', label: { nl: 'A' } },
            { code: 'b', label: { nl: 'B' } },
            { code: 'geen', label: { nl: 'Geen' }, exclusive: true },
          ],
          listName: 'abc',
        },
        {
          type: 'multiple_choice',
          code: 'q_multi2',
          label: { nl: 'Weer?' },
          options: [
            { code: 'a', label: { nl: 'A' } },
            { code: 'b', label: { nl: 'B' } },
            { code: 'geen', label: { nl: 'Geen' }, exclusive: true },
          ],
          listName: 'abc',
        },
      ],
    },
    {
      id: 's2',
      title: { nl: 'Twee' },
      relevant: "selected(${q_multi}, 'a') or ${q_single} = 'nee'",
      items: [
        {
          type: 'matrix',
          code: 'grid',
          label: { nl: 'Raster', en: 'Grid' },
          hint: { nl: 'Per rij één antwoord.' },
          required: true,
          rows: [
            { code: 'grid_a', label: { nl: 'Rij A' } },
            {
              code: 'grid_b',
              label: { nl: 'Rij B', en: 'Row B' },
              relevant: "${q_single} != 'nee'",
              hint: { nl: 'Hint B' },
            },
          ],
          options: [
            { code: '1', label: { nl: 'Eens' } },
            { code: '2', label: { nl: 'Oneens' } },
          ],
        },
        {
          type: 'matrix',
          code: 'grid_multi',
          label: { nl: 'Meerkeuzeraster' },
          multiple: true,
          rows: [{ code: 'gm_a', label: { nl: 'A' } }],
          options: [
            { code: 'x', label: { nl: 'X' } },
            { code: 'none', label: { nl: 'Geen' }, exclusive: true },
          ],
        },
        { type: 'number', code: 'n_int', label: { nl: 'Aantal' }, integer: true, min: 0, max: 999 },
        {
          type: 'number',
          code: 'n_dec',
          label: { nl: 'Bedrag' },
          integer: false,
          min: -1.5,
          constraint: '. != 3',
        },
        { type: 'number', code: 'n_max', label: { nl: 'Max' }, integer: true, max: 10 },
        { type: 'number', code: 'n_free', label: { nl: 'Vrij' }, integer: true },
        { type: 'date', code: 'd', label: { nl: 'Datum' }, constraint: '. <= today()' },
        { type: 'text', code: 't', label: { nl: 'Tekst' }, appearance: 'multiline', maxLength: 500 },
        { type: 'text', code: 't2', label: { nl: 'Tekst 2' }, maxLength: 20, constraint: "not(. = 'x')" },
      ],
    },
  ],
});

test('round trip: export → import gives an equal definition', async () => {
  assert.deepEqual(checkDefinition(sample), []);
  const xlsx = await exportXlsForm(sample);
  const res = await importXlsForm(xlsx);
  assert.ok(res.ok, JSON.stringify(!res.ok && res.problems, null, 1));
  assert.deepEqual(res.definition, sample);
  assert.deepEqual(res.warnings, []);
  // And once more, from the re-imported one.
  const again = await importXlsForm(await exportXlsForm(res.definition));
  assert.ok(again.ok);
  assert.deepEqual(again.definition, sample);
});

test('the Kobo form survives export → import too', async () => {
  const first = await importXlsForm(
    await workbook({ survey: koboSurvey, choices: koboChoices, settings: koboSettings }),
  );
  assert.ok(first.ok);
  const second = await importXlsForm(await exportXlsForm(first.definition));
  assert.ok(second.ok, JSON.stringify(!second.ok && second.problems, null, 1));
  assert.deepEqual(second.definition, first.definition);
});

test('reference problems are listed even when other parts of the form are broken too', async () => {
  const survey: Rows = [
    ['type', 'name', 'label', 'relevant', 'appearance'],
    ['begin_group', 'g', 'Groep', '', ''],
    ['begin_group', 'empty_grid', 'Leeg raster', '', 'table-list'], // 3: a matrix without rows
    ['end_group', '', '', '', ''],
    ['text', 'late', 'Later', '${later_still} = 1', ''], // 5: forward reference
    ['text', 'later_still', 'Nog later', '', ''],
    ['end_group', '', '', '', ''],
  ];
  const res = await importXlsForm(await workbook({ survey, settings: [['form_id'], ['refs']] }));
  assert.equal(res.ok, false);
  const problems = (res as { problems: XlsFormProblem[] }).problems;
  const codes = problems.map((p) => `${p.row}:${p.column}:${p.code}`);
  assert.ok(codes.includes('3:type:empty_matrix'), codes.join(' '));
  assert.ok(codes.includes('5:relevant:forward_reference'), codes.join(' '));
});

test('an English-only form imports with its texts standing in for Dutch, and one warning', async () => {
  const survey: Rows = [
    ['type', 'name', 'label::English (en)', 'hint::English (en)'],
    ['select_one yn', 'ok', 'All fine?', 'Choose one'],
    ['text', 'why', 'Why?', ''],
  ];
  const choices: Rows = [
    ['list_name', 'name', 'label::English (en)'],
    ['yn', 'yes', 'Yes'],
    ['yn', 'no', 'No'],
  ];
  const res = await importXlsForm(
    await workbook({
      survey,
      choices,
      settings: [
        ['form_title', 'form_id', 'default_language'],
        ['English form', 'english_form', 'English (en)'],
      ],
    }),
  );
  assert.ok(res.ok, JSON.stringify(!res.ok && res.problems));
  const item = res.definition.sections[0]!.items[0]!;
  assert.deepEqual(item.label, { nl: 'All fine?', en: 'All fine?' });
  assert.ok(item.type === 'single_choice');
  assert.deepEqual(item.options[0]!.label, { nl: 'Yes', en: 'Yes' });
  assert.deepEqual(
    res.warnings.filter((w) => w.code === 'no_dutch').map((w) => w.row),
    [1],
  );
});

test('a zip bomb is refused while it inflates, whatever its headers say; trailing bytes after the zip too', async () => {
  const { MAX_UNPACKED_BYTES } = await import('./xlsform.js');
  const { makeZip, unzipParts } = await import('../../../test/support/zip.js');
  const form = await workbook({
    survey: [
      ['type', 'name', 'label'],
      ['text', 'a', 'A'],
    ],
  });
  // The form plus one part of zeros just over the limit, whose headers claim 1 KB (100 MB → ~100 KB).
  const pad = { name: 'xl/media/pad.bin', data: Buffer.alloc(MAX_UNPACKED_BYTES + 1), declaredSize: 1000 };
  const bomb = makeZip([...unzipParts(form), pad]);
  assert.ok(bomb.length < 1_000_000, String(bomb.length));
  const res = await importXlsForm(bomb);
  assert.equal(res.ok, false);
  const problem = (res as { problems: XlsFormProblem[] }).problems[0]!;
  assert.equal(problem.code, 'too_large');
  assert.match(problem.message.en, /unpacks to more than 100 MB/);
  assert.match(problem.message.nl, /uitgepakt groter dan 100 MB/);
  // The issue's case: 70 KB of zeros appended hid the directory from the old size check.
  const trailing = await importXlsForm(Buffer.concat([form, Buffer.alloc(70_000)]));
  assert.equal(trailing.ok, false);
  assert.equal((trailing as { problems: XlsFormProblem[] }).problems[0]!.code, 'unreadable_file');
  assert.match(
    (trailing as { problems: XlsFormProblem[] }).problems[0]!.message.en,
    /end of central directory/,
  );
});

test("references to ODK's or_other field ${q_other} follow it to q_other_tekst", async () => {
  const survey: Rows = [
    ['type', 'name', 'label', 'relevant'],
    ['select_one yn or_other', 'q', 'Vraag', ''],
    ['text', 'why', 'Waarom "${q_other}"?', "${q_other} != ''"],
  ];
  const res = await importXlsForm(
    await workbook({
      survey,
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'ja', 'Ja'],
        ['yn', 'nee', 'Nee'],
      ],
      settings: [['form_id'], ['ortest']],
    }),
  );
  assert.ok(res.ok, JSON.stringify(!res.ok && res.problems));
  const why = res.definition.sections[0]!.items[1]!;
  assert.equal(why.relevant, "${q_other_tekst} != ''");
  assert.equal(why.label.nl, 'Waarom "${q_other_tekst}"?');
  assert.ok(res.warnings.some((w) => w.code === 'renamed_reference' && w.row === 2));
  const again = await importXlsForm(await exportXlsForm(res.definition));
  assert.ok(again.ok);
  assert.deepEqual(again.definition, res.definition);
});
