/**
 * The SMTP side: a nodemailer transport from the configuration, timing bounds derived from
 * SMTP_TIMEOUT_SECONDS, the deterministic Message-ID, and how an SMTP failure is classified.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/config.js';

export const mailMode = (config: Config): 'smtp' | 'outbox' => (config.SMTP_HOST ? 'smtp' : 'outbox');

/** Time bounds of one delivery attempt, all from SMTP_TIMEOUT_SECONDS (see docs/jobs-and-mail.md). */
export function mailTimings(config: Config) {
  const t = config.SMTP_TIMEOUT_SECONDS;
  return {
    timeoutMs: t * 1000,
    /** While a message is `sending`, another attempt keeps off it until this has passed. */
    leaseSeconds: 4 * t + 5,
    /** Longest a throttled attempt waits for a free slot before giving the slot back to the queue. */
    throttleWaitMs: Math.min(60, 2 * t) * 1000,
    /** The job counts as crashed (and is retried) when it runs longer than this. */
    jobExpireSeconds: 8 * t + 10,
  };
}

/**
 * mail.send handlers per process (see ./jobs.ts), and so the SMTP connections kept open: enough for the
 * throttle to be the limit (a handler hands over about 5 messages a second to a real server), 2 to 8.
 */
export const mailConcurrency = (config: Pick<Config, 'MAIL_PER_MINUTE'>): number =>
  Math.min(8, Math.max(2, Math.ceil(config.MAIL_PER_MINUTE / 60 / 5)));

const transports = new WeakMap<Config, Transporter>();

export function smtpTransport(config: Config): Transporter {
  let t = transports.get(config);
  if (!t) {
    const { timeoutMs } = mailTimings(config);
    t = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      requireTLS: !config.SMTP_SECURE && config.SMTP_STARTTLS === 'required',
      ignoreTLS: !config.SMTP_SECURE && config.SMTP_STARTTLS === 'off',
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
      // Connections are kept and reused (one per mail.send handler), not opened per message.
      pool: true,
      maxConnections: mailConcurrency(config),
    });
    transports.set(config, t);
  }
  return t;
}

/** The address part of MAIL_FROM (`Name <a@b>` or `a@b`). */
export function fromAddress(config: Config): string {
  const m = /<([^>]+)>/.exec(config.MAIL_FROM);
  return (m ? m[1]! : config.MAIL_FROM).trim();
}

/** `<message-uuid@sender-domain>`: the same on every retry, so a duplicate delivery is recognisable. */
export function messageIdFor(id: string, config: Config): string {
  const domain = fromAddress(config).split('@')[1] || 'weerbaar.invalid';
  return `<${id}@${domain}>`;
}

export interface SmtpFailure {
  permanent: boolean;
  /** e.g. `550 5.1.1 no such user` or `ECONNREFUSED connect ECONNREFUSED 127.0.0.1:2525`. */
  message: string;
}

/** Authentication and TLS problems are the server's configuration, not the message's: never permanent. */
const CONFIGURATION_CODES = new Set([530, 534, 535, 538]);

/**
 * 5xx replies about the message or recipient are permanent (not retried); 4xx replies, connection errors,
 * time-outs and authentication failures are temporary (retried with backoff).
 */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (err ?? {}) as { responseCode?: number; code?: string; response?: string; message?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const text = (e.response ?? e.message ?? String(err)).replace(/\s+/g, ' ').trim().slice(0, 500);
  const permanent =
    (code !== undefined && code >= 500 && code < 600 && !CONFIGURATION_CODES.has(code)) ||
    (code === undefined && e.code === 'EENVELOPE');
  const prefix =
    code !== undefined ? (text.startsWith(String(code)) ? '' : `${code} `) : e.code ? `${e.code} ` : '';
  return { permanent, message: `${prefix}${text}` };
}
