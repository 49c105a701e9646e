/** The built-in texts of every product section (docs/texts.md), in Dutch and English. */
import type { ProductKind, ProductLang } from '../../publications/product.js';
import { textsEn } from './en.js';
import { textsNl } from './nl.js';

const texts: Record<ProductLang, Record<ProductKind, Record<string, string>>> = { nl: textsNl, en: textsEn };

export function builtinText(kind: ProductKind, section: string, lang: ProductLang): string | undefined {
  return texts[lang][kind][section];
}
