import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { contextOf } from '../../monitor/answering/strata.js';
import { validateSection } from '../../monitor/questionnaires/engine.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { councilSeats } from './population.js';
import { registryOrganisations } from './registry.js';
import { demoWaveTruths, generateWave, type Questionnaires, strataOf } from './waves.js';

const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = registryOrganisations();
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
const wave = generateWave(truth, orgs, defs);

test('the generator is deterministic: the same seed gives the same frame and answers', () => {
  const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');
  const again = generateWave(truth, orgs, defs);
  assert.equal(digest(again), digest(wave));
  const other = generateWave(demoWaveTruths.find((w) => w.year === 2022)!, orgs, defs);
  assert.notEqual(digest(other.responses), digest(wave.responses));
});

test('council sizes follow Gemeentewet art. 8', () => {
  assert.equal(councilSeats(2_500), 9);
  assert.equal(councilSeats(20_000), 17);
  assert.equal(councilSeats(20_001), 19);
  assert.equal(councilSeats(150_000), 39);
  assert.equal(councilSeats(900_000), 45);
});

test('every synthetic response passes the questionnaire’s own validation and routing', () => {
  const persons = new Map(wave.frame.map((p) => [p.email, p]));
  const orgOf = new Map(orgs.map((o) => [o.code, o]));
  for (const r of wave.responses) {
    const p = persons.get(r.email)!;
    const def = defs[r.targetGroup];
    const context = contextOf(strataOf(p, orgOf.get(p.organisation)!));
    def.sections.forEach((_, i) => {
      const errors = validateSection(def, i, r.answers, context);
      assert.deepEqual(errors, [], `${r.email} section ${i}`);
    });
  }
});

test('the associations a reader expects are in the raw answers', () => {
  const oh = wave.responses.filter((r) => r.targetGroup === 'office_holders');
  const gender = new Map(wave.frame.map((p) => [p.email, p.gender]));
  const forms = ['agr_verbal_12m', 'agr_threat_12m', 'agr_intimidation_12m', 'agr_physical_12m'];
  const any = (r: (typeof oh)[number]) => forms.some((f) => r.answers[f] !== 'nooit');
  const share = (xs: typeof oh, f: (r: (typeof oh)[number]) => boolean) => xs.filter(f).length / xs.length;
  const women = oh.filter((r) => gender.get(r.email) === 'vrouw');
  const men = oh.filter((r) => gender.get(r.email) === 'man');
  assert.ok(share(women, any) > share(men, any) + 0.1, 'women more often targeted');
  const victims = oh.filter(any);
  const channels = new Map<string, number>();
  for (const r of victims) {
    const c = String(r.answers.agr_channel_recent ?? '');
    channels.set(c, (channels.get(c) ?? 0) + 1);
  }
  const top = [...channels].sort((a, b) => b[1] - a[1])[0]![0];
  assert.equal(top, 'sociale_media');
  const aangifte = (form: string) => {
    const had = victims.filter((r) => r.answers[`agr_aangifte_${form}`] !== undefined);
    return share(had, (r) => r.answers[`agr_aangifte_${form}`] === 'ja');
  };
  assert.ok(aangifte('verbal') < 0.05, 'aangifte after verbal aggression is rare');
  assert.ok(aangifte('threat') > 3 * aangifte('verbal'));
  assert.ok(aangifte('physical') > aangifte('threat'));
});
