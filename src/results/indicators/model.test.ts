import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { officeHolders } from '../../monitor/questionnaires/templates/office-holders.js';
import { builtinIndicators } from './builtin.js';
import { compileIndicator, type IndicatorInput } from './model.js';

const defs = new Map(templates.map((t) => [t.code, t]));
const any = compileIndicator(builtinIndicators.find((i) => i.code === 'agr_any_12m')!, officeHolders);
const none = {
  agr_verbal_12m: 'nooit',
  agr_threat_12m: 'nooit',
  agr_intimidation_12m: 'nooit',
  agr_physical_12m: 'nooit',
};

test('every built-in indicator compiles against its questionnaire', () => {
  for (const i of builtinIndicators) compileIndicator(i, defs.get(i.targetGroup)!);
  const codes = builtinIndicators.map((i) => i.code);
  assert.equal(new Set(codes).size, codes.length, 'codes are unique');
});

test('any aggression: 1 when some form occurred, 0 when none', () => {
  assert.equal(any.valueOf({}, none), 0);
  assert.equal(any.valueOf({}, { ...none, agr_physical_12m: 'een_keer' }), 1);
});

test('a share of victims is missing for those without an incident; multiple choice uses selected()', () => {
  const gender = compileIndicator(
    builtinIndicators.find((i) => i.code === 'agr_target_gender')!,
    officeHolders,
  );
  assert.equal(gender.valueOf({}, none), null);
  const victim = { ...none, agr_verbal_12m: 'vaker' };
  assert.equal(gender.valueOf({}, victim), null, 'not answered');
  assert.equal(gender.valueOf({}, { ...victim, agr_target_personal: ['afkomst', 'geslacht_gender'] }), 1);
  assert.equal(gender.valueOf({}, { ...victim, agr_target_personal: ['nee'] }), 0);
});

test('an expression naming an unknown item code is refused with its name', () => {
  const bad: IndicatorInput = { ...builtinIndicators[0]!, code: 'x', numerator: "${agr_verbaal_12m} = 'ja'" };
  assert.throws(() => compileIndicator(bad, officeHolders), /unknown item code agr_verbaal_12m/);
  const unparsable: IndicatorInput = { ...builtinIndicators[0]!, code: 'x', numerator: "${a} = = 'ja'" };
  assert.throws(() => compileIndicator(unparsable, officeHolders), /numerator does not parse/);
  const badBreakdown = {
    ...builtinIndicators[0]!,
    breakdowns: [['bg_shoe_size']],
  } as unknown as IndicatorInput;
  assert.throws(() => compileIndicator(badBreakdown, officeHolders), /breakdowns/);
});

test('a type mismatch is refused naming the item and the value', () => {
  const base = builtinIndicators[0]!;
  const notAnOption: IndicatorInput = { ...base, code: 'x', numerator: "${agr_verbal_12m} = 'ja'" };
  assert.throws(
    () => compileIndicator(notAnOption, officeHolders),
    /indicator x, numerator: 'ja' is not an option of agr_verbal_12m \(options: /,
  );
  const number: IndicatorInput = { ...base, code: 'x', numerator: '${agr_verbal_12m} > 2' };
  assert.throws(
    () => compileIndicator(number, officeHolders),
    /agr_verbal_12m is a choice item.*not with the number 2/,
  );
  const single: IndicatorInput = {
    ...base,
    code: 'x',
    population: "selected(${agr_verbal_12m}, 'nooit')",
  };
  assert.throws(
    () => compileIndicator(single, officeHolders),
    /population: selected\(\) needs a multiple-choice item; agr_verbal_12m/,
  );
  const option: IndicatorInput = {
    ...base,
    code: 'x',
    numerator: "selected(${agr_target_personal}, 'schoenmaat')",
  };
  assert.throws(
    () => compileIndicator(option, officeHolders),
    /'schoenmaat' is not an option of agr_target_personal/,
  );
});
