/**
 * The OpenAPI document at /api/v1/openapi.json, made to follow the NL API Design Rules (ADR, Logius)
 * centrally, so every API route (also those added later) is covered without repeating it per route:
 * - servers: the installation's base URL with the major version (`…/api/v1`); paths are relative to it;
 * - `info.version` is the full semantic version of the API (API_VERSION), sent as `API-Version` on
 *   every /api/ response (app.ts) and declared on every 2xx/3xx response here;
 * - every error response is `application/problem+json` (RFC 9457) with the Problem schema: the
 *   statuses any operation can answer (400, 401/403, 404, 409, 413/415, 429, 500) are added by kind of
 *   operation; a route declares only its successes and domain-specific problems (e.g. a 422 report);
 * - `info.contact` comes from the configuration (API_CONTACT_*);
 * - a route with `config.deprecation` is marked `deprecated` and declares `Deprecation`/`Sunset`.
 * docs/api.md lists the rules and how they are applied; test/fixtures/adr/ruleset.yaml lints the result.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Config } from '../config/config.js';

/** The full semantic version of the API contract (not the product version in package.json). */
export const API_VERSION = '1.0.0';
/** The base path of this major version of the API. */
export const API_BASE_PATH = '/api/v1';
export const API_VERSION_HEADER = 'API-Version';

const isApi = (url: string) => url.startsWith('/api/');

/** A route that will go away: its answers carry `Deprecation` and `Sunset` (RFC 9745, RFC 8594). */
export interface RouteDeprecation {
  /** When the route was (or will be) deprecated, ISO date. */
  since: string;
  /** When the route stops working, ISO date. */
  sunset: string;
  /** Where the migration is described (e.g. the v2 operation or the changelog). */
  link: string;
}

/** The headers a deprecated route sends with every answer. */
export function deprecationHeaders(d: RouteDeprecation): Record<string, string> {
  return {
    deprecation: `@${Math.floor(Date.parse(d.since) / 1000)}`,
    sunset: new Date(d.sunset).toUTCString(),
    link: `<${d.link}>; rel="deprecation"`,
  };
}

/** Marks attached per route by `transform`, read (and removed) by `transformObject`. */
const PUBLIC_MARK = 'x-weerbaar-public';
const DEPRECATION_MARK = 'x-weerbaar-deprecation';

const problem = (description: string) => ({
  description,
  headers: { [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` } },
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const problems = {
  400: 'Invalid input (validation, malformed JSON, unknown parameters): `invalidParams` names every field',
  401: 'Not signed in, or an unknown, expired or revoked API token',
  403: 'Not allowed for this user or organisation (or a missing CSRF token with a session cookie)',
  404: 'No such resource (or not visible to this user)',
  409: 'Conflicts with existing data',
  413: 'The request body is larger than the server accepts',
  415: 'The request has a content type this operation does not accept',
  429: 'Too many requests; wait and try again',
  500: 'Internal error (never with details)',
} as const;

type Operation = {
  parameters?: Array<{ in: string }>;
  requestBody?: unknown;
  responses: Record<string, any>;
  deprecated?: boolean;
  [mark: string]: unknown;
};

/** The problems an operation can answer, by kind of operation. */
function problemStatuses(method: string, op: Operation): number[] {
  const writes = ['post', 'put', 'patch'].includes(method);
  const out: number[] = [];
  if (writes || op.parameters?.length || op.requestBody) out.push(400);
  if (!op[PUBLIC_MARK]) out.push(401, 403);
  if (op.parameters?.some((p) => p.in === 'path')) out.push(404);
  if (writes || method === 'delete') out.push(409);
  if (writes) out.push(413, 415);
  out.push(429, 500);
  return out;
}

/**
 * `anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }]` (how zod writes a nullable string)
 * becomes `{ type: ['string', 'null'], format: 'date' }`: the same values, and the form in which the
 * ADR linter sees the `format` of a nullable date. Schemas with `enum`/`const` keep their anyOf.
 */
export function collapseNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(collapseNullable);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = collapseNullable(v);
  const anyOf = out.anyOf as Array<Record<string, unknown>> | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullIndex];
    if (
      nullIndex >= 0 &&
      other &&
      typeof other.type === 'string' &&
      !('enum' in other) &&
      !('const' in other)
    ) {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

/** Applies the conventions to the generated document (see the file comment). */
export function applyConventions(generated: any, config: Config): any {
  const doc = collapseNullable(generated) as any;
  doc.info.version = API_VERSION;
  doc.info.contact = { ...config.apiContact };
  doc.components.headers = {
    ...doc.components.headers,
    [API_VERSION_HEADER]: {
      description: 'The full semantic version of the API that answered (the same as info.version)',
      schema: { type: 'string', example: API_VERSION },
    },
    Deprecation: {
      description: 'When this operation was deprecated (RFC 9745, `@` epoch seconds)',
      schema: { type: 'string' },
    },
    Sunset: {
      description: 'When this operation stops working (RFC 8594, HTTP date)',
      schema: { type: 'string' },
    },
  };
  for (const item of Object.values<Record<string, Operation>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || !op.responses) continue;
      const deprecation = op[DEPRECATION_MARK] as RouteDeprecation | undefined;
      if (deprecation) op.deprecated = true;
      for (const [status, response] of Object.entries(op.responses)) {
        if (/^[23]/.test(status)) {
          response.headers = {
            ...response.headers,
            [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` },
            ...(deprecation
              ? {
                  Deprecation: { $ref: '#/components/headers/Deprecation' },
                  Sunset: { $ref: '#/components/headers/Sunset' },
                }
              : {}),
          };
        } else if (/^[45]/.test(status) && response.content?.['application/json']) {
          // A route's own problem (e.g. a 422 with a report) is sent as problem+json too.
          const { 'application/json': json, ...rest } = response.content;
          response.content = {
            ...rest,
            'application/problem+json': {
              schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, json.schema] },
            },
          };
        }
      }
      for (const status of problemStatuses(method, op)) {
        op.responses[status] ??= problem(problems[status as keyof typeof problems]);
      }
      if (op[PUBLIC_MARK]) op.security = [];
      delete op[PUBLIC_MARK];
      delete op[DEPRECATION_MARK];
    }
  }
  return doc;
}

/** Options for @fastify/swagger: the document, per-route transform and the conventions. */
export function openapiOptions(config: Config, description: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Weerbaar API', version: API_VERSION, description },
      servers: [{ url: `${config.publicUrl}${API_BASE_PATH}` }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'wb_session' }, // SESSION_COOKIE of app.ts
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: (input) => {
      if (!isApi(input.url))
        return { schema: { ...input.schema, hide: true } as FastifySchema, url: input.url };
      const out = jsonSchemaTransform(input as any);
      // A download without a response schema (e.g. an .xlsx): its `produces` types, as binary content.
      const produces = (input.schema as { produces?: string[] } | undefined)?.produces;
      if (!out.schema.response && produces?.length) {
        const content = Object.fromEntries(
          produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        );
        (out.schema as Record<string, unknown>).response = { 200: { description: 'The file', content } };
      }
      const access = input.route.config?.access;
      const marks: Record<string, unknown> = {};
      if (access && 'public' in access) marks[PUBLIC_MARK] = true;
      if (input.route.config?.deprecation) marks[DEPRECATION_MARK] = input.route.config.deprecation;
      return { ...out, schema: { ...out.schema, ...marks } as FastifySchema };
    },
    transformObject: (input) => applyConventions(jsonSchemaTransformObject(input as any), config),
  };
}
