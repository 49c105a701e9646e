/**
 * The researcher's narrative of a product section (Markdown with live numbers, issue #15 item 2).
 * Products call narrative() for every section they have: the wave's stored text, else the stored
 * default, else the built-in default (src/results/texts/), with its placeholders resolved through the
 * results layer (the published view of the latest run the reader may see) and rendered as escaped HTML.
 * It returns null when the section has no text or the wave no run; a text with an error (an unknown
 * indicator, a suppressed cell, …) is refused with every error and its position, never shown wrong.
 */
import { AppError } from '../../platform/errors.js';
import { resultsLookup } from '../texts/lookup.js';
import { scopeBy } from '../texts/resolve.js';
import { errorText, renderText } from '../texts/service.js';
import { currentText } from '../texts/store.js';
import type { ProductKind, PublishedFigure, RenderContext } from './product.js';

/** The sections of each kind of product that carry a narrative, in order. */
export const narrativeSections: Record<ProductKind, readonly string[]> = {
  // the 5-minutenversie (seed 000): its eight headings
  summary: [
    'doel',
    'uitvoering',
    'ervaringen',
    'gevolgen',
    'aangifte-registratie',
    'aanpak-beleid',
    'perceptie-integriteit',
    'integriteit-praktijk',
  ],
  'report-safety': [
    'inleiding',
    'methode',
    'ervaringen',
    'gevolgen',
    'aangifte-registratie',
    'aanpak-beleid',
    'conclusies',
  ],
  'report-integrity': [
    'inleiding',
    'methode',
    'perceptie-integriteit',
    'integriteit-praktijk',
    'aanpak-beleid',
    'conclusies',
  ],
  factsheet: ['inleiding', 'kernpunten'],
  letter: ['aanhef', 'kernpunten', 'eigen-organisatie', 'slot'],
  annex: ['inleiding'],
};

export interface NarrativeRequest {
  ctx: RenderContext;
  kind: ProductKind;
  section: string;
  /**
   * The breakdown the product is about (e.g. { role: 'raadslid' } for a factsheet), so that a
   * placeholder without a breakdown means this product's group.
   */
  scope?: Record<string, string>;
}

export interface Narrative {
  /** Rendered HTML (escaped; Markdown subset). */
  html: string;
  /** The numbers its placeholders showed. */
  figures: PublishedFigure[];
}

const notPublished = {
  nl: '[niet gepubliceerd: te weinig respondenten]',
  en: '[not published: too few respondents]',
};

export async function narrative(request: NarrativeRequest): Promise<Narrative | null> {
  const { ctx, kind, section } = request;
  const text = await currentText(ctx.database.db, ctx.wave.id, { kind, section, lang: ctx.lang });
  if (!text.body.trim()) return null;
  const lookup = await resultsLookup(ctx.database, ctx.wave, ctx.visibility, ctx.lang);
  if (!lookup.current.run) return null;
  // A text rendered for each group of a product (a factsheet's scope) meets suppressed cells in some
  // groups: there it says "not published" instead of failing the product; without a scope such a cell
  // stays an error, shown in the editor at once.
  const scoped = request.scope !== undefined && Object.keys(request.scope).length > 0;
  const checked = await renderText(
    lookup,
    text.body,
    scopeBy(request.scope),
    `text:${section}`,
    scoped ? notPublished[ctx.lang] : undefined,
  );
  // A built-in default is written for the built-in indicators; a wave that lacks what it names (another
  // questionnaire) gets the section without narrative instead of a failed product. The editor shows
  // the default's errors; a text a researcher saved is never skipped.
  if (checked.errors.length > 0 && text.source === 'builtin') return null;
  if (checked.errors.length > 0) {
    const list = (lang: 'nl' | 'en') => checked.errors.map((e) => errorText(e, lang)).join('; ');
    throw new AppError('validation', {
      detail: {
        nl: `De tekst van paragraaf ${section} (${kind}) heeft fouten: ${list('nl')}. Verbeter de tekst in de teksteditor.`,
        en: `the text of section ${section} (${kind}) has errors: ${list('en')}; correct it in the text editor`,
      },
    });
  }
  return { html: checked.html, figures: checked.figures };
}
