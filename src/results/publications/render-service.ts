/**
 * Publications rendered in the background and stored with the wave. A researcher asks for a render
 * (all products or one kind, in Dutch and/or English); the job `publications.render` (./jobs.ts)
 * renders every product to HTML and, when the server has Chromium, to tagged PDF through the shared
 * Chromium pool, staging each file (with its SHA-256) as it is made and recording the progress. At
 * the end one transaction replaces the wave's current files of that scope with the staged ones and
 * writes the audit record; a render with a failed product changes nothing (its errors are shown).
 * A retried job (at-least-once) resumes: files staged by its earlier attempt are not made again.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Database, DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/jobs.js';
import type { PdfPool } from '../../platform/pdf/pool.js';
import { visibleRun } from '../release/service.js';
import type { ProductDefinition, ProductKind, ProductLang } from './product.js';
import { productDefinitions } from './products.js';
import { publicationFiles, publicationRenders, type RenderError } from './schema.js';

export type RenderState = 'queued' | 'running' | 'done' | 'failed';

export interface PublicationRender {
  id: string;
  waveId: string;
  kind: ProductKind | null;
  langs: ProductLang[];
  pdf: boolean;
  runId: string | null;
  state: RenderState;
  done: number;
  total: number;
  errors: RenderError[];
  requestedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const toRender = (r: typeof publicationRenders.$inferSelect): PublicationRender => ({
  id: r.id,
  waveId: r.waveId,
  kind: (r.kind as ProductKind | null) ?? null,
  langs: r.langs as ProductLang[],
  pdf: r.pdf,
  runId: r.runId,
  state: r.state as RenderState,
  done: r.done,
  total: r.total,
  errors: r.errors,
  requestedBy: r.requestedBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export interface RenderRequest {
  kind?: ProductKind;
  langs: ProductLang[];
  /** Whether to make PDF files (the server has Chromium). */
  pdf: boolean;
}

/**
 * Asks for a render of the wave's products (the row, the job and the audit record commit together).
 * While one is queued or running for the wave, that one is returned instead of a second.
 */
export async function requestRender(
  db: DbOrTx,
  waveIdOrCode: string,
  actor: Actor,
  request: RenderRequest,
): Promise<{ render: PublicationRender; created: boolean }> {
  const wave = await findWave(db, waveIdOrCode);
  const langs = [...new Set(request.langs)];
  if (langs.length === 0) throw new AppError('bad-request', { detail: 'at least one language' });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`publications-render:${wave.id}`}))`);
    const [open] = await tx
      .select()
      .from(publicationRenders)
      .where(
        and(eq(publicationRenders.waveId, wave.id), inArray(publicationRenders.state, ['queued', 'running'])),
      )
      .limit(1);
    if (open) return { render: toRender(open), created: false };
    const [row] = await tx
      .insert(publicationRenders)
      .values({
        waveId: wave.id,
        kind: request.kind ?? null,
        langs,
        pdf: request.pdf,
        requestedBy: actor.label,
      })
      .returning();
    const { renderJob } = await import('./jobs.js');
    await enqueue(tx, renderJob, { renderId: row!.id }, { key: row!.id });
    await audit(tx, actor, {
      action: 'results.publications.render.request',
      resourceType: 'publication_render',
      resourceId: row!.id,
      diff: { waveId: wave.id, kind: request.kind ?? null, langs, pdf: request.pdf },
    });
    return { render: toRender(row!), created: true };
  });
}

export async function getRender(database: Database, id: string): Promise<PublicationRender | undefined> {
  const [r] = await database.db.select().from(publicationRenders).where(eq(publicationRenders.id, id));
  return r && toRender(r);
}

/** The wave's latest render (what the publications page shows while it runs or after it failed). */
export async function latestRender(
  database: Database,
  waveId: string,
): Promise<PublicationRender | undefined> {
  const [r] = await database.db
    .select()
    .from(publicationRenders)
    .where(eq(publicationRenders.waveId, waveId))
    .orderBy(desc(publicationRenders.createdAt), desc(publicationRenders.id))
    .limit(1);
  return r && toRender(r);
}

const update = (database: Database, id: string, values: Partial<typeof publicationRenders.$inferInsert>) =>
  database.db
    .update(publicationRenders)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(publicationRenders.id, id));

export interface PerformOptions {
  /** The Chromium pool for the PDF files (a render asked for with pdf: true fails without one). */
  pool?: PdfPool;
  /** The product definitions (default: every registered one, products.ts). */
  definitions?: readonly ProductDefinition[];
  lastAttempt?: boolean;
}

/** The work of the job (see the file's comment). Returns the render as it ended, or undefined if it had ended before. */
export async function performRender(
  database: Database,
  id: string,
  options: PerformOptions = {},
): Promise<PublicationRender | undefined> {
  const r = await getRender(database, id);
  if (!r || r.state === 'done' || r.state === 'failed') return undefined;
  const actor: Actor = { type: 'system', id: null, label: `system:publications.render (${r.requestedBy})` };
  try {
    if (r.pdf && !options.pool)
      throw new AppError('not-ready', {
        detail: {
          nl: 'Er is geen Chromium voor PDF-bestanden: zet CHROMIUM_PATH of installeer het Debian-pakket chromium.',
          en: 'no Chromium for PDF files: set CHROMIUM_PATH or install the Debian package chromium',
        },
      });
    const wave = await findWave(database.db, r.waveId);
    const run = await visibleRun(database, wave.id, 'embargoed');
    await update(database, id, { state: 'running', runId: run?.id ?? null, errors: [] });
    const staged = await database.db
      .select({
        kind: publicationFiles.kind,
        key: publicationFiles.key,
        lang: publicationFiles.lang,
        format: publicationFiles.format,
      })
      .from(publicationFiles)
      .where(eq(publicationFiles.renderId, id));
    const have = new Set(staged.map((s) => `${s.kind}/${s.key}/${s.lang}/${s.format}`));
    const errors: RenderError[] = [];
    const { renderProducts } = await import('./render.js');
    await renderProducts(
      {
        scope: { database, wave, visibility: 'embargoed' },
        definitions: options.definitions ?? (await productDefinitions()),
        langs: r.langs,
        ...(r.kind ? { kind: r.kind } : {}),
        ...(r.pdf && options.pool ? { pdf: options.pool } : {}),
      },
      {
        skip: (ref, lang, format) => have.has(`${ref.kind}/${ref.key}/${lang}/${format}`),
        onFile: async (f) => {
          await database.db
            .insert(publicationFiles)
            .values({
              waveId: wave.id,
              renderId: id,
              kind: f.ref.kind,
              key: f.ref.key,
              lang: f.lang,
              format: f.format,
              title: f.title,
              fileName: f.fileName,
              contentType: f.contentType,
              sha256: f.sha256,
              sizeBytes: f.content.length,
              pages: f.pages ?? null,
              content: f.content,
            })
            .onConflictDoNothing();
        },
        onFailure: async (f) => {
          errors.push({
            kind: f.ref.kind,
            key: f.ref.key,
            lang: f.lang,
            format: f.format,
            message: f.message,
          });
          await update(database, id, { errors });
        },
        onProgress: async (done, total) => {
          await update(database, id, { done, total });
          // let the server answer requests between files
          await new Promise((resolve) => setImmediate(resolve));
        },
      },
    );
    if (errors.length > 0) {
      await database.db.delete(publicationFiles).where(eq(publicationFiles.renderId, id));
      await update(database, id, { state: 'failed' });
      return getRender(database, id);
    }
    await database.db.transaction(async (tx) => {
      await tx
        .delete(publicationFiles)
        .where(
          and(
            eq(publicationFiles.waveId, wave.id),
            eq(publicationFiles.current, true),
            inArray(publicationFiles.lang, r.langs),
            r.kind ? eq(publicationFiles.kind, r.kind) : undefined,
          ),
        );
      const made = await tx
        .update(publicationFiles)
        .set({ current: true })
        .where(eq(publicationFiles.renderId, id))
        .returning({ id: publicationFiles.id });
      await tx
        .update(publicationRenders)
        .set({ state: 'done', updatedAt: new Date() })
        .where(eq(publicationRenders.id, id));
      await audit(tx, actor, {
        action: 'results.publications.render',
        resourceType: 'publication_render',
        resourceId: id,
        diff: { waveId: wave.id, kind: r.kind, langs: r.langs, pdf: r.pdf, files: made.length },
      });
    });
    return getRender(database, id);
  } catch (err) {
    const final = err instanceof AppError || options.lastAttempt !== false;
    const message = err instanceof AppError ? (err.detailIn('en') ?? err.message) : (err as Error).message;
    const errors: RenderError[] = [{ kind: r.kind ?? '', key: '', lang: '', format: '', message }];
    if (final) await database.db.delete(publicationFiles).where(eq(publicationFiles.renderId, id));
    await update(database, id, final ? { state: 'failed', errors } : { state: 'queued', errors });
    if (err instanceof AppError) return getRender(database, id);
    throw err;
  }
}
