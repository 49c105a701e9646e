/**
 * What the request log may hold: no personal data, no secrets (CONTRIBUTING, docs/security.md).
 *
 * - A request is logged as its method and its *route pattern* (`/r/:token/s/:section`), never the
 *   path it was asked for. A path that matches no route (`/r/<token>/`, a mail client's artefact) is
 *   logged as its first segment, if that begins some route, and `*` for the rest: `/r/*`.
 *   Query strings, headers and addresses are never logged.
 * - An error is logged as its type, its code (PostgreSQL's SQLSTATE, a Node code) and its stack frames,
 *   without its message: database errors carry the query's parameters and PostgreSQL's messages quote
 *   values (an e-mail address, an answer). The messages of our own programming errors (`TypeError`)
 *   are kept, up to the first line end; they name code, not data.
 */

/** The parts of a request the log looks at (Fastify's request, as its serializer receives it). */
interface LoggedRequest {
  method: string;
  url: string;
  is404?: boolean;
  routeOptions?: { url?: string };
}

/** The first path segments of the registered routes (`api`, `r`, `waves`, …), filled at start-up. */
export function requestSerializer(knownFirstSegments: ReadonlySet<string>) {
  return (r: LoggedRequest) => ({ method: r.method, route: loggablePath(r, knownFirstSegments) });
}

export function loggablePath(r: LoggedRequest, knownFirstSegments: ReadonlySet<string>): string {
  const pattern = r.routeOptions?.url;
  if (pattern && !r.is404) return pattern;
  const first = (r.url ?? '').split(/[?#]/, 1)[0]!.split('/')[1] ?? '';
  if (first === '') return (r.url ?? '').length > 1 ? '/*' : '/';
  return knownFirstSegments.has(first) ? `/${first}/*` : '/*';
}

export const responseSerializer = (r: { statusCode: number }) => ({ statusCode: r.statusCode });

/** Error classes whose message is code, not data. */
const CODE_ERRORS = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'AssertionError']);

type LoggedError = {
  type: string;
  code?: string;
  message: string;
  stack: string;
  cause?: LoggedError;
};

const WITHHELD = '(message withheld: it may hold personal data)';

export const errorSerializer = (err: unknown): LoggedError => serialiseError(err, 0);

function serialiseError(err: unknown, depth: number): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: WITHHELD, stack: '' };
  const e = err as Error & { code?: unknown; cause?: unknown };
  const out: LoggedError = { type: e.name || e.constructor?.name || 'Error', message: WITHHELD, stack: '' };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code).slice(0, 40);
  const databaseError = 'params' in e || 'query' in e || /Drizzle|Postgres|Database/i.test(out.type);
  if (CODE_ERRORS.has(out.type) && !databaseError) out.message = e.message.split('\n', 1)[0]!.slice(0, 200);
  // The stack's first line repeats the message: keep only the frames.
  if (e.stack)
    out.stack = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 20)
      .join('\n');
  if (e.cause !== undefined && depth < 3) out.cause = serialiseError(e.cause, depth + 1);
  return out;
}
