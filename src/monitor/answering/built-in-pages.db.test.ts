/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} is the questionnaire reference syntax we look for. */
/**
 * Every page of every built-in questionnaire, as a respondent of every layer and role sees it (the
 * real pages through the link, answering to open the follow-up questions and to skip them) and as
 * a researcher previews it for that layer and role: no page shows a raw `${…}` reference. Also: the
 * number of parts on the start page is never lower than the total on a section page, and the time
 * on the start page is the questionnaire's.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import type { QuestionnaireDefinition } from '../questionnaires/model.js';
import { estimatedMinutes } from '../questionnaires/progress.js';
import { Respondent } from './respondent-client.js';
import { layerRoles, sectionAnswers, seedTemplateWave, type TemplateWave } from './template-wave.js';

let t: TestApp;
let wave: TemplateWave;
/** A second wave with the same people: each walk needs a link nobody answered yet. */
let second: TemplateWave;
let researcher: TestUser;

before(async () => {
  t = await createTestApp();
  wave = await seedTemplateWave(t.database);
  second = await seedTemplateWave(t.database);
  researcher = await createUser(t, { platformRoles: ['researcher'] });
});
after(() => t.close());

function noRawReference(body: string, where: string) {
  const at = body.indexOf('${');
  assert.equal(at, -1, `${where} shows a raw reference: …${body.slice(Math.max(0, at - 80), at + 40)}…`);
}

const codeOf: Record<string, string> = {
  office_holders: 'office_holders',
  organisation_policy: 'organisation_policy',
  employees: 'employees',
};

/** Answers every section (in the given mode) from start to the check page; returns the pages seen. */
async function walk(token: string, def: QuestionnaireDefinition, mode: 'positive' | 'negative') {
  const r = Respondent.inject(t.app);
  const base = `/r/${token}`;
  const seen: Array<{ url: string; body: string }> = [];
  const start = await r.get(base);
  assert.equal(start.status, 200);
  seen.push({ url: base, body: start.body });
  let location = (await r.post(`${base}/start`)).location!;
  const totals: number[] = [];
  for (let step = 0; step < 40 && location.includes('/s/'); step++) {
    const page = await r.get(location);
    assert.equal(page.status, 200, location);
    seen.push({ url: location, body: page.body });
    const total = /Deel \d+ van (\d+)/.exec(page.body);
    if (total) totals.push(Number(total[1]));
    const section = def.sections.find((s) => location.endsWith(`/s/${s.id}`))!;
    if (mode === 'negative' && step === 0) {
      // Nothing answered first: the page with its error summary.
      const invalid = await r.post(location, { _action: 'next' });
      if (invalid.status === 400) seen.push({ url: `${location} (errors)`, body: invalid.body });
    }
    const saved = await r.post(location, { ...sectionAnswers(section, mode), _action: 'next' });
    if (saved.status === 400) {
      seen.push({ url: `${location} (errors)`, body: saved.body });
      location = `${base}/check`;
      break;
    }
    location = saved.location!;
  }
  const check = await r.get(`${base}/check`);
  assert.equal(check.status, 200);
  seen.push({ url: `${base}/check`, body: check.body });
  return { seen, start: start.body, totals };
}

test('no page of a built-in questionnaire shows a raw ${…}, for any layer and role, answered either way', async () => {
  let pages = 0;
  for (const [i, person] of wave.people.entries()) {
    const def = wave.questionnaires.get(codeOf[person.targetGroup]!)!.def;
    const who = `${person.targetGroup} ${person.layer} ${person.role}`;
    for (const mode of ['positive', 'negative'] as const) {
      const token = mode === 'positive' ? person.token : second.people[i]!.token;
      const { seen, start, totals } = await walk(token, def, mode);
      for (const p of seen) noRawReference(p.body, `${who} ${mode} ${p.url}`);
      pages += seen.length;
      if (mode === 'positive') {
        const parts = Number(/(\d+) delen/.exec(start)?.[1]);
        assert.ok(
          parts >= Math.max(...totals),
          `${who}: start page says ${parts} parts, a page ${Math.max(...totals)}`,
        );
        assert.match(start, new RegExp(`ongeveer ${estimatedMinutes(def)} minuten`), who);
      }
    }
  }
  assert.ok(pages > 100, `only ${pages} pages seen`);
});

test('the check page fills the texts in as the question pages do', async () => {
  const person = wave.people.find((p) => p.targetGroup === 'office_holders' && p.role === 'statenlid')!;
  const r = Respondent.inject(t.app);
  await r.get(`/r/${person.token}`);
  await r.post(`/r/${person.token}/start`);
  const check = await r.get(`/r/${person.token}/check`);
  assert.equal(check.status, 200);
  noRawReference(check.body, 'check page');
  assert.match(check.body, /Provinciale Staten|provincie|statenlid/);
});

test('the preview of every built-in questionnaire, for every layer and role, shows no raw ${…}', async () => {
  let pages = 0;
  for (const [code, { id, def }] of wave.questionnaires) {
    const contexts = Object.entries(layerRoles).flatMap(([layer, roles]) =>
      code === 'office_holders' ? roles.map((role) => ({ layer, role })) : [{ layer, role: '' }],
    );
    for (const { layer, role } of contexts)
      for (const mode of ['positive', 'negative'] as const) {
        const answers = new URLSearchParams();
        for (const s of def.sections)
          for (const [k, v] of Object.entries(sectionAnswers(s, mode)))
            for (const x of [v].flat()) answers.append(k, x);
        answers.set('_layer', layer);
        if (role) answers.set('_role', role);
        for (let section = 0; section <= def.sections.length; section++) {
          const res = await t.app.inject({
            url: `/questionnaires/${id}/versions/1/preview?section=${section}&${answers}`,
            headers: { cookie: researcher.cookie },
          });
          assert.equal(res.statusCode, 200);
          noRawReference(res.body, `preview ${code} ${layer} ${role} ${mode} section ${section}`);
          pages++;
        }
      }
  }
  assert.ok(pages > 100);
});

test('the preview fills the texts for the layer and role asked', async () => {
  const { id } = wave.questionnaires.get('office_holders')!;
  const res = await t.app.inject({
    url: `/questionnaires/${id}/versions/1/preview?section=0&_layer=waterschap&_role=dijkgraaf`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /name="_layer" value="waterschap"/);
  assert.match(res.body, /bg_layer = waterschap/);
  assert.match(res.body, /functie = dijkgraaf/);
});
