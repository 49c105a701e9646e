/**
 * The disclosure scan of a rendered product (issue #15, "Disclosure"): holds every figure a product
 * declares, and every table row it marks in its HTML, against the stored runs' own disclosure decision.
 * Used by the test that renders every product of both demo waves; a finding is a sentence naming the
 * product, the place and the cell.
 *
 * - A figure of a cell must be a cell of the run of its wave: a suppressed cell shows no number (no
 *   estimate, no n); a shown cell is published, from at least `minRespondents` respondents, with the
 *   run's own estimate and n (so nothing derived, such as a union of groups, is ever shown).
 * - A change (`…:change`) needs both cells published (this wave's and the earlier one's).
 * - A published historical value (`…:published`, or a year with no run and no n) must be one of
 *   published-figures.json.
 * - Fieldwork and weighting counts (`method:`) are counts of invitations and respondents, not answers.
 * - In the HTML, a row marked `data-cell` of a suppressed cell holds no digit (only "—"), a row of a
 *   published cell shows the run's percentage and n; a key-figures row (`data-cells`) holds no digit in
 *   a suppressed cell's column; a chart's data-table cell marked suppressed holds no digit.
 */
import type { CellEstimate } from '../estimates/compute.js';
import { coveredFigures } from '../published.js';
import type { RunSummary } from '../runs/service.js';
import { cellKey } from '../trends/trend.js';
import type { RenderedProduct } from './product.js';

export interface ScanRuns {
  /** The run of every wave by its code. */
  byWave: Map<string, RunSummary>;
  /** The wave the product belongs to. */
  wave: string;
}

const text = (html: string) =>
  html
    .replace(/<span class="visually-hidden">[\s\S]*?<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .trim();

function findCell(run: RunSummary | undefined, indicator: string, by: Record<string, string>) {
  if (!run) return undefined;
  const key = cellKey(indicator, by);
  for (const group of Object.values(run.estimates)) {
    const c = group.cells.find((x) => cellKey(x.indicator, x.by) === key);
    if (c) return { cell: c, rules: group.disclosure?.rules };
  }
  return undefined;
}

const parseKey = (key: string): { indicator: string; by: Record<string, string> } => {
  const [indicator, rest] = key.split('|') as [string, string];
  const by: Record<string, string> = {};
  for (const part of rest ? rest.split('&') : []) {
    const [k, v] = part.split('=') as [string, string];
    by[k] = v;
  }
  return { indicator, by };
};

export function scanProduct(
  p: RenderedProduct,
  runs: ScanRuns,
  format: (estimate: number) => string,
): string[] {
  const out: string[] = [];
  const name = `${p.ref.kind}/${p.ref.key} (${p.lang})`;
  const published = coveredFigures();
  for (const f of p.figures) {
    const at = `${name} ${f.where} ${cellKey(f.indicator, f.by)} ${f.wave}`;
    if (f.suppressed && (f.estimate !== null || f.n !== null))
      out.push(`${at}: suppressed figure carries a number`);
    if (f.where.startsWith('method:')) {
      if (!['response', 'weighting'].includes(f.indicator)) out.push(`${at}: unknown method figure`);
      continue;
    }
    // a published historical value: marked so, or (texts, key figures) a year without a run and no n
    const historical =
      f.where.endsWith(':published') || (f.n === null && /^\d{4}$/.test(f.wave) && !runs.byWave.has(f.wave));
    if (historical) {
      const ok = published.some(
        (c) =>
          c.indicator === f.indicator &&
          String(c.figure.wave) === f.wave &&
          cellKey(f.indicator, c.by) === cellKey(f.indicator, f.by) &&
          Math.abs(c.figure.value / 100 - (f.estimate ?? Number.NaN)) < 1e-12,
      );
      if (!ok) out.push(`${at}: not a published historical value`);
      continue;
    }
    const found = findCell(runs.byWave.get(f.wave), f.indicator, f.by);
    if (!found) {
      out.push(`${at}: no such cell in the run of ${f.wave}`);
      continue;
    }
    const { cell, rules } = found;
    if (f.where.endsWith(':change')) {
      const now = findCell(runs.byWave.get(runs.wave), f.indicator, f.by)?.cell;
      if (cell.suppressed || !now || now.suppressed) out.push(`${at}: a change involving a suppressed cell`);
      continue;
    }
    if (cell.suppressed) {
      if (!f.suppressed) out.push(`${at}: suppressed cell shown as a number`);
      continue;
    }
    if (f.suppressed) continue; // shown as suppressed although published: allowed (hides more, never less)
    if (rules && cell.n < rules.minRespondents) out.push(`${at}: published cell below the threshold`);
    if (f.estimate !== cell.estimate)
      out.push(`${at}: estimate ${f.estimate} is not the run's ${cell.estimate}`);
    if (f.n !== null && f.n !== cell.n) out.push(`${at}: n ${f.n} is not the run's ${cell.n}`);
  }
  const run = runs.byWave.get(runs.wave);
  for (const m of p.body.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g)) {
    const attrs = m[1]!;
    const row = m[2]!;
    const cells = [...row.matchAll(/<td\b([^>]*)>([\s\S]*?)<\/td>/g)].map((x) => ({
      attrs: x[1]!,
      text: text(x[2]!),
    }));
    const single = /data-cell="([^"]+)"/.exec(attrs)?.[1];
    if (single) {
      const { indicator, by } = parseKey(single.replaceAll('&amp;', '&'));
      const c = findCell(run, indicator, by)?.cell;
      if (!c) out.push(`${name} row ${single}: no such cell`);
      else if (c.suppressed) {
        if (cells.some((x) => /\d/.test(x.text)))
          out.push(`${name} row ${single}: suppressed cell shows a number`);
        if (!/data-suppressed/.test(attrs)) out.push(`${name} row ${single}: suppressed cell not marked`);
      } else if (c.estimate !== null) {
        if (cells[0]?.text !== format(c.estimate))
          out.push(`${name} row ${single}: shows ${cells[0]?.text}, run has ${format(c.estimate)}`);
      }
    }
    const several = /data-cells="([^"]+)"/.exec(attrs)?.[1];
    if (several)
      several
        .replaceAll('&amp;', '&')
        .split(' ')
        .forEach((key, i) => {
          const { indicator, by } = parseKey(key);
          const c: CellEstimate | undefined = findCell(run, indicator, by)?.cell;
          if (c?.suppressed && /\d/.test(cells[i]?.text ?? ''))
            out.push(`${name} key figure ${key}: suppressed cell shows a number`);
        });
    for (const c of cells)
      if (/class="[^"]*\bsuppressed\b/.test(c.attrs) && /\d/.test(c.text))
        out.push(`${name}: a cell marked suppressed shows ${c.text}`);
  }
  return out;
}
