/**
 * A narrative text → HTML and the figures it shows: placeholders parsed (placeholders.ts), resolved
 * through the results layer (resolve.ts, the published view), and the Markdown subset rendered with
 * everything escaped (markdown.ts). Every error comes back with its line and column, so the editor can
 * show them all at once; a product never renders a text with errors (narrative() refuses it).
 */
import type { PublishedFigure } from '../publications/product.js';
import { markdownLiteral, renderMarkdown } from './markdown.js';
import { parseText, type TextError } from './placeholders.js';
import { type Lookup, resolvePlaceholder } from './resolve.js';

export interface CheckedText {
  html: string;
  figures: PublishedFigure[];
  /** Every error, in the order of the text. */
  errors: TextError[];
}

export async function renderText(
  lookup: Lookup,
  body: string,
  scope: Record<string, string>,
  where: string,
  /**
   * Shown instead of a suppressed cell's number, which is then no error: for texts rendered once per
   * group of a product (a factsheet's), where the same text meets a suppressed cell in some groups.
   */
  suppressedMarker?: string,
): Promise<CheckedText> {
  const parsed = parseText(body);
  const errors = [...parsed.errors];
  // the Markdown structure is checked on the source with every placeholder masked (same length, so
  // positions stay those of the source)
  let masked = body;
  for (const s of parsed.segments)
    if (s.type === 'placeholder') {
      const p = s.placeholder;
      masked = masked.slice(0, p.start.offset) + 'x'.repeat(p.source.length) + masked.slice(p.end.offset);
    }
  errors.push(...renderMarkdown(masked).errors);
  const figures: PublishedFigure[] = [];
  let markdown = '';
  for (const s of parsed.segments) {
    if (s.type === 'text') {
      markdown += s.text.replaceAll('{{', '\\{\\{');
      continue;
    }
    const r = await resolvePlaceholder(s.placeholder, lookup, scope, where);
    if ('code' in r && r.code === 'suppressed' && suppressedMarker !== undefined) {
      markdown += markdownLiteral(suppressedMarker);
    } else if ('code' in r) {
      errors.push(r);
      markdown += markdownLiteral(s.placeholder.source);
    } else {
      figures.push(...r.figures);
      markdown += markdownLiteral(r.text);
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { html: renderMarkdown(markdown).html, figures, errors };
}

/** "regel 3, kolom 12: …" for one error, in a language. */
export const errorText = (e: TextError, lang: 'nl' | 'en') =>
  lang === 'nl'
    ? `regel ${e.line}, kolom ${e.column}: ${e.message.nl}`
    : `line ${e.line}, column ${e.column}: ${e.message.en}`;
