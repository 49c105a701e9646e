/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { QuestionnaireDefinition } from './model.js';
import {
  createDraftVersion,
  createQuestionnaire,
  getQuestionnaire,
  getVersion,
  getVersionById,
  importDefinition,
  itemCodeEntry,
  listQuestionnaires,
  publishVersion,
  updateDraft,
} from './service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const yn = [
  { code: 'ja', label: { nl: 'Ja', en: 'Yes' } },
  { code: 'nee', label: { nl: 'Nee', en: 'No' } },
];

const def = (code: string, over: Partial<QuestionnaireDefinition> = {}): QuestionnaireDefinition => ({
  code,
  title: { nl: `Vragenlijst ${code}`, en: `Questionnaire ${code}` },
  sections: [
    {
      id: 's1',
      title: { nl: 'Deel 1' },
      items: [
        { type: 'single_choice', code: `${code}_q1`, label: { nl: 'Vraag 1?' }, required: true, options: yn },
        { type: 'number', code: `${code}_n`, label: { nl: 'Hoeveel?' }, integer: true, min: 0, max: 10 },
      ],
    },
  ],
  ...over,
});

const rejects = async (p: Promise<unknown>, code: string, match?: RegExp) => {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, code, err.message);
    if (match) assert.match(`${err.detail} ${JSON.stringify(err.invalidParams)}`, match);
    return err;
  }
  assert.fail(`expected ${code}`);
};

const auditActions = async (resourceId: string) =>
  (
    await database.query<{ action: string }>(
      'select action from audit_log where resource_id = $1 order by seq',
      [resourceId],
    )
  ).map((r) => r.action);

test('create → draft v1 → publish → immutable; edits make a new draft; every step audited', async () => {
  const { questionnaireId, version } = await createQuestionnaire(database.db, systemActor, def('qa'));
  assert.equal(version.version, 1);
  assert.equal(version.status, 'draft');
  // A draft may change.
  const edited = def('qa');
  edited.sections[0]!.items[0]!.label = { nl: 'Vraag 1, anders gezegd?' };
  await updateDraft(database.db, systemActor, questionnaireId, 1, edited);
  const published = await publishVersion(database.db, systemActor, questionnaireId, 1);
  assert.equal(published.status, 'published');
  assert.ok(published.publishedAt);
  assert.equal(published.definition.sections[0]!.items[0]!.label.nl, 'Vraag 1, anders gezegd?');

  // The service refuses to change or republish it.
  await rejects(
    updateDraft(database.db, systemActor, questionnaireId, 1, def('qa')),
    'conflict',
    /published/,
  );
  await rejects(
    publishVersion(database.db, systemActor, questionnaireId, 1),
    'conflict',
    /already published/,
  );
  // And so does the database.
  await assert.rejects(
    database.query(
      `update questionnaire_versions set definition = '{"code":"x"}'::jsonb where questionnaire_id = $1 and version = 1`,
      [questionnaireId],
    ),
    /published and cannot change/,
  );
  await assert.rejects(
    database.query('delete from questionnaire_versions where questionnaire_id = $1', [questionnaireId]),
    /cannot be deleted/,
  );

  // Rewording a label in a new version keeps the code.
  const v2 = def('qa');
  v2.sections[0]!.items[0]!.label = { nl: 'Vraag één?' };
  const draft2 = await createDraftVersion(database.db, systemActor, questionnaireId, v2);
  assert.equal(draft2.version, 2);
  await publishVersion(database.db, systemActor, questionnaireId, 2);

  const q = await getQuestionnaire(database.db, questionnaireId);
  assert.deepEqual(
    q.versions.map((v) => [v.version, v.status]),
    [
      [2, 'published'],
      [1, 'published'],
    ],
  );
  assert.equal(q.publishedVersion, 2);
  assert.equal((await getVersionById(database.db, draft2.id)).version, 2);
  assert.deepEqual(
    (await getVersion(database.db, questionnaireId, 1)).definition.sections[0]!.items[0]!.label,
    {
      nl: 'Vraag 1, anders gezegd?',
    },
  );
  assert.deepEqual(await auditActions(questionnaireId), [
    'questionnaire.create',
    'questionnaire.version.create',
    'questionnaire.version.update',
    'questionnaire.version.publish',
    'questionnaire.version.create',
    'questionnaire.version.publish',
  ]);
  const entry = await itemCodeEntry(database.db, 'qa_q1');
  assert.equal(entry?.firstVersion, 1);
  assert.equal(entry?.firstQuestionnaireCode, 'qa');
  assert.ok((await listQuestionnaires(database.db)).some((x) => x.code === 'qa' && x.publishedVersion === 2));
});

test('reusing an item code with another meaning is refused, naming the code and the earlier version', async () => {
  const { questionnaireId } = await createQuestionnaire(database.db, systemActor, def('qb'));
  await publishVersion(database.db, systemActor, questionnaireId, 1);

  // Other option codes under the same code, in the same questionnaire…
  const changed = def('qb');
  const q1 = changed.sections[0]!.items[0]!;
  assert.ok(q1.type === 'single_choice');
  q1.options = [...yn, { code: 'weet_niet', label: { nl: 'Weet ik niet' } }];
  const err = await rejects(
    createDraftVersion(database.db, systemActor, questionnaireId, changed),
    'conflict',
    /item code 'qb_q1' was first published in questionnaire qb version 1/,
  );
  assert.equal(err.invalidParams[0]!.name, 'sections[0].items[0].code');
  assert.equal(err.invalidParams[0]!.code, 'item_code_meaning_changed');

  // …or another type in another questionnaire.
  const other = def('qc');
  other.sections[0]!.items.push({ type: 'text', code: 'qb_n', label: { nl: 'Tekst' } });
  await rejects(
    createQuestionnaire(database.db, systemActor, other),
    'conflict',
    /'qb_n'.*qb version 1.*number.*text/,
  );

  // A matrix row is a choice item: the same code as a matrix row with the same options is fine.
  const asRow = def('qd');
  asRow.sections[0]!.items.push({
    type: 'matrix',
    code: 'qd_grid',
    label: { nl: 'Raster' },
    rows: [{ code: 'qb_q1', label: { nl: 'Rij met bekende code' } }],
    options: yn,
  });
  const created = await createQuestionnaire(database.db, systemActor, asRow);
  await publishVersion(database.db, systemActor, created.questionnaireId, 1);
});

test('bad definitions are refused with every problem and its JSON path', async () => {
  const bad = def('qe');
  bad.sections[0]!.items.push(
    { type: 'text', code: 'qe_q1', label: { nl: 'Dubbel' } },
    { type: 'text', code: 'qe_t', label: { nl: 'T' }, relevant: '${nope} = 1' },
    { type: 'text', code: 'qe_u', label: { nl: 'U' }, relevant: "${qe_q1} = 'ja' and" },
  );
  const err = await rejects(createQuestionnaire(database.db, systemActor, bad), 'validation');
  assert.deepEqual(
    err.invalidParams.map((p) => [p.name, p.code]),
    [
      ['sections[0].items[2].code', 'duplicate_code'],
      ['sections[0].items[3].relevant', 'unknown_reference'],
      ['sections[0].items[4].relevant', 'bad_expression'],
    ],
  );
  const zodErr = await rejects(
    createQuestionnaire(database.db, systemActor, {
      code: 'x',
      title: { nl: '' },
      sections: [{ id: 's', items: [{ type: 'radio' }] }],
    }),
    'validation',
  );
  const names = zodErr.invalidParams.map((p) => p.name);
  assert.ok(names.includes('title.nl'), names.join());
  assert.ok(names.includes('sections[0].title'), names.join());
  assert.ok(
    names.some((n) => n.startsWith('sections[0].items[0]')),
    names.join(),
  );

  await rejects(createQuestionnaire(database.db, systemActor, def('qa')), 'conflict', /exists/);
  await rejects(getVersion(database.db, '00000000-0000-4000-8000-000000000000', 1), 'not-found');
});

test('import adds a version to an existing questionnaire, or creates one', async () => {
  const a = await importDefinition(database.db, systemActor, def('qf'), 'xlsform:qf.xlsx');
  assert.equal(a.created, true);
  // The same definition again makes no version.
  const same = await importDefinition(database.db, systemActor, def('qf'), 'json');
  assert.equal(same.unchanged, true);
  assert.equal(same.version.version, 1);
  const changed = def('qf');
  changed.title = { nl: 'Andere titel' };
  const b = await importDefinition(database.db, systemActor, changed, 'json');
  assert.equal(b.created, false);
  assert.equal(b.unchanged, false);
  assert.equal(b.version.version, 2);
  assert.deepEqual(
    b.changes.map((c) => [c.kind, c.what]),
    [['changed', 'title']],
  );
  assert.equal(b.questionnaireId, a.questionnaireId);
});

test('texts PostgreSQL cannot store (NUL, lone surrogates) are a validation error, not a 500', async () => {
  const bad = def('qg');
  bad.sections[0]!.items[0]!.label = { nl: 'Vraag\u0000' };
  bad.title = { nl: 'Titel \ud800' };
  const err = await rejects(createQuestionnaire(database.db, systemActor, bad), 'validation');
  assert.deepEqual(
    err.invalidParams.map((p) => [p.name, p.code]),
    [
      ['title.nl', 'invalid_characters'],
      ['sections[0].items[0].label.nl', 'invalid_characters'],
    ],
  );
});
