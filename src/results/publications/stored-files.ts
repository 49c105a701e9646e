/**
 * The files a wave's publications render stored (./render-service.ts): their descriptions for the
 * pages, and one file with its bytes for a download or for another service (e.g. a letter's PDF
 * attached to a mail). Only current files: a render's staged files count once it has finished.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { resultsRuns } from '../schema.js';
import type { ProductKind, ProductLang } from './product.js';
import type { FileFormat } from './render.js';
import { publicationFiles, publicationRenders } from './schema.js';

/** A stored file's description (without its bytes). */
export interface StoredFileInfo {
  kind: ProductKind;
  key: string;
  lang: ProductLang;
  format: FileFormat;
  title: string;
  fileName: string;
  contentType: string;
  sha256: string;
  sizeBytes: number;
  pages: number | null;
  createdAt: Date;
  /** Rendered from a released results run (viewers may download it). */
  released: boolean;
}

export interface StoredFile extends StoredFileInfo {
  content: Buffer;
}

const infoColumns = {
  kind: publicationFiles.kind,
  key: publicationFiles.key,
  lang: publicationFiles.lang,
  format: publicationFiles.format,
  title: publicationFiles.title,
  fileName: publicationFiles.fileName,
  contentType: publicationFiles.contentType,
  sha256: publicationFiles.sha256,
  sizeBytes: publicationFiles.sizeBytes,
  pages: publicationFiles.pages,
  createdAt: publicationFiles.createdAt,
  releasedAt: resultsRuns.releasedAt,
};

const toInfo = ({ releasedAt, ...r }: { releasedAt: Date | null } & Record<string, unknown>) =>
  ({ ...r, released: releasedAt !== null }) as StoredFileInfo;

const currentFiles = (database: Database, waveId: string) =>
  database.db
    .select(infoColumns)
    .from(publicationFiles)
    .innerJoin(publicationRenders, eq(publicationRenders.id, publicationFiles.renderId))
    .leftJoin(
      resultsRuns,
      and(eq(resultsRuns.id, publicationRenders.runId), isNotNull(resultsRuns.releasedAt)),
    )
    .$dynamic()
    .where(and(eq(publicationFiles.waveId, waveId), eq(publicationFiles.current, true)));

/** The wave's current stored files (no bytes), in product order. */
export async function storedPublicationFiles(database: Database, waveId: string): Promise<StoredFileInfo[]> {
  const rows = await currentFiles(database, waveId).orderBy(
    publicationFiles.kind,
    publicationFiles.key,
    publicationFiles.lang,
    publicationFiles.format,
  );
  return rows.map(toInfo);
}

/**
 * The stored file of one product (e.g. the PDF of a letter to attach to a mail), or undefined when it
 * has not been rendered. `released` says whether it comes from a released results run.
 */
export async function storedPublicationFile(
  database: Database,
  waveId: string,
  kind: ProductKind,
  key: string,
  lang: ProductLang,
  format: FileFormat,
): Promise<StoredFile | undefined> {
  const [row] = await database.db
    .select({ ...infoColumns, content: publicationFiles.content })
    .from(publicationFiles)
    .innerJoin(publicationRenders, eq(publicationRenders.id, publicationFiles.renderId))
    .leftJoin(
      resultsRuns,
      and(eq(resultsRuns.id, publicationRenders.runId), isNotNull(resultsRuns.releasedAt)),
    )
    .where(
      and(
        eq(publicationFiles.waveId, waveId),
        eq(publicationFiles.current, true),
        eq(publicationFiles.kind, kind),
        eq(publicationFiles.key, key),
        eq(publicationFiles.lang, lang),
        eq(publicationFiles.format, format),
      ),
    );
  if (!row) return undefined;
  const { content, ...info } = row;
  return { ...toInfo(info), content };
}
