/**
 * Checking an attachment before it is sealed (issue 17: "uploads checked for size and type and stored
 * encrypted"), without I/O:
 * - size: at most MAX_ATTACHMENT_BYTES each, MAX_ATTACHMENTS per upload, MAX_TOTAL_BYTES together;
 * - type: recognised from the bytes themselves (never from the name or the browser's claim): PDF, PNG,
 *   JPEG, plain UTF-8 text, and the Office Open XML / OpenDocument formats (ZIP containers);
 * - metadata: camera and location data are removed from JPEG (APP1 Exif/XMP, APP13 IPTC) and PNG
 *   (text and eXIf chunks), because a photo's GPS position or camera owner can name the reporter.
 *   Documents (PDF, Word, …) may still carry an author name: the form says so;
 * - the original file name is kept, but only sealed with the report key (see attachments.ts);
 * - the sealed bytes are padded to a multiple of PAD_BYTES so the stored size says little about the file.
 */

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024;
export const MAX_NAME = 200;
export const PAD_BYTES = 16 * 1024;

export const attachmentTypes = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  text: 'text/plain; charset=utf-8',
  office: 'application/octet-stream',
} as const;
export type AttachmentKind = keyof typeof attachmentTypes;

export interface AttachmentInput {
  name: string;
  data: Buffer;
}

export type AttachmentProblem = 'tooMany' | 'tooLarge' | 'totalTooLarge' | 'empty' | 'type';

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** The kind of file, from its first bytes; undefined when it is none we accept. */
export function sniff(data: Buffer): AttachmentKind | undefined {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'office'; // docx, xlsx, odt, … (ZIP)
  if (!data.includes(0) && isUtf8(data)) return 'text';
  return undefined;
}

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** The first problem with a set of uploads, or undefined. */
export function attachmentProblem(files: AttachmentInput[]): AttachmentProblem | undefined {
  if (files.length > MAX_ATTACHMENTS) return 'tooMany';
  let total = 0;
  for (const f of files) {
    if (f.data.length === 0) return 'empty';
    if (f.data.length > MAX_ATTACHMENT_BYTES) return 'tooLarge';
    total += f.data.length;
    if (!sniff(f.data)) return 'type';
  }
  if (total > MAX_TOTAL_BYTES) return 'totalTooLarge';
  return undefined;
}

/** JPEG without APP1 (Exif, XMP), APP13 (IPTC) and comment segments; other segments unchanged. */
export function stripJpeg(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, 2)];
  let pos = 2;
  while (pos + 4 <= data.length && data[pos] === 0xff) {
    const marker = data[pos + 1]!;
    if (marker === 0xda) break; // start of scan: the rest is image data
    const length = data.readUInt16BE(pos + 2);
    const end = pos + 2 + length;
    if (length < 2 || end > data.length) break;
    const drop = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!drop) out.push(data.subarray(pos, end));
    pos = end;
  }
  out.push(data.subarray(pos));
  return Buffer.concat(out);
}

const PNG_DROP = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

/** PNG without text, Exif and time chunks; other chunks unchanged. */
export function stripPng(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, 8)];
  let pos = 8;
  while (pos + 12 <= data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (end > data.length) break;
    if (!PNG_DROP.has(type)) out.push(data.subarray(pos, end));
    pos = end;
  }
  out.push(data.subarray(pos));
  return Buffer.concat(out);
}

/** The bytes as they will be stored (metadata removed where we can), with their kind. */
export function cleanAttachment(data: Buffer): { kind: AttachmentKind; data: Buffer } {
  const kind = sniff(data);
  if (!kind) throw new Error('cleanAttachment: unchecked attachment');
  if (kind === 'jpeg') return { kind, data: stripJpeg(data) };
  if (kind === 'png') return { kind, data: stripPng(data) };
  return { kind, data };
}

/** A file name safe to show and to send in Content-Disposition: no path, no control characters. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, MAX_NAME);
  return clean || 'bijlage';
}

/** Padding so the stored length reveals the size only to within PAD_BYTES. */
export function pad(data: Buffer): Buffer {
  const padded = Math.ceil((data.length + 1) / PAD_BYTES) * PAD_BYTES;
  return Buffer.concat([data, Buffer.alloc(padded - data.length)]);
}
