/**
 * Every error becomes an AppError, and every AppError becomes application/problem+json (API) or an
 * error page (HTML). Bad input never gives a 500.
 */
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type InvalidParam, type Lang, problemType } from '../errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  invalidParams?: InvalidParam[];
}

/** Maps whatever was thrown onto the catalogue. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as any).validationContext ?? 'body';
    const invalidParams = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const params = v.params as { issue?: { code?: string; keys?: string[] } };
      const keys = params.issue?.keys;
      return {
        name: [where, path, keys?.length ? keys.join(',') : ''].filter(Boolean).join('.'),
        code: params.issue?.code ?? v.keyword,
        reason: v.message ?? 'invalid',
      };
    });
    return new AppError('validation', {
      detail: invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; '),
      invalidParams,
    });
  }
  const fe = err as FastifyError & { statusCode?: number };
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid-json', { detail: fe.message });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload-too-large', { detail: fe.message });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported-media-type', { detail: fe.message });
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new AppError('csrf', { detail: fe.message });
  }
  if (err instanceof SyntaxError) return new AppError('invalid-json', { detail: err.message });
  const status = fe?.statusCode;
  if (status === 429) return new AppError('rate-limited', { detail: fe.message });
  if (status === 404) return new AppError('not-found');
  if (status === 405) return new AppError('method-not-allowed');
  if (status && status >= 400 && status < 500) return new AppError('bad-request', { detail: fe.message });
  return new AppError('internal', { cause: err });
}

export function problemOf(err: AppError, lang: Lang, instance?: string): Problem {
  const p: Problem = {
    type: problemType(err.code),
    title: err.title(lang),
    status: err.status,
    code: err.code,
  };
  // Internal errors never leak their message; everything else explains itself.
  if (err.code !== 'internal' && err.detail) p.detail = err.detail;
  if (instance) p.instance = instance;
  if (err.invalidParams.length) p.invalidParams = err.invalidParams;
  return p;
}
