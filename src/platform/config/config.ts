/**
 * The environment, validated once. The rest of the code reads the typed `Config`, never process.env.
 * A wrong value stops the process with one line naming the variable and what is expected.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A PostgreSQL server. Without it Weerbaar runs on embedded PGlite in WEERBAAR_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection string')
    .optional(),
  WEERBAAR_DATA_DIR: z.string().min(1).default('.weerbaar'),
  /** Public base URL used in mail links and OIDC redirects. Defaults to http://HOST:PORT. */
  PUBLIC_URL: z.string().url('an absolute URL such as https://weerbaar.example.nl').optional(),
  /** Signs cookies. Required in production; in development a fixed per-data-dir secret is generated. */
  SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Encrypts integrity reports at rest (32 bytes, base64). Required in production. */
  ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      '32 bytes, base64-encoded (openssl rand -base64 32)',
    )
    .optional(),
  /** Derives respondents' resume keys from their link (32 bytes, base64). Required in production. */
  RESPONSE_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      '32 bytes, base64-encoded (openssl rand -base64 32)',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  TRUST_PROXY: bool.default(false),
  /** Load demo organisations and users on first start (npm start sets it). */
  WEERBAAR_DEMO: bool.default(false),
  /** Run background jobs inside the web process (default). Set to false when `weerbaar worker` runs them. */
  WEERBAAR_JOBS_IN_PROCESS: bool.default(true),
  /**
   * How often an idle job worker looks for new work. Default: 2 s on PostgreSQL; 15 s on embedded
   * PGlite, where every job is enqueued in the same process and wakes its workers at once, so polls
   * only pick up delayed work (retries, start-after) and each one would hold the single database.
   */
  JOBS_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).optional(),
  /** How often expired (crashed) jobs are moved back to retry, and old jobs archived. */
  JOBS_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** SMTP server for outgoing mail. Without it, mail goes to the embedded outbox (/admin/outbox). */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465). false: plain connection, upgraded with STARTTLS per SMTP_STARTTLS. */
  SMTP_SECURE: bool.default(false),
  /** STARTTLS on a non-secure connection: use when offered, require it, or never. */
  SMTP_STARTTLS: z.enum(['opportunistic', 'required', 'off']).default('opportunistic'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** Connection, greeting and socket timeout for one SMTP attempt. */
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Sender of every mail, e.g. `Weerbaar <noreply@weerbaar.example.nl>`. */
  MAIL_FROM: z.string().min(3).default('Weerbaar <noreply@weerbaar.invalid>'),
  /** At most this many messages are handed to the SMTP server per minute (all processes together). */
  MAIL_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Temporary SMTP failures are retried this often, with exponential backoff from MAIL_RETRY_DELAY_SECONDS. */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(8),
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** `info.contact` of the API document (NL API Design Rules): who answers questions about this installation's API. */
  API_CONTACT_NAME: z.string().min(1).max(200).default('Weerbaar'),
  /** Default: the address in MAIL_FROM. */
  API_CONTACT_EMAIL: z.email('an e-mail address such as api@weerbaar.example.nl').optional(),
  /** Default: PUBLIC_URL. */
  API_CONTACT_URL: z.url('an absolute URL such as https://weerbaar.example.nl/contact').optional(),
  /** Chromium for PDF files (src/platform/pdf). Default: /usr/bin/chromium when it exists; without one, HTML only. */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Pages the one PDF browser renders at once (the bounded Chromium pool of the background jobs). */
  PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
});

export type Env = z.infer<typeof envSchema>;

/**
 * One OpenID Connect provider, from the indexed variables `OIDC_<n>_*` (n = 1, 2, …):
 * ISSUER, CLIENT_ID (required), CLIENT_SECRET (none: a public client, PKCE only), NAME (the button text),
 * ID (in the URL /auth/oidc/<id>; default `<n>`), SCOPES (default `openid email profile`),
 * EMAIL_CLAIM (the claim holding the e-mail address users are matched on; default `email`),
 * PROVISION (`none`, or e-mail domains like `@utrecht.nl,@amersfoort.nl` whose unknown users are created
 * without roles).
 */
export interface OidcProviderConfig {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  emailClaim: string;
  /** E-mail domains (with `@`) whose unknown users are created on first sign-in; empty = nobody. */
  provisionDomains: string[];
}

const oidcFields = {
  ISSUER: z.url('an absolute URL, e.g. https://login.example.nl/realms/x'),
  CLIENT_ID: z.string().min(1, 'the client id registered at the provider'),
  CLIENT_SECRET: z.string().min(1).optional(),
  NAME: z.string().min(1, 'the name on the sign-in button').max(80, 'at most 80 characters'),
  ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes (used in the URL)')
    .optional(),
  SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'space-separated scopes including openid')
    .default('openid email profile'),
  EMAIL_CLAIM: z
    .string()
    .regex(/^[\w.:-]+$/, 'a claim name such as email')
    .default('email'),
  PROVISION: z
    .string()
    .regex(
      /^(none|@[a-z0-9.-]+\.[a-z]{2,}(\s*,\s*@[a-z0-9.-]+\.[a-z]{2,})*)$/i,
      'none, or e-mail domains like @utrecht.nl,@amersfoort.nl',
    )
    .default('none'),
} as const;

/** Reads the OIDC_<n>_* variables; throws AppError('config') naming the first wrong one. */
export function oidcProvidersFrom(env: Record<string, string>, isProduction: boolean): OidcProviderConfig[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('OIDC_')) continue;
    const m = /^OIDC_([1-9]\d?)_([A-Z_]+)$/.exec(name);
    if (!m || !(m[2]! in oidcFields)) {
      throw new AppError('config', {
        detail: `${name}: expected OIDC_<n>_ followed by one of ${Object.keys(oidcFields).join(', ')}`,
      });
    }
    const fields = byIndex.get(Number(m[1])) ?? {};
    fields[m[2]!] = value;
    byIndex.set(Number(m[1]), fields);
  }
  const out: OidcProviderConfig[] = [];
  for (const [n, fields] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    const parsed = z.object(oidcFields).safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const name = `OIDC_${n}_${String(issue.path[0])}`;
      const got = fields[String(issue.path[0])];
      throw new AppError('config', {
        detail: `${name}: expected ${issue.code === 'invalid_type' && got === undefined ? 'a value (required)' : issue.message}${got !== undefined && !/SECRET/.test(name) ? ` (got ${JSON.stringify(got)})` : ''}`,
      });
    }
    const f = parsed.data;
    const issuer = new URL(f.ISSUER);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && (loopback || !isProduction))) {
      throw new AppError('config', {
        detail: `OIDC_${n}_ISSUER: expected an https:// URL (got ${JSON.stringify(f.ISSUER)})`,
      });
    }
    const id = f.ID ?? String(n);
    if (out.some((o) => o.id === id)) {
      throw new AppError('config', {
        detail: `OIDC_${n}_ID: expected an id no other provider has (got ${JSON.stringify(id)})`,
      });
    }
    out.push({
      id,
      name: f.NAME,
      issuer: f.ISSUER,
      clientId: f.CLIENT_ID,
      clientSecret: f.CLIENT_SECRET,
      scopes: f.SCOPES,
      emailClaim: f.EMAIL_CLAIM,
      provisionDomains:
        f.PROVISION.toLowerCase() === 'none' ? [] : f.PROVISION.split(',').map((d) => d.trim().toLowerCase()),
    });
  }
  return out;
}

export interface Config extends Env {
  /** OpenID Connect providers (OIDC_<n>_* variables), in the order of n. */
  oidcProviders: OidcProviderConfig[];
  embedded: boolean;
  publicUrl: string;
  isProduction: boolean;
  /** `info.contact` of the OpenAPI document (API_CONTACT_*; defaults from MAIL_FROM and PUBLIC_URL). */
  apiContact: { name: string; email: string; url: string };
}

/** Parses the environment. Throws AppError('config') naming the first wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = cleaned[name];
    throw new AppError('config', {
      detail: `${name}: expected ${issue.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}`,
      invalidParams: parsed.error.issues.map((i) => ({
        name: String(i.path[0]),
        code: i.code,
        reason: i.message,
      })),
    });
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.SESSION_SECRET) {
    throw new AppError('config', {
      detail: 'SESSION_SECRET: expected at least 32 characters (required in production)',
    });
  }
  if (isProduction && !e.ENCRYPTION_KEY) {
    throw new AppError('config', {
      detail: 'ENCRYPTION_KEY: expected 32 bytes, base64-encoded (required in production)',
    });
  }
  if (isProduction && !e.RESPONSE_KEY) {
    throw new AppError('config', {
      detail: 'RESPONSE_KEY: expected 32 bytes, base64-encoded (required in production)',
    });
  }
  if (isProduction && e.SMTP_HOST && /\.invalid>?$/.test(e.MAIL_FROM.trim())) {
    throw new AppError('config', {
      detail:
        'MAIL_FROM: expected the sender address of this installation (required in production with SMTP_HOST)',
    });
  }
  const hostForUrl = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  const oidcProviders = oidcProvidersFrom(cleaned as Record<string, string>, isProduction);
  const publicUrl = (e.PUBLIC_URL ?? `http://${hostForUrl}:${e.PORT}`).replace(/\/$/, '');
  const mailFromAddress = /<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM.trim();
  return {
    ...e,
    oidcProviders,
    embedded: !e.DATABASE_URL,
    isProduction,
    publicUrl,
    apiContact: {
      name: e.API_CONTACT_NAME,
      email: e.API_CONTACT_EMAIL ?? mailFromAddress,
      url: e.API_CONTACT_URL ?? publicUrl,
    },
  };
}
