import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { runAnalysis } from '../../stats/analysis.js';
import { columnsOfSpec } from '../../stats/columns.js';
import { parseCsv } from '../../stats/csv.js';
import { parseSpec } from '../../stats/spec.js';
import { groupData } from '../demo/inputs.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths, generateWave, type Questionnaires } from '../demo/waves.js';
import { builtinIndicators } from '../indicators/builtin.js';
import { compileIndicator } from '../indicators/model.js';
import { computeGroup } from '../pipeline.js';
import { designJson } from '../weighting/design-json.js';
import { schemes } from '../weighting/scheme.js';
import { compareResults, readResults } from './compare.js';
import { type ResultRow, reproduction } from './package.js';

/**
 * The generated reproduction gives the app's numbers: R's survey (Rscript reproduce.R: svydesign, its
 * own rake(), svyciprop logit, the difference with its covariance) and `weerbaar analyse analyse.json`
 * agree with the results run to 1e-9 on every cell and comparison of the chosen indicators.
 * A small seeded demo wave (every provincie, two provinces' gemeenten, eight waterschappen) with
 * trimming, so the start weights differ from the base weights.
 */
const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = smallDemoOrganisations();
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
// any aggression (everyone) and aangifte (only those with an incident: a population with missing values)
const chosen = ['agr_any_12m', 'agr_aangifte_any'];
const group = computeGroup({
  targetGroup: 'office_holders',
  questionnaire: defs.office_holders,
  ...groupData(generateWave(truth, orgs, defs), orgs, 'office_holders'),
  indicators: builtinIndicators.filter((i) => chosen.includes(i.code)),
  weighting: { trim: { lower: 0.7, upper: 1.4 } },
});
const compiled = builtinIndicators
  .filter((i) => i.targetGroup === 'office_holders')
  .map((i) => compileIndicator(i, defs.office_holders));
const files = reproduction({
  wave: truth.code,
  targetGroup: 'office_holders',
  respondents: group.ordered,
  weighting: group.weighting,
  design: designJson(group.weighting, schemes.office_holders!.strata, { trim: { lower: 0.7, upper: 1.4 } }),
  questionnaire: defs.office_holders,
  indicators: compiled,
  estimates: group.estimates,
  only: chosen,
});
const dir = mkdtempSync(join(tmpdir(), 'weerbaar-repro-'));
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
after(() => rmSync(dir, { recursive: true, force: true }));

const app = readResults(files['weerbaar.csv']!);
function assertClose(ours: ResultRow[], theirs: ResultRow[], who: string) {
  const { problems } = compareResults(ours, theirs);
  assert.deepEqual(problems, [], `${who} differs from the app`);
  assert.equal(theirs.length, ours.length);
}

test('the app table covers every cell and comparison of the chosen indicators', () => {
  const cells = group.estimates.cells.filter((c) => chosen.includes(c.indicator)).length;
  const comparisons = group.estimates.comparisons.filter((c) => chosen.includes(c.indicator)).length;
  assert.equal(app.length, cells + comparisons);
  assert.ok(app.some((r) => r.kind === 'difference') && app.some((r) => r.breakdown === 'bg_layer+bg_role'));
});

test('the analysis file has no direct identifiers and the indicator columns of every indicator', () => {
  const header = files['analysis.csv']!.split('\r\n', 1)[0]!.split(',');
  for (const c of ['stratum', 'fpc', 'w_base', 'w_start', 'w_final', 'm_layer_role', 'm_province'])
    assert.ok(header.includes(c), c);
  for (const i of compiled) assert.ok(header.includes(`i_${i.definition.code}`), i.definition.code);
  assert.ok(!header.some((h) => /(^|_)(id|email|name|organisation)$/.test(h)), header.join(','));
  const design = JSON.parse(files['design.json']!);
  assert.equal(design.calibration.epsilon, 1e-10);
  assert.deepEqual(design.trimming, { lower: 0.7, upper: 1.4 });
});

test('weerbaar analyse on analysis.csv with analyse.json gives the app numbers', () => {
  const spec = parseSpec(JSON.parse(files['analyse.json']!));
  const table = parseCsv(Buffer.from(files['analysis.csv']!), { columns: columnsOfSpec(spec) });
  const out = runAnalysis(spec, table);
  const rows: ResultRow[] = [];
  for (const e of out.estimates) {
    if (!('rows' in e)) continue;
    const [kind, code, ...rest] = e.id.split('|');
    const by = kind === 'cell' ? (rest[0] ? rest[0].split('+') : []) : [];
    for (const r of e.rows) {
      const rb = Array.isArray(r.by) ? {} : (r.by as Record<string, string>);
      rows.push({
        kind: kind === 'cell' ? 'cell' : 'difference',
        indicator: code!,
        breakdown: kind === 'cell' ? by.join('+') : rest[0]!,
        group: kind === 'cell' ? by.map((k) => `${k}=${rb[k]}`).join(';') : `${rest[2]} - ${rest[1]}`,
        estimate: String(r.estimate ?? ''),
        se: String(r.se ?? ''),
        ci_lower: String(r.ci[0] ?? ''),
        ci_upper: String(r.ci[1] ?? ''),
        p: kind === 'cell' ? '' : String(r.p ?? ''),
        n: String(r.n),
      });
    }
  }
  assertClose(app, rows, 'weerbaar analyse');
});

const rscript = spawnSync('Rscript', ['-e', 'suppressMessages(library(survey))'], { encoding: 'utf8' });
const hasR = rscript.status === 0;

test('Rscript reproduce.R (R survey: its own rake, svyciprop logit, differences) gives the app numbers to 1e-9', {
  skip: hasR
    ? false
    : 'skipped: Rscript with the survey package is not installed (Debian: r-base-core r-cran-survey)',
}, () => {
  const r = spawnSync('Rscript', [join(dir, 'reproduce.R'), dir], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /raked weights vs w_final: largest relative difference/);
  const reproduced = readResults(readFileSync(join(dir, 'reproduced.csv'), 'utf8'));
  assertClose(app, reproduced, 'R');
});
