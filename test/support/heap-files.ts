/**
 * Reading PostgreSQL table files as an attacker with a copy of the data directory would: every tuple
 * on the heap pages, live or dead (old row versions that SQL no longer shows), with its `xmin`,
 * `xmax`, place (`ctid`) and first column. Used by the anonymity attack test on PGlite's data
 * directory (dumpDataDir gives a tar of it). Format: PostgreSQL's bufpage.h / itemid.h / htup_details.h
 * (8 KB pages, 24-byte page header, 4-byte line pointers, tuple header with t_hoff at byte 22).
 */
import type { Database } from '../../src/platform/db/database.js';

const PAGE = 8192;

/** The files of an uncompressed (ustar) tar, by path without a leading slash. */
export function untar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const text = (from: number, to: number) => tar.subarray(from, to).toString('latin1').replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= tar.length; ) {
    const name = text(off, off + 100);
    if (!name) break;
    const size = Number.parseInt(text(off + 124, off + 136).trim() || '0', 8);
    const prefix = text(off + 345, off + 500);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, '');
    if (text(off + 156, off + 157) === '0' || text(off + 156, off + 157) === '')
      files.set(path, tar.subarray(off + 512, off + 512 + size));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

export interface HeapTuple {
  /** Block number and line pointer (1-based), as in a ctid. */
  block: number;
  item: number;
  xmin: number;
  xmax: number;
  /** The first column's 16 bytes as a uuid (every table read here has a uuid primary key first). */
  id: string;
}

const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** Every tuple with storage on the table file's pages (LP_NORMAL), live and dead alike. */
export function heapTuples(file: Buffer): HeapTuple[] {
  const out: HeapTuple[] = [];
  for (let block = 0; block * PAGE < file.length; block++) {
    const page = file.subarray(block * PAGE, (block + 1) * PAGE);
    const lower = page.readUInt16LE(12);
    for (let lp = 24, item = 1; lp + 4 <= lower; lp += 4, item++) {
      const v = page.readUInt32LE(lp);
      const off = v & 0x7fff;
      const flags = (v >>> 15) & 3;
      const len = v >>> 17;
      if (flags !== 1 || len < 24 + 16) continue;
      const hoff = page.readUInt8(off + 22);
      out.push({
        block,
        item,
        xmin: page.readUInt32LE(off),
        xmax: page.readUInt32LE(off + 4),
        id: uuidOf(page.subarray(off + hoff, off + hoff + 16)),
      });
    }
  }
  return out;
}

/** The tuples of some tables in a PGlite database's files (after a checkpoint), by table name. */
export async function pgliteHeaps(database: Database, tables: string[]): Promise<Map<string, HeapTuple[]>> {
  if (!database.pglite) throw new Error('pgliteHeaps needs an embedded database');
  const paths = new Map<string, string>();
  for (const t of tables) {
    const [r] = await database.query<{ path: string }>('select pg_relation_filepath($1::regclass) as path', [
      t,
    ]);
    paths.set(t, r!.path);
  }
  await database.query('checkpoint');
  const files = untar(Buffer.from(await (await database.pglite.dumpDataDir('none')).arrayBuffer()));
  return new Map(tables.map((t) => [t, heapTuples(files.get(paths.get(t)!) ?? Buffer.alloc(0))]));
}
