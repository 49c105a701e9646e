/**
 * `weerbaar report <wave> --out DIR`: every product of the wave written to a directory (HTML, and PDF
 * through a Chromium pool when asked), with a SHA256SUMS file (the format `sha256sum -c` reads).
 * Nothing is stored in the database.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import type { Database } from '../../platform/db/database.js';
import type { PdfPool } from '../../platform/pdf/pool.js';
import type { ProductDefinition, ProductKind, ProductLang } from './product.js';
import { productDefinitions } from './products.js';
import { type RenderFailure, renderProducts } from './render.js';

export interface ReportOptions {
  out: string;
  langs: ProductLang[];
  kind?: ProductKind;
  pdf?: PdfPool;
  /** Default: every registered definition (products.ts). */
  definitions?: readonly ProductDefinition[];
  onProgress?: (done: number, total: number) => void;
}

export interface WrittenFile {
  path: string;
  fileName: string;
  bytes: number;
  sha256: string;
  pages?: number;
}

export async function writeReport(
  database: Database,
  waveIdOrCode: string,
  o: ReportOptions,
): Promise<{ files: WrittenFile[]; failures: RenderFailure[]; products: number }> {
  const wave = await findWave(database.db, waveIdOrCode);
  await mkdir(o.out, { recursive: true });
  const files: WrittenFile[] = [];
  const failures: RenderFailure[] = [];
  const { products } = await renderProducts(
    {
      scope: { database, wave, visibility: 'embargoed' },
      definitions: o.definitions ?? (await productDefinitions()),
      langs: o.langs,
      ...(o.kind ? { kind: o.kind } : {}),
      ...(o.pdf ? { pdf: o.pdf } : {}),
    },
    {
      onFile: async (f) => {
        const path = join(o.out, f.fileName);
        // written whole or not at all: a stopped run leaves no half file under the real name
        await writeFile(`${path}.part`, f.content);
        await rename(`${path}.part`, path);
        files.push({
          path,
          fileName: f.fileName,
          bytes: f.content.length,
          sha256: f.sha256,
          ...(f.pages !== undefined ? { pages: f.pages } : {}),
        });
      },
      onFailure: async (f) => {
        failures.push(f);
      },
      onProgress: (done, total) => o.onProgress?.(done, total),
    },
  );
  if (files.length > 0)
    await writeFile(
      join(o.out, 'SHA256SUMS'),
      files
        .map((f) => `${f.sha256}  ${f.fileName}\n`)
        .sort((a, b) => a.slice(66).localeCompare(b.slice(66)))
        .join(''),
    );
  return { files, failures, products };
}
