/**
 * What an uploaded file really is, from its first bytes (never from its name or the browser's claim):
 * screenshots and photos (PNG, JPEG, GIF, WebP, HEIC), letters (PDF) and recordings (MP3, M4A/MP4, WAV,
 * Ogg). Anything else — HTML, SVG, scripts, archives, office files with macros — is refused. Files are
 * only ever served as downloads (Content-Disposition: attachment, nosniff, a sandboxing CSP), never
 * inlined or executed.
 */
export const evidenceTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
  'audio/wav',
  'audio/ogg',
] as const;
export type EvidenceType = (typeof evidenceTypes)[number];

/** The file extension a download gets for each type. */
export const extensionOf: Record<EvidenceType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
};

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
const starts = (b: Buffer, bytes: number[], at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

/** The sniffed type, or undefined when the file is none of the accepted kinds. */
export function sniffEvidence(b: Buffer): EvidenceType | undefined {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(b, 0, 4) === 'RIFF' && b.length >= 12) {
    if (ascii(b, 8, 12) === 'WEBP') return 'image/webp';
    if (ascii(b, 8, 12) === 'WAVE') return 'audio/wav';
    return undefined;
  }
  if (ascii(b, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(b, 0, 3) === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits, MPEG version not reserved, layer III.
  if (
    b.length >= 4 &&
    b[0] === 0xff &&
    (b[1]! & 0xe0) === 0xe0 &&
    (b[1]! & 0x18) !== 0x08 &&
    (b[1]! & 0x06) === 0x02
  )
    return 'audio/mpeg';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
    if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
    if (['isom', 'iso2', 'mp41', 'mp42', 'avc1', 'M4V ', 'qt  ', '3gp4', '3gp5', 'dash'].includes(brand))
      return 'video/mp4';
  }
  return undefined;
}
