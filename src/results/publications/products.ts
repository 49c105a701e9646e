/**
 * Every kind of publication, loaded on demand. Add a line per ProductDefinition (see product.ts).
 */
import { AppError } from '../../platform/errors.js';
import type { ProductDefinition, ProductKind, ProductRef, ProductScope } from './product.js';

const definitions: Array<() => Promise<ProductDefinition>> = [
  () => import('./report/definition.js').then((m) => m.reportSafety),
  () => import('./report/definition.js').then((m) => m.reportIntegrity),
  async () => (await import('./summary.js')).summaryProduct,
  () => import('./factsheets/definition.js').then((m) => m.factsheets),
  async () => (await import('./letters/definition.js')).letterDefinition,
  async () => (await import('./annex.js')).annexProduct,
];

export async function productDefinitions(): Promise<ProductDefinition[]> {
  return Promise.all(definitions.map((load) => load()));
}

export async function productDefinition(kind: ProductKind): Promise<ProductDefinition> {
  const found = (await productDefinitions()).find((d) => d.kind === kind);
  if (!found)
    throw new AppError('not-found', {
      detail: { nl: `Publicatie ${kind} bestaat niet.`, en: `no publication of kind ${kind}` },
    });
  return found;
}

/** Every product of a wave, in the order of the definitions. */
export async function listProducts(scope: ProductScope): Promise<ProductRef[]> {
  const all: ProductRef[] = [];
  for (const d of await productDefinitions()) all.push(...(await d.list(scope)));
  return all;
}
