/**
 * Rendered publications stored with their wave (issue #15 item 4): a render (asked for on the page or
 * the CLI, done by the job `publications.render`) with its progress, and the files it made (HTML and
 * PDF per product and language) with their SHA-256. A render's files are staged while it runs and
 * become the wave's current files in one transaction at its end, replacing the previous ones.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { waves } from '../../monitor/fieldwork/schema.js';
import { resultsRuns } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const publicationRenders = pgTable(
  'results_publication_renders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    /** One kind of product, or null for all. */
    kind: text('kind'),
    /** Languages asked for, e.g. ['nl'] or ['nl', 'en']. */
    langs: jsonb('langs').$type<string[]>().notNull(),
    /** Whether PDF files are made too (false when the server has no Chromium). */
    pdf: boolean('pdf').notNull(),
    /** The results run the products were rendered from (viewers download only files of a released run). */
    runId: uuid('run_id').references(() => resultsRuns.id, { onDelete: 'set null' }),
    /** queued → running → done | failed. */
    state: text('state').notNull().default('queued'),
    /** Product files made of `total` (a product in one language and one format is one). */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** Products that failed: [{ kind, key, lang, format, message }]. */
    errors: jsonb('errors').$type<RenderError[]>().notNull().default(sql`'[]'::jsonb`),
    requestedBy: text('requested_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('results_publication_renders_wave_idx').on(t.waveId, t.createdAt)],
);

export interface RenderError {
  kind: string;
  key: string;
  lang: string;
  format: string;
  message: string;
}

export const publicationFiles = pgTable(
  'results_publication_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    renderId: uuid('render_id')
      .notNull()
      .references(() => publicationRenders.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    lang: text('lang').notNull(),
    /** 'html' | 'pdf'. */
    format: text('format').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    /** Lower-case hex SHA-256 of `content`. */
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** PDF only. */
    pages: integer('pages'),
    content: bytea('content').notNull(),
    /** False while its render runs (staged), true once the render has replaced the wave's files. */
    current: boolean('current').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('results_publication_files_current_uq')
      .on(t.waveId, t.kind, t.key, t.lang, t.format)
      .where(sql`${t.current}`),
    uniqueIndex('results_publication_files_staged_uq').on(t.renderId, t.kind, t.key, t.lang, t.format),
  ],
);
