/**
 * A respondent without JavaScript, for tests: follows the pages with app.inject (or fetch, for a
 * real server), keeps the CSRF cookie and posts forms as a browser would (urlencoded, repeated names).
 */
import type { FastifyInstance } from 'fastify';

export type FormValues = Record<string, string | string[]>;

export interface Page {
  status: number;
  location?: string;
  body: string;
}

export function encodeForm(values: FormValues): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

export class Respondent {
  cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(
    readonly send: (req: {
      method: 'GET' | 'POST';
      url: string;
      headers: Record<string, string>;
      body?: string;
    }) => Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: string;
    }>,
  ) {}

  static inject(app: FastifyInstance): Respondent {
    return new Respondent(async (r) => {
      const res = await app.inject({ method: r.method, url: r.url, headers: r.headers, payload: r.body });
      return { status: res.statusCode, headers: res.headers as any, body: res.body };
    });
  }

  static http(base: string): Respondent {
    return new Respondent(async (r) => {
      const res = await fetch(base + r.url, {
        method: r.method,
        headers: r.headers,
        body: r.body,
        redirect: 'manual',
      });
      const headers: Record<string, string | string[]> = Object.fromEntries(res.headers.entries());
      headers['set-cookie'] = res.headers.getSetCookie();
      return { status: res.status, headers, body: await res.text() };
    });
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private remember(headers: Record<string, string | string[] | undefined>) {
    for (const c of [headers['set-cookie'] ?? []].flat()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }

  async get(url: string): Promise<Page> {
    const res = await this.send({ method: 'GET', url, headers: this.cookieHeader() });
    this.remember(res.headers);
    const csrf = csrfOf(res.body);
    if (csrf) this.csrf = csrf;
    return { status: res.status, location: res.headers.location as string | undefined, body: res.body };
  }

  async post(url: string, values: FormValues = {}): Promise<Page> {
    const res = await this.send({
      method: 'POST',
      url,
      headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: encodeForm({ _csrf: this.csrf ?? '', ...values }),
    });
    this.remember(res.headers);
    const csrf = csrfOf(res.body);
    if (csrf) this.csrf = csrf;
    return { status: res.status, location: res.headers.location as string | undefined, body: res.body };
  }
}
