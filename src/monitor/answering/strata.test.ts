import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextValues } from '../questionnaires/templates/context.js';
import { contextOf } from './strata.js';

test('a response context is the templates context of its layer and role, plus its strata', () => {
  const strata = { bg_layer: 'provincie', bg_role: 'cdk', bg_province: 'utrecht', bg_org_size: 'groot' };
  const context = contextOf(strata);
  assert.equal(context.de_organisatie, 'de provincie');
  assert.equal(context.functie, 'commissaris van de Koning');
  assert.equal(context.bg_province, 'utrecht');
  assert.deepEqual(context, { ...contextValues({ layer: 'provincie', role: 'cdk' }), ...strata });
});

test('unknown layers get no text fills; roles without words are written out', () => {
  const context = contextOf({ bg_layer: 'eiland', bg_role: 'lid_eilandsraad' });
  assert.equal(context.organisatie, undefined);
  assert.equal(context.functie, 'lid eilandsraad');
  assert.equal(context.bg_layer, 'eiland');
  assert.deepEqual(contextOf({}), {});
});
