/** Outgoing mail for admins: /admin/outbox (list, search, read one) and /api/v1/mail-messages. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { sendPage } from '../ui/render.js';
import { attachmentsOf, getMailMessage, listMailMessages, type MailMessage, mailStatuses } from './mail.js';
import { messagePage, outboxPage } from './views/outbox-pages.js';

const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const mailQuery = z
  .object({
    q: opt(z.string().max(200)).describe('part of the address, subject, purpose or idempotency key'),
    status: opt(z.enum(mailStatuses)),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const mailMessageSchema = z
  .object({
    id: z.string(),
    idempotencyKey: z.string(),
    purpose: z.string(),
    organisationId: z.string().nullable(),
    to: z.string(),
    from: z.string().nullable(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    lang: z.string(),
    status: z.enum(mailStatuses),
    transport: z.enum(['smtp', 'outbox']).nullable(),
    messageId: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    smtpResponse: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    bouncedAt: z.string().nullable(),
  })
  .meta({ id: 'MailMessage' });

const toApi = (m: MailMessage): z.infer<typeof mailMessageSchema> => ({
  id: m.id,
  idempotencyKey: m.idempotencyKey,
  purpose: m.purpose,
  organisationId: m.organisationId,
  to: m.toAddress,
  from: m.fromAddress,
  subject: m.subject,
  text: m.textBody,
  html: m.htmlBody,
  lang: m.lang,
  status: m.status as z.infer<typeof mailMessageSchema>['status'],
  transport: m.transport as 'smtp' | 'outbox' | null,
  messageId: m.messageId,
  attempts: m.attempts,
  lastError: m.lastError,
  smtpResponse: m.smtpResponse,
  createdAt: iso(m.createdAt)!,
  sentAt: iso(m.sentAt),
  failedAt: iso(m.failedAt),
  bouncedAt: iso(m.bouncedAt),
});

const messageParams = z.object({ messageId: z.string().max(100) });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { action: 'mail.read' as const };
  const find = async (id: string) => {
    const m = await getMailMessage(app.deps.database, id);
    if (!m) throw new AppError('not-found', { detail: `no mail message ${id}` });
    return m;
  };

  r.get(
    '/api/v1/mail-messages',
    {
      config: { access },
      schema: {
        tags: ['mail'],
        summary: 'Outgoing mail messages, newest first (admins)',
        querystring: mailQuery,
        response: { 200: z.object({ items: z.array(mailMessageSchema) }) },
      },
    },
    async (req) => ({ items: (await listMailMessages(app.deps.database, req.query)).map(toApi) }),
  );

  r.get(
    '/api/v1/mail-messages/:messageId',
    {
      config: { access },
      schema: {
        tags: ['mail'],
        summary: 'One outgoing mail message',
        params: messageParams,
        response: { 200: mailMessageSchema },
      },
    },
    async (req) => toApi(await find(req.params.messageId)),
  );

  r.get(
    '/admin/outbox',
    {
      config: { access },
      schema: { querystring: mailQuery.extend({ lang: z.enum(['nl', 'en']).optional() }) },
    },
    async (req, reply) => {
      const { lang: _lang, ...filter } = req.query;
      const rows = await listMailMessages(app.deps.database, filter);
      return sendPage(reply, outboxPage(req.page(reply), app.deps.config.SMTP_HOST, filter, rows));
    },
  );

  r.get(
    '/admin/outbox/:messageId',
    { config: { access }, schema: { params: messageParams } },
    async (req, reply) => {
      const m = await find(req.params.messageId);
      return sendPage(
        reply,
        messagePage(req.page(reply), m, await attachmentsOf(app.deps.database.db, m.id)),
      );
    },
  );

  r.get(
    '/admin/outbox/:messageId/attachments/:position',
    {
      config: { access },
      schema: { params: messageParams.extend({ position: z.coerce.number().int().min(1).max(100) }) },
    },
    async (req, reply) => {
      const m = await find(req.params.messageId);
      const file = (await attachmentsOf(app.deps.database.db, m.id)).find(
        (f) => f.position === req.params.position,
      );
      if (!file) throw new AppError('not-found', { detail: `no attachment ${req.params.position}` });
      // always a download (never rendered in the app's origin), with a safe ASCII file name
      const name = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .type(file.contentType)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file.content);
    },
  );
};
export default routes;
