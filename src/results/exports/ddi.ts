/**
 * The codebook as DDI-Codebook 2.5 XML (the data-archive standard DANS uses): study title, one file
 * description with its case and variable counts, and per variable its name, labels in Dutch and English,
 * measurement level (`nature`), discrete or continuous (`intrvl`), value labels as categories (user-missing
 * ones with missing="Y" and listed in `invalrng`), the weight variable (`wgt`, `wgt-var`) and its format.
 * Validated against the official schema in a test (test/fixtures/ddi-codebook-2.5).
 */
import type { ColumnMeta, ExportDataset } from './dataset.js';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // characters XML 1.0 cannot hold at all
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching exactly those control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');

const nature = { nominal: 'nominal', ordinal: 'ordinal', scale: 'interval' } as const;

export interface DdiOptions {
  /** The data file the codebook describes, e.g. "miv-2024-office_holders.sav". */
  fileName: string;
  /** Creation date (YYYY-MM-DD) for the document description. */
  date?: string;
}

function labels(nl: string, en: string, indent: string): string {
  const out: string[] = [];
  if (nl) out.push(`${indent}<labl xml:lang="nl">${esc(nl)}</labl>`);
  if (en) out.push(`${indent}<labl xml:lang="en">${esc(en)}</labl>`);
  return out.join('\n');
}

function variable(c: ColumnMeta, id: string, weightId: string | undefined): string {
  const attrs = [
    `ID="${id}"`,
    `name="${esc(c.code)}"`,
    'files="F1"',
    `intrvl="${c.type === 'numeric' && c.measurement === 'scale' ? 'contin' : 'discrete'}"`,
    `nature="${nature[c.measurement]}"`,
  ];
  if (c.role === 'weight') attrs.push('wgt="wgt"');
  else if (weightId) attrs.push(`wgt-var="${weightId}"`);
  const body: string[] = [];
  const l = labels(c.label.nl, c.label.en, '      ');
  if (l) body.push(l);
  if (c.missing.length > 0) {
    body.push('      <invalrng>');
    for (const m of c.missing) body.push(`        <item VALUE="${esc(String(m))}"/>`);
    body.push('      </invalrng>');
  }
  const missing = new Set<string>(c.missing.map(String));
  for (const vl of c.valueLabels) {
    const value = String(vl.value);
    body.push(`      <catgry${missing.has(value) ? ' missing="Y"' : ''}>`);
    body.push(`        <catValu>${esc(value)}</catValu>`);
    body.push(labels(vl.label.nl, vl.label.en, '        '));
    body.push('      </catgry>');
  }
  const decimals = c.type === 'numeric' ? ` dcml="${c.decimals}"` : '';
  body.push(`      <varFormat type="${c.type === 'numeric' ? 'numeric' : 'character'}" schema="other"/>`);
  return `    <var ${attrs.join(' ')}${decimals}>\n${body.filter(Boolean).join('\n')}\n    </var>`;
}

/** The codebook of `d` as a DDI-Codebook 2.5 document. */
export function ddiCodebook(d: ExportDataset, o: DdiOptions): string {
  const ids = new Map(d.columns.map((c, i) => [c.code, `V${i + 1}`]));
  const weightId = d.weight === undefined ? undefined : ids.get(d.weight);
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  return `<?xml version="1.0" encoding="UTF-8"?>
<codeBook xmlns="ddi:codebook:2_5" version="2.5" xml:lang="nl">
  <docDscr>
    <citation>
      <titlStmt>
        <titl xml:lang="nl">${esc(`Codeboek: ${d.title.nl}`)}</titl>
        <parTitl xml:lang="en">${esc(`Codebook: ${d.title.en}`)}</parTitl>
      </titlStmt>
      <prodStmt>
        <software>Weerbaar</software>
      </prodStmt>
      <verStmt>
        <version date="${date}"/>
      </verStmt>
    </citation>
  </docDscr>
  <stdyDscr>
    <citation>
      <titlStmt>
        <titl xml:lang="nl">${esc(d.title.nl)}</titl>
        <parTitl xml:lang="en">${esc(d.title.en)}</parTitl>
      </titlStmt>
    </citation>
  </stdyDscr>
  <fileDscr ID="F1">
    <fileTxt>
      <fileName>${esc(o.fileName)}</fileName>
      <dimensns>
        <caseQnty>${d.cases}</caseQnty>
        <varQnty>${d.columns.length}</varQnty>
      </dimensns>
    </fileTxt>
  </fileDscr>
  <dataDscr>
${d.columns.map((c) => variable(c, ids.get(c.code)!, weightId)).join('\n')}
  </dataDscr>
</codeBook>
`;
}
