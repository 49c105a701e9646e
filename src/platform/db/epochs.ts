/**
 * The database's change counters: `auth` (drizzle/0008_auth_epoch.sql: moves when a session or token is
 * revoked or a user or membership changes) and `registry` (drizzle/0010_registry_epoch.sql: moves when
 * the registry of organisations changes). In-process caches keep what they read together with the
 * counter it was read at, and use it only while the counter has not moved: a change made by any process,
 * or by plain SQL, is seen by the next request.
 *
 * - PostgreSQL server: the counters are read in one tiny prepared query. Reads are shared under load
 *   without weakening the rule above: a caller never joins a read that was already running when it
 *   asked (that read may have started before a change it must see). Callers that ask while a read runs
 *   wait for it and then share the next one, which starts after all of them asked.
 * - Embedded PGlite: only this process can change the database (the data directory lock), and every
 *   change of a counter is announced at commit (drizzle/0011_epoch_notify.sql), which PGlite delivers
 *   before the committing statement returns. So the counters are kept in memory and read again only
 *   after an announcement: no query at all while nothing changes.
 */
import type { Database } from './database.js';
import { jsonStatement } from './json-statements.js';

export interface Epochs {
  auth: string;
  registry: string;
}

const readStatement = jsonStatement(
  'epochs',
  `select json_build_object('auth', (select n::text from auth_epoch),
                            'registry', (select n::text from registry_epoch))::text`,
);

export interface EpochReader {
  /** The counters as they are at some moment after this call. */
  read(): Promise<Epochs>;
  /** Reads made so far (for tests and diagnostics). */
  readonly reads: number;
}

const readers = new WeakMap<Database, EpochReader>();

/** The one reader of a database (shared by every cache of this process that uses it). */
export function epochsOf(database: Database): EpochReader {
  let reader = readers.get(database);
  if (!reader) {
    reader = createReader(database);
    readers.set(database, reader);
  }
  return reader;
}

const CHANNEL = 'weerbaar_epochs';

function createReader(database: Database): EpochReader {
  const queried = queryReader(database);
  return database.kind === 'pglite' && database.pglite ? announcedReader(database, queried) : queried;
}

/** PGlite: the last read, kept until a counter change is announced. */
function announcedReader(database: Database, queried: EpochReader): EpochReader {
  let known: Epochs | undefined;
  let announcements = 0;
  const listening = database.pglite!.listen(CHANNEL, () => {
    announcements += 1;
    known = undefined;
  });
  return {
    async read() {
      if (known) return known;
      await listening;
      const before = announcements;
      const read = await queried.read();
      // an announcement during the read may be of a change the read did not see: keep nothing then
      if (announcements === before) known = read;
      return read;
    },
    get reads() {
      return queried.reads;
    },
  };
}

/** The reader PostgreSQL servers use (exported for its tests, which need PGlite’s strict ordering). */
export function queryReader(database: Database): EpochReader {
  let running: Promise<Epochs> | undefined;
  let following: Promise<Epochs> | undefined;
  let reads = 0;

  const start = (): Promise<Epochs> => {
    reads += 1;
    const read = readStatement(database, []).then(([row]) => {
      if (!row) throw new Error('the epoch counters are missing: are the migrations applied?');
      return row as Epochs;
    });
    running = read;
    const done = () => {
      if (running === read) running = undefined;
    };
    read.then(done, done);
    return read;
  };

  return {
    read() {
      if (!running) return start();
      following ??= running
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          following = undefined;
          return start();
        });
      return following;
    },
    get reads() {
      return reads;
    },
  };
}
