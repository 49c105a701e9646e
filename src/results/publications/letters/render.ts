/**
 * One letter's body (escaped HTML) and the numbers it shows: the address and salutation, the national
 * findings (from the visible results run, published cells only), the organisation's own answers next to
 * the benchmark of comparable organisations and the national share, and the closing. Each narrative
 * section is the researcher's text when there is one (narrative.ts), else the built-in text below.
 */
import type { Lang } from '../../../platform/errors.js';
import { escapeHtml as esc } from '../../../platform/mail/templates.js';
import { valueLabel } from '../../labels.js';
import { narrative } from '../narrative.js';
import type {
  OutlineEntry,
  ProductRef,
  PublishedFigure,
  RenderContext,
  RenderedProduct,
} from '../product.js';
import type { Benchmark, Value } from './benchmark.js';
import { say } from './messages.js';
import { keyFindings, type LetterSource, type Participant } from './source.js';

const pct = (_lang: Lang, p: number) => `${p}%`; // the same in Dutch and English

/** The comparison group in words: "gemeenten met 20.000 tot 50.000 inwoners", "alle provincies". */
export function groupLabel(lang: Lang, p: Pick<Participant, 'layer' | 'sizeClass'>): string {
  if (p.sizeClass && p.layer === 'gemeente')
    return say(lang, 'letters.comparable.gemeente', { size: valueLabel(lang, 'bg_org_size', p.sizeClass) });
  if (p.layer === 'gemeente' || p.layer === 'provincie' || p.layer === 'waterschap')
    return say(lang, `letters.comparable.layer.${p.layer}`);
  const layer = valueLabel(lang, 'bg_layer', p.layer);
  return p.sizeClass ? `${layer}, ${valueLabel(lang, 'bg_org_size', p.sizeClass)}` : layer;
}

export async function renderLetter(
  ctx: RenderContext,
  ref: ProductRef,
  source: LetterSource,
  p: Participant,
): Promise<RenderedProduct> {
  const { lang, wave } = ctx;
  const figures: PublishedFigure[] = [];
  const outline: OutlineEntry[] = [];
  // the built-in text is made (and its figures recorded) only when there is no researcher's text
  const section = async (name: string, builtin: () => string) => {
    const own = await narrative({ ctx, kind: 'letter', section: name, scope: { organisation: ref.key } });
    if (!own) return builtin();
    figures.push(...own.figures);
    return own.html;
  };
  const title = say(lang, 'letters.title', { organisation: p.organisation.name });
  const running = say(lang, 'letters.running', { wave: wave.name });
  const heading = (id: string, text: string) => {
    outline.push({ level: 2, id, text });
    return `<h2 id="${id}">${esc(text)}</h2>`;
  };
  outline.push({ level: 1, id: 'brief', text: title });
  const contact = p.contact;
  const role = contact ? valueLabel(lang, 'bg_role', contact.role) : '';
  const parts = [
    `<h1 id="brief">${esc(title)}</h1>`,
    `<p class="letter-head">${esc(running)}</p>`,
    `<p class="letter-to">${esc(
      contact
        ? say(lang, 'letters.to', { name: contact.name, role, organisation: p.organisation.name })
        : say(lang, 'letters.to.noContact', { organisation: p.organisation.name }),
    )}</p>`,
    `<p>${esc(
      contact
        ? say(lang, 'letters.salutation', { name: contact.name })
        : say(lang, 'letters.salutation.noContact'),
    )}</p>`,
    await section('aanhef', () => `<p>${esc(say(lang, 'letters.aanhef', { wave: wave.name }))}</p>`),
    heading('kernpunten', say(lang, 'letters.kernpunten.heading')),
    await section('kernpunten', () => findings(lang, source, figures, wave.code)),
    heading('eigen-organisatie', say(lang, 'letters.own.heading')),
    await section(
      'eigen-organisatie',
      () => `<p>${esc(say(lang, 'letters.own.intro', { group: groupLabel(lang, p) }))}</p>`,
    ),
    ownTable(lang, source, p, figures, wave.code),
    await section('slot', () => `<p>${esc(say(lang, 'letters.slot'))}</p>`),
    `<p>${esc(say(lang, 'letters.closing'))}</p>\n<p>${esc(say(lang, 'letters.sender'))}</p>`,
  ];
  return { ref, lang, title, runningTitle: running, body: parts.join('\n'), outline, figures };
}

function findings(lang: Lang, source: LetterSource, figures: PublishedFigure[], waveCode: string): string {
  const items: string[] = [];
  for (const [group, code] of keyFindings) {
    const estimates = source.run.estimates[group];
    const cell = estimates?.cells.find((c) => c.indicator === code && Object.keys(c.by).length === 0);
    if (!cell || cell.suppressed || cell.estimate === null) continue;
    const label = source.labels[code]?.[lang] ?? code;
    const percent = Math.round(cell.estimate * 100);
    figures.push({
      indicator: code,
      wave: waveCode,
      by: {},
      estimate: cell.estimate,
      n: cell.n,
      suppressed: false,
      where: 'text:kernpunten',
    });
    let text = say(lang, 'letters.finding', {
      percent: pct(lang, percent),
      label: label.charAt(0).toLowerCase() + label.slice(1),
      group: say(lang, `letters.group.${group}`),
    });
    const trend = estimates!.trends?.find((t) => t.indicator === code && Object.keys(t.by).length === 0);
    if (trend) {
      const key = !trend.significant ? 'same' : trend.change > 0 ? 'up' : 'down';
      text += ` ${say(lang, `letters.finding.${key}`, { wave: trend.previousWave })}`;
    }
    items.push(`<li>${esc(text)}</li>`);
  }
  if (items.length === 0) return `<p>${esc(say(lang, 'letters.kernpunten.none'))}</p>`;
  return `<p>${esc(say(lang, 'letters.kernpunten.intro'))}</p>\n<ul>\n${items.join('\n')}\n</ul>`;
}

const answerText = (lang: Lang, v: Value) =>
  say(lang, v === 1 ? 'letters.own.yes' : v === 0 ? 'letters.own.no' : 'letters.own.none');

function ownTable(
  lang: Lang,
  source: LetterSource,
  p: Participant,
  figures: PublishedFigure[],
  waveCode: string,
): string {
  const group = source.benchmarks.get(p.group) ?? {};
  const national = source.run.estimates.organisation_policy?.cells ?? [];
  const notes = new Map<Exclude<Benchmark, { shown: true }>['reason'], string>();
  const noteMark = (reason: 'too-few' | 'extreme') => {
    if (!notes.has(reason)) notes.set(reason, String.fromCharCode(97 + notes.size));
    return notes.get(reason)!;
  };
  const by = { bg_layer: p.layer, ...(p.sizeClass ? { bg_org_size: p.sizeClass } : {}) };
  const rows = source.indicators.map((d) => {
    const b = group[d.code] ?? { shown: false, reason: 'too-few' as const };
    figures.push({
      indicator: d.code,
      wave: waveCode,
      by,
      estimate: b.shown ? b.percent / 100 : null,
      n: b.shown ? b.n : null,
      suppressed: !b.shown,
      where: 'benchmark',
    });
    const bench = b.shown
      ? say(lang, 'letters.own.of', { percent: pct(lang, b.percent), n: b.n })
      : say(lang, 'letters.own.withheld', { note: noteMark(b.reason) });
    const cell = national.find((c) => c.indicator === d.code && Object.keys(c.by).length === 0);
    let all = say(lang, 'letters.own.notPublished');
    if (cell && !cell.suppressed && cell.estimate !== null) {
      all = pct(lang, Math.round(cell.estimate * 100));
      figures.push({
        indicator: d.code,
        wave: waveCode,
        by: {},
        estimate: cell.estimate,
        n: cell.n,
        suppressed: false,
        where: 'table:national',
      });
    }
    // the organisation's own answer is not a statistic (its reader gave it): not a published figure
    return `<tr><th scope="row">${esc(d.label[lang])}</th><td>${esc(answerText(lang, p.values[d.code] ?? null))}</td><td class="num">${esc(bench)}</td><td class="num">${esc(all)}</td></tr>`;
  });
  const head = [
    'letters.own.topic',
    'letters.own.answer',
    'letters.own.benchmark',
    'letters.own.national',
  ] as const;
  const noteText = (reason: 'too-few' | 'extreme') =>
    say(lang, `letters.note.${reason}`, { threshold: source.threshold, double: 2 * source.threshold });
  const footnotes = [...notes].map(([reason, mark]) => `<li>${esc(mark)}: ${esc(noteText(reason))}</li>`);
  return [
    `<table>\n<caption>${esc(say(lang, 'letters.own.caption'))}</caption>`,
    `<thead><tr>${head.map((k, i) => `<th scope="col"${i > 1 ? ' class="num"' : ''}>${esc(say(lang, k))}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
    footnotes.length
      ? `<p>${esc(say(lang, 'letters.notes'))}</p>\n<ul class="notes">\n${footnotes.join('\n')}\n</ul>`
      : '',
  ].join('\n');
}
