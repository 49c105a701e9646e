/**
 * multipart/form-data for the integrity forms with attachments (they must work without JavaScript),
 * read with the platform's own FormData during body parsing, so `_csrf` is in the body when the
 * central CSRF check runs. Text fields become strings (repeated names: arrays), files `{ name, data }`
 * under their field name, always as an array; empty file inputs (no file chosen) are left out.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { type AttachmentInput, MAX_ATTACHMENTS, MAX_TOTAL_BYTES } from './attachment-files.js';

/** The largest multipart body a form with attachments may send (the files and some room for the text). */
export const ATTACHMENT_BODY_LIMIT = MAX_TOTAL_BYTES + 2 * 1024 * 1024;

export type FormBody = Record<string, string | string[] | AttachmentInput[]>;

export async function parseFormWithFiles(req: FastifyRequest, body: Buffer): Promise<FormBody> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': String(req.headers['content-type']) },
    }).formData();
  } catch {
    throw new AppError('bad-request', {
      detail: {
        nl: 'Het formulier met de bestanden kon niet worden gelezen. Probeer het opnieuw.',
        en: 'malformed multipart/form-data body',
      },
    });
  }
  const out: FormBody = {};
  let files = 0;
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      const had = out[name];
      out[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value].map(String);
      continue;
    }
    if (value.size === 0 && value.name === '') continue;
    if (++files > MAX_ATTACHMENTS + 1) continue; // refused later as too many; no need to read more
    const list = (Array.isArray(out[name]) ? out[name] : []) as AttachmentInput[];
    list.push({ name: value.name, data: Buffer.from(await value.arrayBuffer()) });
    out[name] = list;
  }
  return out;
}

export const filesOf = (v: unknown): AttachmentInput[] =>
  Array.isArray(v) ? v.filter((x): x is AttachmentInput => typeof x === 'object' && x !== null) : [];
