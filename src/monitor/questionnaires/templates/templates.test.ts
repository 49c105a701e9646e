/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relevanceOf } from '../engine.js';
import { variablesOf } from '../model.js';
import { fingerprintOf, meaningsOf, parseDefinition } from '../service.js';
import { exportXlsForm, importXlsForm } from '../xlsform.js';
import { templates } from './index.js';

test('every template is a valid definition (schema and structural checks)', () => {
  for (const def of templates) parseDefinition(def);
  assert.deepEqual(
    templates.map((d) => d.code),
    ['office_holders', 'organisation_policy', 'employees'],
  );
});

test('templates use the item codes of the item bank, and a shared code means the same everywhere', () => {
  const codes = new Set(templates.flatMap((d) => variablesOf(d).map((v) => v.code)));
  for (const c of [
    'agr_verbal_12m',
    'agr_reported_org_verbal',
    'agr_aangifte_physical',
    'int_obs_geschenken',
    'org_code_updated_year',
    'emp_agr_threat_12m',
    'bg_gender',
    'agr_not_reported_reason_anders_tekst',
  ])
    assert.ok(codes.has(c), c);
  const seen = new Map<string, string>();
  for (const def of templates)
    for (const m of meaningsOf(def)) {
      const f = fingerprintOf(m);
      assert.equal(seen.get(m.code) ?? f, f, `${m.code} differs between templates`);
      seen.set(m.code, f);
    }
});

test('routing: follow-up questions only after experienced aggression', () => {
  const [p] = templates;
  const none = relevanceOf(
    p!,
    {
      agr_verbal_12m: 'nooit',
      agr_threat_12m: 'nooit',
      agr_intimidation_12m: 'nooit',
      agr_physical_12m: 'nooit',
    },
    { bg_role: 'raadslid' },
  );
  assert.equal(none.sections.get('p2_melden'), false);
  assert.equal(none.items.get('agr_decisions_influenced'), true);
  assert.equal(none.items.get('agr_severity_worst'), false);
  const some = relevanceOf(
    p!,
    {
      agr_verbal_12m: 'nooit',
      agr_threat_12m: 'een_keer',
      agr_intimidation_12m: 'nooit',
      agr_physical_12m: 'nooit',
    },
    { bg_role: 'burgemeester' },
  );
  assert.equal(some.sections.get('p2_melden'), true);
  assert.equal(some.items.get('agr_reported_org_threat'), true);
  assert.equal(some.items.get('agr_reported_org_verbal'), false);
  assert.equal(some.items.get('int_chair_attention'), false);
});

test('templates survive XLSForm export → import unchanged', async () => {
  for (const def of templates) {
    const res = await importXlsForm(await exportXlsForm(def));
    assert.ok(res.ok, JSON.stringify(!res.ok && res.problems.slice(0, 5)));
    assert.deepEqual(res.definition, def);
  }
});

test('context values fill the layer texts and the role', async () => {
  const { contextValues } = await import('./context.js');
  const { pipe, relevanceOf: rel } = await import('../engine.js');
  const ctx = contextValues({ layer: 'waterschap', role: 'lid_db' });
  assert.equal(ctx.de_organisatie, 'het waterschap');
  assert.equal(ctx.functie, 'lid van het dagelijks bestuur');
  const [p] = templates;
  const r = rel(p!, {}, ctx);
  assert.equal(
    pipe('Hoe veilig voelt u zich als ${functie} bij ${de_organisatie}?', p!, r, 'nl'),
    'Hoe veilig voelt u zich als lid van het dagelijks bestuur bij het waterschap?',
  );
  assert.equal(contextValues({ employeeModule: true }).module_medewerkers, 'ja');
});
