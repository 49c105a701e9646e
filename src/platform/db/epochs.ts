/**
 * The database's change counters, read in one tiny prepared query: `auth` (drizzle/0008_auth_epoch.sql:
 * moves when a session or token is revoked or a user or membership changes) and `registry`
 * (drizzle/0010_registry_epoch.sql: moves when the registry of organisations changes). In-process caches
 * keep what they read together with the counter it was read at, and use it only while the counter has
 * not moved: a change made by any process, or by plain SQL, is seen by the next request.
 *
 * Reads are shared under load without weakening that: a caller never joins a read that was already
 * running when it asked (that read may have started before a change it must see). Callers that ask while
 * a read runs wait for it and then share the next one, which starts after all of them asked. With 50
 * requests in flight that is a few reads instead of one or two per request; alone, a caller reads at once.
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

function createReader(database: Database): EpochReader {
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
