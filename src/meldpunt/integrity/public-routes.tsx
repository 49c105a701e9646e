/**
 * The public side of the integrity channel: /integriteit/<organisation code>. Anyone may report
 * without an account; the receipt code is shown only after the report's transaction committed.
 * The request log never holds an IP address or user agent (src/platform/http/app.ts logs method,
 * route template and status only); the rate limiters keep addresses in memory, never in a log.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formList, formString } from '../../platform/auth/form-errors.js';
import { getUser } from '../../platform/auth/users-service.js';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import { AppError } from '../../platform/errors.js';
import { getOrganisationByCode } from '../../platform/orgs/service.js';
import { sendPage } from '../../platform/ui/render.js';
import { attachmentProblem } from './attachment-files.js';
import { readAttachment } from './attachments.js';
import { handlerUserIds } from './handler-roles.js';
import { acceptedKeys } from './keys-service.js';
import { type Category, categories, type IdentityMode, identityModes, MAX_SHORT, MAX_TEXT } from './model.js';
import { ATTACHMENT_BODY_LIMIT, filesOf, parseFormWithFiles } from './multipart.js';
import { optionsFor } from './options.js';
import { signOralRecord } from './oral-service.js';
import { openWithReceipt, reporterMessage, reporterView, submitReport } from './reports-service.js';
import { sendAttachment } from './route-support.js';
import {
  type PublicChannel,
  type ReportFormValues,
  receiptPage,
  reporterPage,
  reportFormPage,
  returnPage,
  unknownChannelPage,
} from './views/public-pages.js';

export const RECEIPT_LIMIT_PER_ADDRESS = 10;
export const RECEIPT_LIMIT_PER_CHANNEL = 100;
const SUBMIT_LIMIT_PER_ADDRESS = 10;

const params = z.object({ code: z.string().max(32) });
const form = z.record(z.string(), z.unknown());

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);

  // Across all addresses: a slow, wide guessing attack on one organisation's receipt codes stops too.
  const perChannel = app.createRateLimit({
    max: RECEIPT_LIMIT_PER_CHANNEL,
    timeWindow: '10 minutes',
    keyGenerator: (req) => `integrity-receipt:${(req.params as { code?: string }).code ?? ''}`,
  });

  async function channelFor(code: string): Promise<(PublicChannel & { organisationId: string }) | undefined> {
    const org = await getOrganisationByCode(db, code).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not-found') return undefined;
      throw err;
    });
    if (!org || org.validTo) return undefined;
    // only officers and chairs receive reports (an external investigator's key gets one through a grant)
    const handlerIds = await handlerUserIds(db, org.id);
    const keys = (await acceptedKeys(db, org.id)).filter((k) => handlerIds.has(k.userId));
    if (keys.length === 0) return undefined;
    const handlers = await Promise.all(
      keys.map(async (k) => ({ keyId: k.id, name: (await getUser(db, k.userId))?.displayName ?? '' })),
    );
    return { code: org.code, organisation: org.name, organisationId: org.id, handlers };
  }

  const unknown = (req: FastifyRequest, reply: FastifyReply, code: string) =>
    sendPage(reply, unknownChannelPage(req.page(reply), code), 404);

  // Forms with attachments. The larger body is read only for an open channel (the upload gate runs
  // `beforeBody` after the rate limit, before reading a byte).
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_BODY_LIMIT },
    async (req: FastifyRequest, body: Buffer) => parseFormWithFiles(req, body),
  );
  const upload = {
    async beforeBody(req: FastifyRequest) {
      if (!(await channelFor((req.params as { code: string }).code)))
        throw new AppError('not-found', {
          detail: { nl: 'Dit meldpunt bestaat niet.', en: 'no such reporting channel' },
        });
    },
  };
  const attachmentError = (req: FastifyRequest, files: ReturnType<typeof filesOf>) => {
    const problem = attachmentProblem(files);
    return problem ? [{ field: 'attachment', message: req.t(`integrity.error.attachment.${problem}`) }] : [];
  };

  r.get(
    '/integriteit/:code',
    {
      config: { access: { public: 'anyone may report a suspected integrity violation, without an account' } },
      schema: { params },
    },
    async (req, reply) => {
      const channel = await channelFor(req.params.code);
      if (!channel) return unknown(req, reply, req.params.code);
      return sendPage(reply, reportFormPage(req.page(reply), { channel }));
    },
  );

  r.post(
    '/integriteit/:code',
    {
      config: {
        access: { public: 'anyone may report a suspected integrity violation, without an account' },
        rateLimit: { max: SUBMIT_LIMIT_PER_ADDRESS, timeWindow: '1 minute' },
        upload,
      },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: { params, body: form },
    },
    async (req, reply) => {
      const channel = await channelFor(req.params.code);
      if (!channel) return unknown(req, reply, req.params.code);
      const b = req.body;
      const values: ReportFormValues = {
        category: formString(b.category),
        what: formString(b.what),
        involved: formString(b.involved),
        when: formString(b.when),
        identityMode: formString(b.identityMode) || 'anonymous',
        name: formString(b.name),
        contact: formString(b.contact),
        exclude: formList(b.exclude),
      };
      const t = req.t;
      const files = filesOf(b.attachment);
      const errors: FieldErrors = attachmentError(req, files);
      if (!categories.includes(values.category as Category))
        errors.push({ field: 'category', message: t('integrity.error.category') });
      if (!values.what!.trim()) errors.push({ field: 'what', message: t('integrity.error.what') });
      if (values.what!.length > MAX_TEXT)
        errors.push({ field: 'what', message: t('integrity.error.tooLong') });
      if (values.involved!.length > MAX_TEXT)
        errors.push({ field: 'involved', message: t('integrity.error.tooLong') });
      if (values.when!.length > MAX_SHORT)
        errors.push({ field: 'when', message: t('integrity.error.tooLong') });
      const mode = (
        identityModes.includes(values.identityMode as IdentityMode) ? values.identityMode : 'anonymous'
      ) as IdentityMode;
      if (mode !== 'anonymous' && !values.name!.trim())
        errors.push({ field: 'name', message: t('integrity.error.name') });
      for (const f of ['name', 'contact'] as const)
        if (values[f]!.length > MAX_SHORT) errors.push({ field: f, message: t('integrity.error.tooLong') });
      const known = new Set(channel.handlers.map((h) => h.keyId));
      const excluded = values.exclude!.filter((id) => known.has(id));
      if (excluded.length >= known.size)
        errors.push({ field: 'exclude-0', message: t('integrity.error.excludeAll') });
      if (errors.length)
        return sendPage(reply, reportFormPage(req.page(reply), { channel, values, errors }), 400);
      const { receiptCode } = await submitReport(
        db,
        channel.organisationId,
        {
          category: values.category as Category,
          content: { what: values.what!, involved: values.involved!, when: values.when! },
          identityMode: mode,
          identity:
            mode === 'anonymous' ? undefined : { name: values.name!.trim(), contact: values.contact!.trim() },
          excludedKeyIds: excluded,
          attachments: files,
        },
        opts,
      );
      return sendPage(reply, receiptPage(req.page(reply), { code: channel.code, receiptCode }));
    },
  );

  r.get(
    '/integriteit/:code/terugkomen',
    {
      config: { access: { public: 'a reporter comes back with the receipt code (no account)' } },
      schema: { params },
    },
    async (req, reply) => {
      const channel = await channelFor(req.params.code);
      if (!channel) return unknown(req, reply, req.params.code);
      return sendPage(reply, returnPage(req.page(reply), { code: channel.code }));
    },
  );

  /** Opens the report with the posted receipt code, or answers the one refusal for every failure. */
  async function withReceipt(
    req: FastifyRequest<{ Params: { code: string }; Body: Record<string, unknown> }>,
    reply: FastifyReply,
  ) {
    const limit = await perChannel(req);
    if (!limit.isAllowed && limit.isExceeded)
      throw new AppError('rate-limited', {
        detail: {
          nl: 'Er is te vaak een meldcode geprobeerd. Wacht tien minuten en probeer het opnieuw.',
          en: 'too many receipt codes tried; wait ten minutes',
        },
        headers: { 'retry-after': String(limit.ttlInSeconds) },
      });
    const channel = await channelFor(req.params.code);
    if (!channel) {
      await unknown(req, reply, req.params.code);
      return undefined;
    }
    const receipt = formString(req.body.receipt);
    try {
      return { channel, receipt, opened: await openWithReceipt(db, channel.organisationId, receipt) };
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'integrity-receipt') throw err;
      await sendPage(
        reply,
        returnPage(req.page(reply), {
          code: channel.code,
          errors: [{ field: 'receipt', message: req.t('integrity.receiptRefused') }],
        }),
        400,
      );
      return undefined;
    }
  }

  async function showReport(
    req: FastifyRequest,
    reply: FastifyReply,
    s: NonNullable<Awaited<ReturnType<typeof withReceipt>>>,
    extra: { sent?: boolean; errors?: FieldErrors },
    status = 200,
  ) {
    const view = await reporterView(db, s.channel.organisationId, s.opened, opts);
    return sendPage(
      reply,
      reporterPage(req.page(reply), {
        code: s.channel.code,
        receipt: s.receipt,
        receivedAt: view.register.receivedAt,
        state: view.register.state,
        deadlines: view.deadlines,
        content: view.content,
        messages: view.messages,
        attachments: view.attachments,
        oral: view.oral,
        ...extra,
      }),
      status,
    );
  }

  const receiptRoute = {
    access: { public: 'a reporter comes back with the receipt code (no account)' },
    rateLimit: { max: RECEIPT_LIMIT_PER_ADDRESS, timeWindow: '1 minute' },
  };

  r.post(
    '/integriteit/:code/terugkomen',
    { config: receiptRoute, schema: { params, body: form } },
    async (req, reply) => {
      const s = await withReceipt(req, reply);
      if (!s) return reply;
      return showReport(req, reply, s, {});
    },
  );

  r.post(
    '/integriteit/:code/bericht',
    {
      config: { ...receiptRoute, upload },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: { params, body: form },
    },
    async (req, reply) => {
      const s = await withReceipt(req, reply);
      if (!s) return reply;
      const message = formString(req.body.message);
      const files = filesOf(req.body.attachment);
      const errors: FieldErrors = attachmentError(req, files);
      if (!message.trim() || message.length > MAX_TEXT)
        errors.unshift({
          field: 'message',
          message: req.t(message.trim() ? 'integrity.error.tooLong' : 'integrity.error.message'),
        });
      if (errors.length) return showReport(req, reply, s, { errors }, 400);
      await reporterMessage(db, s.channel.organisationId, s.opened, message, opts, files);
      return showReport(req, reply, s, { sent: true });
    },
  );

  r.post(
    '/integriteit/:code/ondertekenen',
    { config: receiptRoute, schema: { params, body: form } },
    async (req, reply) => {
      const s = await withReceipt(req, reply);
      if (!s) return reply;
      const signature = formString(req.body.signature);
      if (!signature.trim() || signature.length > MAX_SHORT)
        return showReport(
          req,
          reply,
          s,
          { errors: [{ field: 'signature', message: req.t('integrity.oral.error.signature') }] },
          400,
        );
      await signOralRecord(db, s.channel.organisationId, s.opened, signature, opts);
      return showReport(req, reply, s, {});
    },
  );

  r.post(
    '/integriteit/:code/bijlage',
    { config: receiptRoute, schema: { params, body: form } },
    async (req, reply) => {
      const s = await withReceipt(req, reply);
      if (!s) return reply;
      const id = z.uuid().safeParse(formString(req.body.attachment));
      if (!id.success)
        throw new AppError('not-found', {
          detail: { nl: 'Deze bijlage bestaat niet (meer).', en: 'no such attachment' },
        });
      return sendAttachment(
        reply,
        await readAttachment(db, s.opened.reportId, s.opened.reportKey, id.data, true),
      );
    },
  );
};

export default routes;
