/**
 * multipart/form-data for the Meldpunt's upload forms (the contact list; evidence), parsed with the
 * platform's own FormData (undici) while the body is parsed, so `_csrf` is in the body when the central
 * CSRF check runs. The body limit is the registering plugin's; the upload gate (src/platform/http/
 * upload-gate.ts) has checked access before any byte was read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';

export interface UploadedFile {
  filename: string;
  /** What the browser claimed; never trusted (the content is sniffed). */
  claimedType: string;
  data: Buffer;
}
export type MultipartBody = Record<string, string | UploadedFile>;

export const isUpload = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && 'data' in v && Buffer.isBuffer((v as UploadedFile).data);

async function parse(req: FastifyRequest, body: Buffer): Promise<MultipartBody> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': String(req.headers['content-type']) },
    }).formData();
  } catch {
    throw new AppError('bad-request', {
      detail: {
        nl: 'Het formulier met het bestand kon niet worden gelezen. Probeer het opnieuw.',
        en: 'malformed multipart/form-data body',
      },
    });
  }
  const out: MultipartBody = {};
  for (const [name, value] of form) {
    if (name in out) continue;
    out[name] =
      typeof value === 'string'
        ? value
        : {
            filename: value.name.slice(0, 255),
            claimedType: value.type,
            data: Buffer.from(await value.arrayBuffer()),
          };
  }
  return out;
}

/** Registers the parser in the calling plugin's context only, with that plugin's body limit. */
export function acceptMultipart(app: FastifyInstance, bodyLimit: number) {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit },
    async (req: FastifyRequest, body: Buffer) => parse(req, body),
  );
}
