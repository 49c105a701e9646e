/**
 * Rendering a wave's products to files: every product of the given definitions (all, or one kind), in
 * each language asked for, as the self-contained HTML document and (with a PDF pool) as tagged PDF.
 * One code path for the job that stores them with the wave (./render-service.ts), `weerbaar report`
 * and `npm run bench:report`. A product that fails is reported and the rest go on.
 */
import { createHash } from 'node:crypto';
import type { PdfPool } from '../../platform/pdf/pool.js';
import { productDocument } from './document.js';
import { publicationsEn, publicationsNl } from './messages.js';
import type {
  ProductDefinition,
  ProductKind,
  ProductLang,
  ProductRef,
  ProductScope,
  RenderedProduct,
} from './product.js';

export const fileFormats = ['html', 'pdf'] as const;
export type FileFormat = (typeof fileFormats)[number];

export const contentTypes: Record<FileFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ProductFile {
  ref: ProductRef;
  lang: ProductLang;
  format: FileFormat;
  title: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  /** PDF only. */
  pages?: number;
}

export interface RenderFailure {
  ref: ProductRef;
  lang: ProductLang;
  format: FileFormat;
  message: string;
}

export interface RenderPlan {
  scope: ProductScope;
  definitions: readonly ProductDefinition[];
  langs: readonly ProductLang[];
  /** Only this kind of product. */
  kind?: ProductKind;
  /** Makes PDF files too. */
  pdf?: PdfPool;
}

export interface RenderHooks {
  /** Called for every file made, one at a time (awaited before the next file is handed over). */
  onFile(file: ProductFile): Promise<void>;
  onFailure?(failure: RenderFailure): Promise<void>;
  /** Files done (made or failed) of the total; called once with done = 0 when the total is known. */
  onProgress?(done: number, total: number): Promise<void> | void;
  /** Files a previous attempt made already (a retried job): not made again. */
  skip?(ref: ProductRef, lang: ProductLang, format: FileFormat): boolean;
}

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A file name from the wave, the product and the language: `monitor-2024-factsheet-role-raadslid-nl.pdf`. */
export const productFileName = (waveCode: string, ref: ProductRef, lang: ProductLang, format: FileFormat) =>
  `${waveCode}-${ref.kind}${ref.key === 'main' ? '' : `-${ref.key}`}-${lang}.${format}`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );

/** The number of pages of a PDF made by Chromium (its page objects; Skia writes no object streams). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** The products a plan renders, in the order of the definitions. */
export async function plannedProducts(plan: RenderPlan): Promise<ProductRef[]> {
  const refs: ProductRef[] = [];
  for (const d of plan.definitions) {
    if (plan.kind && d.kind !== plan.kind) continue;
    refs.push(...(await d.list(plan.scope)));
  }
  return refs;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function makeFile(
  waveCode: string,
  product: RenderedProduct,
  format: FileFormat,
  content: Buffer,
): ProductFile {
  return {
    ref: product.ref,
    lang: product.lang,
    format,
    title: product.title,
    fileName: productFileName(waveCode, product.ref, product.lang, format),
    contentType: contentTypes[format],
    content,
    sha256: sha256(content),
    ...(format === 'pdf' ? { pages: pdfPageCount(content) } : {}),
  };
}

/**
 * Renders the plan. Products are rendered one after the other; their PDFs are printed in parallel up
 * to the pool's size (the pool bounds Chromium; the database work stays sequential).
 * Returns the number of files made and failed.
 */
export async function renderProducts(
  plan: RenderPlan,
  hooks: RenderHooks,
): Promise<{ files: number; failures: number; products: number }> {
  const refs = await plannedProducts(plan);
  const formats: FileFormat[] = plan.pdf ? ['html', 'pdf'] : ['html'];
  const total = refs.length * plan.langs.length * formats.length;
  let done = 0;
  let files = 0;
  let failures = 0;
  await hooks.onProgress?.(0, total);
  const byKind = new Map(plan.definitions.map((d) => [d.kind, d]));
  // Files are handed to onFile one at a time, in order of completion.
  let handing: Promise<void> = Promise.resolve();
  const hand = (f: () => Promise<void>) => {
    handing = handing.then(f);
    return handing;
  };
  const finished = async (outcome: ProductFile | RenderFailure) => {
    if ('content' in outcome) {
      await hooks.onFile(outcome);
      files++;
    } else {
      await hooks.onFailure?.(outcome);
      failures++;
    }
    done++;
    await hooks.onProgress?.(done, total);
  };
  const printing = new Set<Promise<void>>();
  const limit = plan.pdf ? Math.max(1, plan.pdf.concurrencyLimit) : 1;

  for (const ref of refs) {
    for (const lang of plan.langs) {
      const wanted = formats.filter((f) => !hooks.skip?.(ref, lang, f));
      const skipped = formats.length - wanted.length;
      if (skipped > 0) {
        done += skipped;
        await hand(async () => {
          await hooks.onProgress?.(done, total);
        });
      }
      if (wanted.length === 0) continue;
      let product: RenderedProduct;
      let html: string;
      try {
        product = await byKind.get(ref.kind)!.render({ ...plan.scope, lang }, ref);
        html = productDocument(product);
      } catch (err) {
        for (const format of wanted)
          await hand(() => finished({ ref, lang, format, message: messageOf(err) }));
        continue;
      }
      if (wanted.includes('html'))
        await hand(() =>
          finished(makeFile(plan.scope.wave.code, product, 'html', Buffer.from(html, 'utf8'))),
        );
      if (wanted.includes('pdf') && plan.pdf) {
        const pool = plan.pdf;
        const print = (async () => {
          let outcome: ProductFile | RenderFailure;
          try {
            const pdf = await pool.render(html, {
              runningTitle: product.runningTitle ?? product.title,
              // the texts themselves, not the catalogue: this runs in jobs and commands too
              pageLabel: (lang === 'nl' ? publicationsNl : publicationsEn)['publications.pdf.pageLabel'],
            });
            outcome = makeFile(plan.scope.wave.code, product, 'pdf', pdf);
          } catch (err) {
            outcome = { ref, lang, format: 'pdf', message: messageOf(err) };
          }
          await hand(() => finished(outcome));
        })();
        printing.add(print);
        const forget = () => printing.delete(print);
        print.then(forget, forget);
        if (printing.size >= limit) await Promise.race(printing);
      }
    }
  }
  await Promise.all(printing);
  await handing;
  return { files, failures, products: refs.length };
}
