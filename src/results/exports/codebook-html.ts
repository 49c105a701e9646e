/**
 * The codebook as a standalone, accessible HTML page in the chosen language: per variable its code,
 * label, type, measurement level and role, and a table of its values with labels and missing codes.
 */
import type { ExportDataset, Language } from './dataset.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const words = {
  nl: {
    codebook: 'Codeboek',
    cases: 'Aantal respondenten',
    variables: 'Aantal variabelen',
    variable: 'Variabele',
    label: 'Label',
    type: 'Type',
    measurement: 'Meetniveau',
    role: 'Rol',
    value: 'Waarde',
    missing: 'Ontbrekend',
    yes: 'ja',
    weight: 'Weegvariabele',
    numeric: 'numeriek',
    string: 'tekst',
    nominal: 'nominaal',
    ordinal: 'ordinaal',
    scale: 'schaal',
    answer: 'antwoord',
    'free-text': 'open antwoord',
    design: 'ontwerpvariabele',
    identifier: 'identificatie',
  },
  en: {
    codebook: 'Codebook',
    cases: 'Number of respondents',
    variables: 'Number of variables',
    variable: 'Variable',
    label: 'Label',
    type: 'Type',
    measurement: 'Measurement level',
    role: 'Role',
    value: 'Value',
    missing: 'Missing',
    yes: 'yes',
    weight: 'Weight variable',
    numeric: 'numeric',
    string: 'text',
    nominal: 'nominal',
    ordinal: 'ordinal',
    scale: 'scale',
    answer: 'answer',
    'free-text': 'open answer',
    design: 'design variable',
    identifier: 'identifier',
  },
} as const;

export function codebookHtml(d: ExportDataset, lang: Language): string {
  const w = words[lang];
  const title = `${w.codebook}: ${d.title[lang]}`;
  const sections = d.columns.map((c) => {
    const missing = c.missing.map(String);
    const values = c.valueLabels.length
      ? `<table><caption>${esc(c.code)}</caption><thead><tr><th scope="col">${w.value}</th><th scope="col">${w.label}</th><th scope="col">${w.missing}</th></tr></thead><tbody>${c.valueLabels
          .map(
            (vl) =>
              `<tr><td>${esc(String(vl.value))}</td><td>${esc(vl.label[lang])}</td><td>${missing.includes(String(vl.value)) ? w.yes : ''}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '';
    return `<section aria-labelledby="v-${esc(c.code)}"><h2 id="v-${esc(c.code)}"><code>${esc(c.code)}</code></h2><p>${esc(c.label[lang])}</p><dl><dt>${w.type}</dt><dd>${w[c.type]}</dd><dt>${w.measurement}</dt><dd>${w[c.measurement]}</dd><dt>${w.role}</dt><dd>${w[c.role]}</dd>${missing.length ? `<dt>${w.missing}</dt><dd>${esc(missing.join(', '))}</dd>` : ''}</dl>${values}</section>`;
  });
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dd{margin:0}</style>
</head><body><main><h1>${esc(title)}</h1>
<dl><dt>${w.cases}</dt><dd>${d.cases}</dd><dt>${w.variables}</dt><dd>${d.columns.length}</dd>${d.weight ? `<dt>${w.weight}</dt><dd><code>${esc(d.weight)}</code></dd>` : ''}</dl>
${sections.join('\n')}
</main></body></html>
`;
}
