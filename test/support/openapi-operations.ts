/**
 * The operations of the served OpenAPI document, for tests that call every one of them (the random-body
 * test src/platform/http/fuzz.db.test.ts and the contract test src/platform/http/contract.db.test.ts),
 * and a check that an answer is one the document declares for its operation.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { type IsolationWorld, paramFixtures } from './route-fixtures.js';

export interface Operation {
  /** `GET /waves/{waveId}`: the method and the path as in the document. */
  key: string;
  method: string;
  /** The full path template, with the server's base path: `/api/v1/waves/{waveId}`. */
  path: string;
  op: any;
  bodySchema?: any;
  queryNames: string[];
  pathNames: string[];
}

export interface ServedDocument {
  /** As served. */
  doc: any;
  /** With every $ref resolved (for validating answers). */
  dereferenced: any;
  operations: Operation[];
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** Fetches /api/v1/openapi.json from the app and lists its operations. */
export async function servedDocument(app: FastifyInstance): Promise<ServedDocument> {
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
  const dereferenced: any = await SwaggerParser.dereference(structuredClone(doc));
  // Paths are relative to the server URL, which ends in the API's base path (/api/v1).
  const base = new URL(doc.servers[0].url).pathname;
  const operations: Operation[] = [];
  for (const [relative, item] of Object.entries<any>(dereferenced.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!methods.includes(method)) continue;
      const parameters: any[] = op.parameters ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${relative}`,
        method: method.toUpperCase(),
        path: base + relative,
        op,
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        queryNames: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        pathNames: parameters.filter((p) => p.in === 'path').map((p) => p.name),
      });
    }
  }
  return { doc, dereferenced, operations };
}

/** The path with its parameters filled: from `values`, else from the isolation fixtures (organisation A). */
export async function fillPath(
  path: string,
  world: IsolationWorld,
  values: Record<string, string> = {},
): Promise<string> {
  let out = path;
  for (const m of path.matchAll(/\{(\w+)\}/g)) {
    const name = m[1]!;
    const fixture = paramFixtures[name];
    const value = values[name] ?? (fixture ? await fixture(world) : undefined);
    if (value === undefined)
      throw new Error(`${path}: no value for {${name}} (test/support/route-fixtures.ts)`);
    out = out.replace(m[0], encodeURIComponent(value));
  }
  return out;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
const validators = new WeakMap<object, ReturnType<typeof ajv.compile>>();

/** What a response looked like, as far as the contract is concerned. */
export interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/**
 * Why `answer` is not what the document declares for `operation` (undefined when it is): its status,
 * its content type, its JSON body against the schema, the API-Version header.
 */
export function contractViolation(
  operation: Operation,
  answer: Answer,
  apiVersion: string,
): string | undefined {
  const responses = operation.op.responses ?? {};
  const status = String(answer.statusCode);
  const declared = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
  const brief = () => `${answer.body.slice(0, 300)}`;
  if (!declared)
    return `status ${status} is not declared (declared: ${Object.keys(responses).join(', ')}): ${brief()}`;
  if (answer.headers['api-version'] !== apiVersion)
    return `API-Version is ${String(answer.headers['api-version'])}, expected ${apiVersion}`;
  const content: Record<string, any> | undefined = declared.content;
  const contentType = String(answer.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (!content || Object.keys(content).length === 0) {
    if (answer.body.length > 0)
      return `status ${status} declares no content, but the answer has ${contentType || 'a body'}: ${brief()}`;
    return undefined;
  }
  const media = content[contentType];
  if (!media)
    return `status ${status}: content type "${contentType}" is not declared (declared: ${Object.keys(content).join(', ')})`;
  if (!/json$/.test(contentType) || !media.schema) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `status ${status}: the body is not JSON: ${brief()}`;
  }
  let validate = validators.get(media.schema);
  if (!validate) {
    validate = ajv.compile(media.schema);
    validators.set(media.schema, validate);
  }
  if (!validate(body)) {
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
      .join('; ');
    return `status ${status}: the body does not match the declared schema: ${errors}; body: ${brief()}`;
  }
  return undefined;
}
