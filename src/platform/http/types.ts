import type { FastifyRequest } from 'fastify';
import type { Action, Principal } from '../access/policy.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Lang } from '../errors.js';
import type { Translate } from '../i18n/catalogue.js';
import type { DomainModule } from '../modules.js';
import type { PageContext } from '../ui/context.js';
import type { RouteDeprecation } from './openapi.js';
import type { UploadRule } from './upload-gate.js';

/**
 * How a route is protected. Every route must declare one (the app refuses to start otherwise):
 * - `{ public: 'why' }` for pages anyone may see (sign-in, health, a respondent's link),
 * - `{ action, org }` for everything else: the policy decides, for the organisation `org` returns.
 */
export type RouteAccess =
  | { public: string }
  | {
      action: Action;
      /** The organisation the request concerns (from params, or looked up). Undefined = platform-wide. */
      org?: (req: FastifyRequest) => string | undefined | Promise<string | undefined>;
    };

export interface AppDeps {
  config: Config;
  database: Database;
  /** Signs cookies: SESSION_SECRET, or one generated and kept in the data directory (development). */
  sessionSecret: string;
  /** The composed module descriptors (src/composition.ts): their routes, texts and navigation. */
  modules: readonly DomainModule[];
  /** Where the log goes (default: standard output); tests capture it to check what it holds. */
  logStream?: { write(line: string): void };
}

/** A route as registered, for tools and tests that enumerate them (tenant-isolation test, fuzzing). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    routeTable: RegisteredRoute[];
  }
  interface FastifyRequest {
    principal?: Principal;
    lang: Lang;
    t: Translate;
    /** Context for rendering a page (generates the CSRF token). */
    page(reply: FastifyReply): PageContext;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** A route that will go away (a future v2): marked in the OpenAPI document, headers on every answer. */
    deprecation?: RouteDeprecation;
    /** The handler reports control characters in its input itself, per field (./control-characters.ts). */
    checksControlCharacters?: true;
    /** The route takes a file (multipart, CSV, XLSX): its larger body is read only after access (./upload-gate.ts). */
    upload?: UploadRule;
  }
}
