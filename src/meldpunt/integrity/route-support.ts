/** What the officer's routes share: parameters, access rules, the session and the unlocked key. */

import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { SESSION_COOKIE } from '../../platform/http/app.js';
import { sessionKey, type UnlockedKey } from './keys-service.js';

export const orgParams = z.object({ orgId: z.uuid() });
export const reportParams = z.object({ orgId: z.uuid(), reportId: z.uuid() });
export const attachmentParams = z.object({ orgId: z.uuid(), reportId: z.uuid(), attachmentId: z.uuid() });
export const grantParams = z.object({ orgId: z.uuid(), reportId: z.uuid(), grantId: z.uuid() });
export const keyParams = z.object({ orgId: z.uuid(), keyId: z.uuid() });
export const form = z.record(z.string(), z.unknown());
const orgOf = (req: FastifyRequest) => (req.params as { orgId: string }).orgId;
export const readAccess = { access: { action: 'integrity.read' as const, org: orgOf } };
export const handleAccess = { access: { action: 'integrity.handle' as const, org: orgOf } };

/** The signed-in session: its id and the raw token from the cookie (never stored). */
export function session(req: FastifyRequest) {
  const p = req.principal!;
  const cookie = req.cookies[SESSION_COOKIE];
  const token = cookie ? req.unsignCookie(cookie).value : null;
  if (!p.sessionId || !token) throw new AppError('unauthenticated');
  return { userId: p.userId, sessionId: p.sessionId, sessionToken: token };
}

export const keyFor = (db: DbOrTx, req: FastifyRequest, organisationId: string) =>
  sessionKey(db, { organisationId, ...session(req) });

export async function requireKey(
  db: DbOrTx,
  req: FastifyRequest,
  organisationId: string,
): Promise<UnlockedKey> {
  const key = await keyFor(db, req, organisationId);
  if (!key)
    throw new AppError('integrity-keys-locked', {
      detail: {
        nl: `Uw sleutel is niet ontgrendeld. Ga naar /integrity/${organisationId}/keys en vul uw sleutelwachtwoord in.`,
        en: `your key is not unlocked: go to /integrity/${organisationId}/keys and enter your key passphrase`,
      },
    });
  return key;
}

/**
 * An attachment as a download: never shown inline (a PDF or an HTML-looking text cannot run in our
 * origin), the name sealed with the report and encoded per RFC 6266, never cached.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { name: string; contentType: string; data: Buffer },
) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.data);
}
