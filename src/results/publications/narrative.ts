/**
 * The researcher's narrative of a product section (Markdown with live numbers, issue #15 item 2).
 * Products call narrative() for every section they have; texts/ implements it (stored texts, defaults
 * per product, placeholders resolved through the results layer). Until a text exists it returns null
 * and the product renders without narrative.
 */
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

export async function narrative(_request: NarrativeRequest): Promise<Narrative | null> {
  return null;
}
