/**
 * The publications of a wave (issue #15): the report in two parts, the 5-minute version, factsheets,
 * a letter per participating organisation and the Kamerbrief annex. Each kind of product is a
 * ProductDefinition listed in products.ts; the pages, the PDF jobs, `weerbaar report` and the
 * disclosure scan all go through these definitions, so every product is rendered by one code path.
 */
import type { Wave } from '../../monitor/fieldwork/model.js';
import type { Principal } from '../../platform/access/policy.js';
import type { Database } from '../../platform/db/database.js';
import type { Visibility } from '../release/service.js';

export const productKinds = [
  'report-safety',
  'report-integrity',
  'summary',
  'factsheet',
  'letter',
  'annex',
] as const;
export type ProductKind = (typeof productKinds)[number];
export type ProductLang = 'nl' | 'en';

/** One product of a wave: `key` is 'main' for a single product, e.g. 'role-raadslid' for a factsheet, an organisation's id for a letter. */
export interface ProductRef {
  kind: ProductKind;
  key: string;
  title: { nl: string; en: string };
}

/** A number a product shows, kept beside its HTML so that the disclosure scan can check every one. */
export interface PublishedFigure {
  indicator: string;
  /** The wave's code the number belongs to (a trend shows several). */
  wave: string;
  by: Record<string, string>;
  estimate: number | null;
  n: number | null;
  /** Shown as suppressed (a dash with a note), never as a number. */
  suppressed: boolean;
  /** Where in the product, e.g. 'table:agr_any_12m', 'chart:…', 'text:ervaringen', 'benchmark'. */
  where: string;
}

export interface ProductScope {
  database: Database;
  wave: Wave;
  visibility: Visibility;
}

export interface RenderContext extends ProductScope {
  lang: ProductLang;
}

export interface OutlineEntry {
  level: 1 | 2 | 3;
  /** The id of the heading in the body (for the table of contents and the PDF outline). */
  id: string;
  text: string;
}

export interface RenderedProduct {
  ref: ProductRef;
  lang: ProductLang;
  title: string;
  /** The running title of the PDF's pages (defaults to the title). */
  runningTitle?: string;
  /** The body as HTML (everything escaped); document.ts wraps it in the printable document shell. */
  body: string;
  outline: OutlineEntry[];
  figures: PublishedFigure[];
}

export interface ProductDefinition {
  kind: ProductKind;
  /** The products of this kind a wave has (e.g. one factsheet per role that reaches the threshold). */
  list(scope: ProductScope): Promise<ProductRef[]>;
  render(ctx: RenderContext, ref: ProductRef): Promise<RenderedProduct>;
  /**
   * Who may read one product of this kind beyond `results.read` (e.g. a letter: one organisation's
   * answers); without it, everyone who reads the wave's results.
   */
  readableBy?(principal: Principal | undefined, key: string): boolean;
}
