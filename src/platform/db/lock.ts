/**
 * Only one process may open an embedded (PGlite) data directory: two processes on one directory
 * silently lose writes. The lock is a file holding the owner's pid, created exclusively; a lock
 * whose process is gone is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.js';

export interface DataDirLock {
  path: string;
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'weerbaar.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(owner) && (owner === process.pid || processAlive(owner))) {
        throw new AppError('data-dir-locked', {
          detail:
            `the embedded database in ${resolve(dataDir)} is in use by another Weerbaar process (pid ${owner}). ` +
            'Stop that process first (for CLI work while the server runs, stop the server), ' +
            'or set DATABASE_URL to a PostgreSQL server, which several processes can share.',
        });
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError('data-dir-locked', { detail: `could not lock ${resolve(dataDir)}` });
}
