/**
 * The reference registry shipped in data/organisations/ (see its SOURCE.md): every gemeente,
 * provincie and waterschap on 2025-01-01, the herindelingen 2018–2023 and the ministry (BZK).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Actor } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { projectPath } from '../paths.js';
import { type ImportFile, type ImportReport, importOrganisations } from './import.js';

export const registryDir = () => projectPath('data', 'organisations');

/** A CSV file, or every *.csv in a directory (sorted), as import files named by their path. */
export function readImportFiles(
  paths: string[],
  displayName: (p: string) => string = (p) => p,
): ImportFile[] {
  const out: ImportFile[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new AppError('invalid-file', { detail: 'no such file or directory', location: { file: p } });
    }
    const files = isDir
      ? readdirSync(p)
          .filter((f) => f.toLowerCase().endsWith('.csv'))
          .sort()
          .map((f) => join(p, f))
      : [p];
    for (const f of files) out.push({ name: displayName(f), content: readFileSync(f, 'utf8') });
  }
  return out;
}

export function registryFiles(): ImportFile[] {
  return readImportFiles([registryDir()], (p) => `data/organisations/${basename(p)}`);
}

export function loadRegistry(db: DbOrTx, actor: Actor): Promise<ImportReport> {
  return importOrganisations(db, { files: registryFiles() }, actor);
}
