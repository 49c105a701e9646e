/**
 * Building ZIP files byte by byte, for tests of the ZIP guard and of XLSX imports: well-formed ones and
 * hostile ones (bombs, trailing bytes, hidden entries, lying sizes). Also opening an XLSX written by
 * exceljs to swap one part (e.g. a huge worksheet).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { readZipDirectory } from '../../src/platform/files/zip-guard.js';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Default deflate. */
  method?: 0 | 8;
  /** Overrides the uncompressed size written in the headers (a lie). */
  declaredSize?: number;
}

/** A ZIP as Excel writes it: local entries, central directory, end record. */
export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const method = p.method ?? 8;
    const body = method === 8 ? deflateRawSync(p.data, { level: 9 }) : p.data;
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a (well-formed) ZIP, inflated. */
export function unzipParts(zip: Buffer): ZipPart[] {
  return readZipDirectory(zip).map((e) => {
    const raw = zip.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw) };
  });
}

/** The same XLSX with one part replaced (e.g. `xl/worksheets/sheet1.xml`). */
export function replacePart(xlsx: Buffer, name: string, data: Buffer): Buffer {
  const parts = unzipParts(xlsx);
  const i = parts.findIndex((p) => p.name === name);
  if (i < 0) throw new Error(`no part ${name} in ${parts.map((p) => p.name).join(', ')}`);
  parts[i] = { name, data };
  return makeZip(parts);
}
