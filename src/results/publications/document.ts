/**
 * The printable document shell around a product's body: one self-contained HTML file (styles inline,
 * no external requests, fonts installed on the machine: DejaVu Sans or Liberation Sans), used for the
 * page in the app, the HTML file and the PDF (src/platform/pdf prints it: A4, running title and page
 * numbers in the margins). Print rules: a table's header row repeats on every page it spans, a row is
 * never split over two pages, a heading stays with what follows it, figures stay whole.
 */
import { escapeHtml } from '../../platform/mail/templates.js';
import type { RenderedProduct } from './product.js';

const css = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; line-height: 1.5;
  max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { color: #154273; line-height: 1.25; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid #b4b4b4; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; caption-side: top; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, th, td { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 1rem 0; break-inside: avoid; }
svg { max-width: 100%; height: auto; }
nav.toc ol { padding-left: 1.25rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@page { size: A4; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  table { width: 100%; }
  .table-scroll { overflow: visible !important; }
}
`;

export function productDocument(p: RenderedProduct): string {
  return `<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>${css}</style>
</head>
<body>
<main id="main">
${p.body}
</main>
</body>
</html>
`;
}
