/** Tests: posting a multipart form with files (as a browser without JavaScript does) and its CSRF token. */
import type { FastifyInstance } from 'fastify';
import { cookies, csrfFor } from '../../../test/support/principals.js';

export async function postMultipart(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  files: Array<{ name: string; data: Buffer; type?: string }>,
  cookie?: string,
) {
  const csrf = await csrfFor(app);
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...fields, _csrf: csrf.token })) form.append(k, v);
  for (const f of files)
    form.append(
      'attachment',
      new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  const request = new Request('http://x/', { method: 'POST', body: form });
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: cookies(cookie, csrf.cookie),
      'content-type': request.headers.get('content-type')!,
    },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}
