/**
 * Mail-merge: each letter as a file, and all letters of a wave in one file.
 *
 * Seam for the PDF branch: `letterDocuments(scope, lang)` yields every letter's rendered product and its
 * self-contained HTML document, one at a time; `storedLetterFile` is what the sending job attaches — the
 * stored PDF (rendered by the publications job) when there is one, else the HTML document.
 */
import { productDocument } from '../document.js';
import type { ProductLang, ProductScope, RenderedProduct } from '../product.js';
import { storedPublicationFile } from '../stored-files.js';
import { letterRefs, renderLetterOf } from './definition.js';

export interface LetterDocument {
  organisationId: string;
  product: RenderedProduct;
  /** The self-contained printable HTML (document.ts). */
  html: string;
}

/** Every letter of a wave, rendered in turn (in the order of the organisations' names). */
export async function* letterDocuments(
  scope: ProductScope,
  lang: ProductLang = 'nl',
): AsyncGenerator<LetterDocument> {
  for (const ref of await letterRefs(scope)) {
    const product = await renderLetterOf({ ...scope, lang }, ref.key);
    yield { organisationId: ref.key, product, html: productDocument(product) };
  }
}

/** All letters of a wave in one printable HTML file, each starting on a new page. */
export async function combinedLetters(scope: ProductScope, lang: ProductLang = 'nl'): Promise<string | null> {
  const bodies: string[] = [];
  let first: RenderedProduct | undefined;
  for await (const d of letterDocuments(scope, lang)) {
    first ??= d.product;
    // ids stay unique in the combined file: prefix each letter's with its organisation
    const body = d.product.body.replace(/ id="([^"]+)"/g, ` id="o${d.organisationId}-$1"`);
    bodies.push(`<article class="letter" style="break-before: page">\n${body}\n</article>`);
  }
  if (!first) return null;
  return productDocument({
    ...first,
    ref: { ...first.ref, key: 'all' },
    title: first.runningTitle ?? first.title,
    body: bodies.join('\n'),
    outline: [],
    figures: [],
  });
}

export interface LetterFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * The letter's stored PDF (rendered by the publications job, stored-files.ts), in Dutch: letters go to
 * Dutch organisations. Only a file rendered from a released results run is sent.
 */
export async function storedProductFile(
  scope: ProductScope,
  ref: { kind: 'letter'; key: string },
): Promise<LetterFile | null> {
  const file = await storedPublicationFile(scope.database, scope.wave.id, ref.kind, ref.key, 'nl', 'pdf');
  if (!file?.released) return null;
  return { filename: file.fileName, contentType: file.contentType, content: file.content };
}

/** What a letter's mail carries: the stored file (PDF) if there is one, else the HTML document. */
export async function storedLetterFile(
  scope: ProductScope,
  doc: LetterDocument,
  organisationCode: string,
): Promise<LetterFile> {
  const stored = await storedProductFile(scope, { kind: 'letter', key: doc.organisationId });
  if (stored) return stored;
  return {
    filename: `${scope.wave.code}-brief-${organisationCode}.html`,
    contentType: 'text/html; charset=utf-8',
    content: Buffer.from(doc.html, 'utf8'),
  };
}
