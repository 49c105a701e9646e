/**
 * Every error becomes an AppError, and every AppError becomes application/problem+json (API) or an
 * error page (HTML). Bad input never gives a 500.
 */
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  type InvalidParam,
  type Lang,
  type ProblemParam,
  problemType,
  reasonsOf,
} from '../errors.js';
import { type FinishedIssue, zodReason } from '../i18n/zod-issues.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  invalidParams?: ProblemParam[];
}

/** The Problem schema of the OpenAPI document (every 4xx/5xx answer of the API has it). */
export const problemSchema = z
  .object({
    type: z.string().describe('`urn:weerbaar:problem:<code>`: the kind of problem (stable)'),
    title: z.string().describe('short summary, in the language of the request'),
    status: z.number().int().min(400).max(599),
    detail: z.string().describe('explanation for people, in the language of the request'),
    instance: z.string().optional().describe('the path of the request'),
    code: z.string().describe('the kind of problem (stable; the catalogue in src/platform/errors.ts)'),
    invalidParams: z
      .array(
        z.object({
          name: z.string().describe('the field, e.g. `body.email` (stable)'),
          code: z.string().describe('why, for programs (stable)'),
          reason: z.string().describe('why, for people'),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** Maps whatever was thrown onto the catalogue. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as any).validationContext ?? 'body';
    const invalidParams = err.validation.map((v): InvalidParam => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const issue: FinishedIssue = { ...(v.params as object), code: v.keyword, message: v.message };
      const keys = issue.code === 'unrecognized_keys' ? (issue.keys as string[] | undefined) : undefined;
      return {
        name: [where, path, keys?.length ? keys.join(',') : ''].filter(Boolean).join('.'),
        code: issue.code,
        reason: zodReason(issue),
      };
    });
    return new AppError('validation', { detail: reasonsOf(invalidParams), invalidParams });
  }
  if (refusedText(err)) return new AppError('bad-request', { detail: texts.refusedText });
  const fe = err as FastifyError & { statusCode?: number };
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('invalid-json', { detail: texts.invalidJson });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid-json', { detail: texts.emptyJson });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload-too-large', { detail: texts.tooLarge });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported-media-type', { detail: texts.mediaType });
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new AppError('csrf', { detail: texts.csrf });
  }
  if (err instanceof SyntaxError) return new AppError('invalid-json', { detail: texts.invalidJson });
  const status = fe?.statusCode;
  if (status === 429) return new AppError('rate-limited', { detail: texts.rateLimited });
  if (status === 404) return new AppError('not-found');
  if (status === 405) return new AppError('method-not-allowed');
  // Fastify's own message is English only; keep it as the English detail.
  if (status && status >= 400 && status < 500)
    return new AppError('bad-request', { detail: { nl: texts.badRequest.nl, en: fe.message } });
  return new AppError('internal', { cause: err });
}

/**
 * The database refuses text it cannot store (a NUL character, \u0000: PostgreSQL 22021 character_not_in_repertoire,
 * 22P05 untranslatable_character); that is the input's fault, not the server's. Drizzle wraps the driver's error.
 */
function refusedText(err: unknown): boolean {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e)
    if (e.code === '22021' || e.code === '22P05') return true;
  return false;
}

/** Details of the errors Fastify raises itself (its own messages are English only). */
const texts = {
  invalidJson: {
    nl: 'De inhoud van het verzoek is geen geldige JSON.',
    en: 'The request body is not valid JSON.',
  },
  emptyJson: {
    nl: 'Het verzoek heeft het type application/json, maar de inhoud is leeg.',
    en: 'The request has content type application/json but an empty body.',
  },
  tooLarge: {
    nl: 'Het verzoek is groter dan de server toestaat.',
    en: 'The request body is larger than the server accepts.',
  },
  mediaType: {
    nl: 'De server kent het inhoudstype (Content-Type) van dit verzoek niet.',
    en: 'The server does not accept the content type of this request.',
  },
  csrf: {
    nl: 'Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens.',
    en: 'The form expired or is invalid. Reload the page and try again.',
  },
  rateLimited: {
    nl: 'U heeft te veel verzoeken gedaan. Wacht even en probeer het opnieuw.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  badRequest: { nl: 'Het verzoek is niet geldig.', en: 'The request is not valid.' },
  refusedText: {
    nl: 'Het verzoek bevat een teken dat niet in tekst mag staan (zoals \\u0000). Haal het weg en probeer het opnieuw.',
    en: 'The request contains a character that text may not hold (such as \\u0000). Remove it and try again.',
  },
  internal: {
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Try again later.',
  },
} as const;

export function problemOf(err: AppError, lang: Lang, instance?: string): Problem {
  const p: Problem = {
    type: problemType(err.code),
    title: err.title(lang),
    status: err.status,
    // Internal errors never leak their message; everything else explains itself. A detail is always
    // present (NL API Design Rules /core/error-handling/problem-details).
    detail: err.code === 'internal' ? texts.internal[lang] : (err.detailIn(lang) ?? err.title(lang)),
    code: err.code,
  };
  if (instance) p.instance = instance;
  if (err.localised.invalidParams.length) p.invalidParams = err.invalidParamsIn(lang);
  return p;
}
