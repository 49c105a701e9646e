/**
 * A small multipart/form-data reader (RFC 7578) for the frame upload form, which must work without
 * JavaScript. The body is buffered (within the route's body limit); text fields become strings, file
 * fields `{ filename, data }`. Registered as a content-type parser inside the fieldwork routes only.
 */
import { AppError } from '../../platform/errors.js';

export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}
export type MultipartBody = Record<string, string | UploadedFile>;

export const isUpload = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && 'data' in v && Buffer.isBuffer((v as UploadedFile).data);

export function boundaryOf(contentType: string | undefined): string {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const b = m?.[1] ?? m?.[2];
  if (!b)
    throw new AppError('bad-request', {
      detail: {
        nl: 'Het formulier is niet goed verstuurd (er ontbreekt een grens in de multipart-gegevens). Probeer het opnieuw.',
        en: 'multipart body without a boundary',
      },
    });
  return b.trim();
}

export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const out: MultipartBody = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0)
    throw new AppError('bad-request', {
      detail: {
        nl: 'Het formulier is niet goed verstuurd (de grens van de multipart-gegevens ontbreekt). Probeer het opnieuw.',
        en: 'multipart body without its boundary',
      },
    });
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing --
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0)
      throw new AppError('bad-request', {
        detail: {
          nl: 'Het formulier is niet goed verstuurd (een deel van de multipart-gegevens is onleesbaar). Probeer het opnieuw.',
          en: 'malformed multipart part',
        },
      });
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0)
      throw new AppError('bad-request', {
        detail: {
          nl: 'Het formulier is niet volledig verstuurd (de multipart-gegevens zijn niet afgesloten). Probeer het opnieuw.',
          en: 'multipart body is not closed',
        },
      });
    const content = body.subarray(headerEnd + 4, next);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
    if (name !== undefined) {
      if (filename !== undefined) {
        out[name] = {
          filename: filename.replace(/^.*[\\/]/, ''),
          contentType: type,
          data: Buffer.from(content),
        };
      } else {
        out[name] = content.toString('utf8');
      }
    }
    pos = next + 2;
  }
  return out;
}
