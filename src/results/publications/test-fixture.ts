/**
 * Test-only product definitions (never listed in products.ts): a small "annex" with headings, a
 * paragraph with non-ASCII text and a table long enough to span pages, so that the PDF, storage,
 * download and `weerbaar report` tests need no real product (and `npm run bench:report` has
 * something to print before products are registered). `failing` makes a definition whose second
 * product throws.
 */
import { escapeHtml } from '../../platform/mail/templates.js';
import type { ProductDefinition, ProductRef, RenderedProduct } from './product.js';

export const FIXTURE_ROWS = 70;

const refs: ProductRef[] = [
  { kind: 'annex', key: 'main', title: { nl: 'Bijlage bij de Kamerbrief', en: 'Annex to the letter' } },
  { kind: 'annex', key: 'extra', title: { nl: 'Extra bijlage', en: 'Extra annex' } },
];

function body(ref: ProductRef, lang: 'nl' | 'en', title: string): string {
  const group = lang === 'nl' ? 'Groep' : 'Group';
  const share = lang === 'nl' ? 'Aandeel (%)' : 'Share (%)';
  const rows = Array.from(
    { length: FIXTURE_ROWS },
    (_, i) =>
      `<tr><th scope="row">${escapeHtml(`${group} ${i + 1}`)}</th><td class="num">${(10 + ((i * 7) % 80)).toFixed(1)}</td></tr>`,
  ).join('\n');
  return `<h1 id="top">${escapeHtml(title)}</h1>
<p>${lang === 'nl' ? 'Ervaringen met agressie en geweld, één overzicht per groep — ‘privé’ en “werk”.' : 'Experiences of aggression and violence, one overview per group.'}</p>
<h2 id="table">${lang === 'nl' ? 'Belangrijkste uitkomsten' : 'Key findings'} (${escapeHtml(ref.key)})</h2>
<table>
<caption>${lang === 'nl' ? 'Aandeel per groep' : 'Share per group'}</caption>
<thead><tr><th scope="col">${group}</th><th scope="col" class="num">${share}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2 id="end">${lang === 'nl' ? 'Verantwoording' : 'Method'}</h2>
<p>${lang === 'nl' ? 'Alle getallen komen uit de berekening.' : 'Every number comes from the computation.'}</p>`;
}

/** `count`: that many products (keys p1, p2, …) instead of the two (for the benchmark). */
export function fixtureDefinition(options: { failing?: boolean; count?: number } = {}): ProductDefinition {
  const list = options.count
    ? Array.from({ length: options.count }, (_, i) => ({ ...refs[0]!, key: `p${i + 1}` }))
    : refs;
  return {
    kind: 'annex',
    list: async () => list,
    render: async (ctx, ref): Promise<RenderedProduct> => {
      if (options.failing && ref.key === 'extra') throw new Error('this product cannot be rendered');
      const title = `${ref.title[ctx.lang]} ${ctx.wave.name}`;
      return {
        ref,
        lang: ctx.lang,
        title,
        runningTitle: `${ref.title[ctx.lang]} · ${ctx.wave.code}`,
        body: body(ref, ctx.lang, title),
        outline: [
          { level: 1, id: 'top', text: title },
          { level: 2, id: 'table', text: 'table' },
          { level: 2, id: 'end', text: 'end' },
        ],
        figures: [],
      };
    },
  };
}
