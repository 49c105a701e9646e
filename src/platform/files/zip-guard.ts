/**
 * The one check every XLSX (a ZIP) passes before a spreadsheet library reads it (frames, XLSForms).
 *
 * 1. The structure is exact, as Excel, LibreOffice and every ZIP writer produce it: the end of central
 *    directory (EOCD) record ends the file (its comment included: nothing after it), the central
 *    directory ends where the EOCD starts, and the local entries tile the file from byte 0 up to the
 *    central directory with no gap, each matching its central directory record (name, method). So a
 *    reader that walks local headers (a streaming reader) and one that reads the central directory
 *    see the same entries, and no hidden entry escapes the count. No ZIP64, no encryption, only
 *    stored and deflate.
 * 2. Every entry is inflated (asynchronously, in zlib's thread pool) and its bytes are counted as they
 *    come: over `maxUnpackedBytes` in total the check stops at once. Sizes in the headers are not
 *    trusted; an entry whose real size differs from its header is refused.
 * 3. In XML parts, the longest run of bytes without a `<` (a text node, a tag) is limited: a single
 *    giant cell is refused while it streams, before any parser holds it as one string.
 *
 * Refusals are AppErrors: `invalid-file` for a broken or unusual ZIP, `file-too-large` over a limit.
 */
import { createInflateRaw } from 'node:zlib';
import { AppError, type Localised } from '../errors.js';

export interface ZipLimits {
  /** Total bytes after inflating every entry. */
  maxUnpackedBytes: number;
  /** Entries in the archive (an XLSX has a few dozen). Default 5,000. */
  maxEntries?: number;
  /**
   * Longest run of bytes without `<` in an `.xml`/`.rels` part. Default 256 KiB: above the largest
   * cell Excel can hold (32,767 characters, even fully escaped as `&quot;`).
   */
  maxTextRun?: number;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** As declared; checked against the real size by `checkZip`. */
  uncompressedSize: number;
  localOffset: number;
  dataOffset: number;
}

export const DEFAULT_MAX_TEXT_RUN = 256 * 1024;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;

const mb = (n: number) => `${Math.round(n / 1e5) / 10} MB`;

function broken(file: string, why: Localised): AppError {
  return new AppError('invalid-file', {
    detail: {
      nl: `Dit .xlsx-bestand kan niet worden gelezen: ${why.nl}. Sla het opnieuw op als Excel-werkmap (.xlsx).`,
      en: `not a readable .xlsx file (${why.en})`,
    },
    location: { file },
  });
}

function tooLarge(file: string, text: Localised): AppError {
  return new AppError('file-too-large', { detail: text, location: { file } });
}

/**
 * The entries of a ZIP from its central directory, after checking the structure (point 1 above).
 * Throws AppError('invalid-file') for anything else.
 */
export function readZipDirectory(buf: Buffer, file = '<input>', maxEntries = 5000): ZipEntry[] {
  const n = buf.length;
  // The EOCD is 22 bytes plus a comment of up to 65,535; it must end exactly at the end of the file.
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) === n) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw broken(file, {
      nl: 'het einde van de zip-inhoudsopgave ontbreekt of er staat iets achter',
      en: 'no valid end of central directory at the end of the file',
    });
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesHere = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw tooLarge(file, {
      nl: 'Het bestand is een ZIP64-archief (groter dan 4 GB uitgepakt). Dat is te groot om in te lezen.',
      en: 'the file is a ZIP64 archive (over 4 GB); too large to import',
    });
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== count)
    throw broken(file, { nl: 'het is een zip in meerdere delen', en: 'a multi-part zip' });
  if (count > maxEntries)
    throw tooLarge(file, {
      nl: `Het bestand bevat ${count} onderdelen; hoogstens ${maxEntries} zijn toegestaan.`,
      en: `the archive has ${count} entries; at most ${maxEntries} are allowed`,
    });
  if (cdOffset + cdSize !== eocd)
    throw broken(file, {
      nl: 'de zip-inhoudsopgave staat niet waar het einde ervan zegt',
      en: 'the central directory does not end where the end record says',
    });

  const entries: ZipEntry[] = [];
  let pos = cdOffset;
  for (let k = 0; k < count; k++) {
    if (pos + 46 > eocd || buf.readUInt32LE(pos) !== SIG_CENTRAL)
      throw broken(file, { nl: 'de zip-inhoudsopgave is beschadigd', en: 'damaged central directory' });
    const flags = buf.readUInt16LE(pos + 8);
    const method = buf.readUInt16LE(pos + 10);
    const compressedSize = buf.readUInt32LE(pos + 20);
    const uncompressedSize = buf.readUInt32LE(pos + 24);
    const nameLen = buf.readUInt16LE(pos + 28);
    const extraLen = buf.readUInt16LE(pos + 30);
    const commentLen = buf.readUInt16LE(pos + 32);
    const localOffset = buf.readUInt32LE(pos + 42);
    const name = buf.toString('utf8', pos + 46, pos + 46 + nameLen);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw tooLarge(file, {
        nl: `Het onderdeel ${name} is groter dan 4 GB. Dat is te groot om in te lezen.`,
        en: `entry ${name} is over 4 GB (ZIP64); too large to import`,
      });
    if (flags & 0x1) throw broken(file, { nl: 'het bestand is versleuteld', en: 'the archive is encrypted' });
    if (method !== 0 && method !== 8)
      throw broken(file, {
        nl: `onbekende compressiemethode ${method}`,
        en: `unsupported compression method ${method}`,
      });
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset, dataOffset: 0 });
    pos += 46 + nameLen + extraLen + commentLen;
  }
  if (pos !== eocd)
    throw broken(file, { nl: 'de zip-inhoudsopgave is beschadigd', en: 'damaged central directory' });

  // The local entries tile [0, cdOffset) in order, each as its central record says.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let at = 0;
  for (const e of byOffset) {
    const mismatch = () =>
      broken(file, {
        nl: `het onderdeel ${e.name} staat niet waar de inhoudsopgave zegt`,
        en: `entry ${e.name} does not match the central directory`,
      });
    if (e.localOffset !== at || at + 30 > cdOffset || buf.readUInt32LE(at) !== SIG_LOCAL) throw mismatch();
    const flags = buf.readUInt16LE(at + 6);
    const method = buf.readUInt16LE(at + 8);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    if (method !== e.method || buf.toString('utf8', at + 30, at + 30 + nameLen) !== e.name) throw mismatch();
    e.dataOffset = at + 30 + nameLen + extraLen;
    let end = e.dataOffset + e.compressedSize;
    if (end > cdOffset) throw mismatch();
    if (flags & 0x8) {
      // A data descriptor follows: with or without its signature, 32- or 64-bit sizes.
      const next = [16, 12, 24, 20].find((len) => {
        const after = end + len;
        if (after > cdOffset) return false;
        if ((len === 16 || len === 24) && buf.readUInt32LE(end) !== SIG_DESCRIPTOR) return false;
        return after === cdOffset || buf.readUInt32LE(after) === SIG_LOCAL;
      });
      if (next === undefined) throw mismatch();
      end += next;
    }
    at = end;
  }
  if (at !== cdOffset)
    throw broken(file, {
      nl: 'er staan gegevens in het bestand die niet in de inhoudsopgave staan',
      en: 'the file holds data outside its entries',
    });
  return entries;
}

/**
 * Checks a ZIP (structure, then every entry inflated and counted). Resolves with the entries and the
 * real unpacked size; rejects with AppError('invalid-file' | 'file-too-large').
 */
export async function checkZip(
  data: Buffer | Uint8Array,
  limits: ZipLimits,
  file = '<input>',
): Promise<{ entries: ZipEntry[]; unpackedBytes: number }> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = readZipDirectory(buf, file, limits.maxEntries);
  const maxRun = limits.maxTextRun ?? DEFAULT_MAX_TEXT_RUN;
  let total = 0;
  const overTotal = () =>
    tooLarge(file, {
      nl: `Het bestand is uitgepakt groter dan ${mb(limits.maxUnpackedBytes)}; dat is de grens. Kies een kleiner bestand.`,
      en: `the workbook unpacks to more than ${mb(limits.maxUnpackedBytes)}, the limit`,
    });
  for (const e of entries) {
    const xml = /\.(xml|rels)$/i.test(e.name);
    let size = 0;
    let run = 0;
    const take = (chunk: Buffer) => {
      size += chunk.length;
      total += chunk.length;
      if (total > limits.maxUnpackedBytes) throw overTotal();
      if (!xml) return;
      let from = 0;
      for (;;) {
        const lt = chunk.indexOf(0x3c, from);
        if (lt < 0) {
          run += chunk.length - from;
          break;
        }
        run += lt - from;
        if (run > maxRun) break;
        run = 0;
        from = lt + 1;
      }
      if (run > maxRun)
        throw tooLarge(file, {
          nl: `Het onderdeel ${e.name} bevat een cel of tekst van meer dan ${Math.round(maxRun / 1024)} kB. Zo'n lange tekst hoort niet in dit bestand.`,
          en: `part ${e.name} holds a cell or text over ${Math.round(maxRun / 1024)} kB`,
        });
    };
    const data = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) {
      // Counted in slices, so that a huge stored part is refused as early as an inflated one.
      for (let i = 0; i < data.length; i += 1 << 20) take(data.subarray(i, i + (1 << 20)));
    } else {
      const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
      inflater.end(data);
      try {
        for await (const chunk of inflater) take(chunk as Buffer);
      } catch (err) {
        inflater.destroy();
        if (err instanceof AppError) throw err;
        throw broken(file, {
          nl: `het onderdeel ${e.name} is beschadigd`,
          en: `entry ${e.name} does not inflate: ${(err as Error).message}`,
        });
      }
      if (inflater.bytesWritten !== e.compressedSize)
        throw broken(file, {
          nl: `het onderdeel ${e.name} is beschadigd`,
          en: `entry ${e.name} has data after its end`,
        });
    }
    if (size !== e.uncompressedSize)
      throw broken(file, {
        nl: `het onderdeel ${e.name} is ${size} bytes, niet ${e.uncompressedSize} zoals de inhoudsopgave zegt`,
        en: `entry ${e.name} unpacks to ${size} bytes, not the ${e.uncompressedSize} its header says`,
      });
  }
  return { entries, unpackedBytes: total };
}
