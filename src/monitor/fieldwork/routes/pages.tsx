/** The wave pages: /waves… (list, new, overview, frame, mail texts, monitoring). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../platform/access/policy.js';
import { renderChart } from '../../../platform/charts/render.js';
import { AppError } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import { sendPage } from '../../../platform/ui/render.js';
import { clearFrame, frameCounts, importFrame, listFrameImports } from '../frame-service.js';
import { countPendingInvitations, previewWaveMail } from '../invitations.js';
import type { Wave, WaveMailTemplates, WavePrivacy } from '../model.js';
import { responseRates } from '../monitoring.js';
import { isUpload, type MultipartBody } from '../multipart.js';
import { previewMinutes, publishedVersions } from '../questionnaire-link.js';
import { responseOverTime } from '../response-days.js';
import { undeliveredList } from '../undelivered.js';
import { responseDaysChart } from '../views/response-days.js';
import { privacyFields } from '../views/waves.js';
import {
  framePage,
  mailPage,
  monitoringPage,
  type WaveFormValues,
  waveNewPage,
  waveOverviewPage,
  wavesListPage,
} from '../views.js';
import {
  createWave,
  getWave,
  listWaves,
  setWaveQuestionnaire,
  templatesOf,
  transitionWave,
  updateWave,
  waveQuestionnairesOf,
} from '../waves-service.js';
import { actor, FRAME_BODY_LIMIT, manage, monitor, pageQuery, read, waveParams } from './common.js';
import { formErrors, mailFieldOf, orNull, parseDays, str, waveFieldOf } from './form.js';
import { sending } from './sending.js';

export function wavePageRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const db = database.db;
  const { startInvitations, startReminders } = sending(app);
  const noticeText = (req: FastifyRequest, notice: string | undefined, count?: string, deferred?: string) => {
    if (!notice || !/^[a-zA-Z]+$/.test(notice)) return undefined;
    const key = `wave.notice.${notice}` as MessageKey;
    const text = req.t(key, { count: Number(count ?? 0) });
    if (text === key) return undefined;
    // A reminder round that left cells out says so (./../reminder-gate.ts).
    const held = Number(deferred ?? 0);
    return held > 0 ? `${text} ${req.t('wave.notice.deferred', { count: held })}` : text;
  };

  r.get('/waves', { config: { access: monitor }, schema: { querystring: pageQuery } }, async (req, reply) =>
    sendPage(reply, wavesListPage(req.page(reply), await listWaves(db))),
  );

  r.get(
    '/waves/new',
    { config: { access: manage }, schema: { querystring: pageQuery } },
    async (req, reply) => sendPage(reply, waveNewPage(req.page(reply))),
  );

  const waveForm = (body: Record<string, unknown>) => {
    const values: WaveFormValues = {
      code: str(body.code),
      name: str(body.name),
      anonymity: str(body.anonymity) || undefined,
      fieldworkStart: str(body.fieldworkStart),
      fieldworkEnd: str(body.fieldworkEnd),
      reminderDays: str(body.reminderDays),
      ...Object.fromEntries(privacyFields.map((f) => [`privacy${f}`, str(body[`privacy${f}`])])),
    };
    return values;
  };

  /** The privacy fields of the form as the wave's setting; empty fields are left out. */
  const privacyOf = (values: WaveFormValues): WavePrivacy =>
    Object.fromEntries(
      privacyFields.flatMap((f) => {
        const v = values[`privacy${f}`]?.trim();
        return v ? [[f[0]!.toLowerCase() + f.slice(1), v]] : [];
      }),
    );

  /** The reminder days typed in the form ("7, 14"), or a validation error on that field. */
  const reminderDaysOf = (values: WaveFormValues): number[] => {
    const days = parseDays(values.reminderDays);
    if (!days)
      throw new AppError('validation', {
        invalidParams: [
          {
            name: 'reminderDays',
            code: 'invalid',
            reason: {
              nl: 'Vul hele dagen in, gescheiden door komma’s, bijvoorbeeld 7, 14.',
              en: 'enter whole days separated by commas, e.g. 7, 14',
            },
          },
        ],
      });
    return days;
  };

  r.post(
    '/waves',
    { config: { access: manage }, schema: { body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const values = waveForm(req.body);
      try {
        const days = reminderDaysOf(values);
        const wave = await createWave(
          db,
          {
            code: values.code ?? '',
            name: values.name ?? '',
            anonymity: (values.anonymity as 'anonymous') ?? 'anonymous',
            fieldworkStart: orNull(values.fieldworkStart),
            fieldworkEnd: orNull(values.fieldworkEnd),
            reminderDays: days,
            privacy: privacyOf(values),
          },
          actor(req),
        );
        return reply.redirect(`/waves/${wave.id}?notice=created`, 303);
      } catch (err) {
        const errors = formErrors(req, err, waveFieldOf);
        return sendPage(reply, waveNewPage(req.page(reply), values, errors), 400);
      }
    },
  );

  const overview = async (
    req: FastifyRequest,
    reply: FastifyReply,
    waveId: string,
    extra: {
      notice?: string;
      errors?: Array<{ field: string; message: string }>;
      values?: WaveFormValues;
    } = {},
    status = 200,
  ) => {
    const wave = await getWave(db, waveId);
    return sendPage(
      reply,
      waveOverviewPage(req.page(reply), {
        wave,
        questionnaires: await waveQuestionnairesOf(db, wave.id),
        versions: await publishedVersions(db),
        counts: await frameCounts(db, wave.id),
        pending: wave.status === 'open' ? await countPendingInvitations(db, wave.id) : 0,
        ...extra,
      }),
      status,
    );
  };

  r.get(
    '/waves/:waveId',
    {
      config: { access: read },
      schema: {
        params: waveParams,
        querystring: pageQuery.extend({
          count: z.string().max(12).optional(),
          deferred: z.string().max(12).optional(),
        }),
      },
    },
    async (req, reply) =>
      overview(req, reply, req.params.waveId, {
        notice: noticeText(req, req.query.notice, req.query.count, req.query.deferred),
      }),
  );

  r.post(
    '/waves/:waveId',
    { config: { access: manage }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const values = waveForm(req.body);
      try {
        const days = reminderDaysOf(values);
        const wave = await getWave(db, req.params.waveId);
        await updateWave(
          db,
          wave.id,
          {
            name: values.name ?? '',
            ...(values.anonymity && wave.status === 'draft'
              ? { anonymity: values.anonymity as 'anonymous' }
              : {}),
            fieldworkStart: orNull(values.fieldworkStart),
            fieldworkEnd: orNull(values.fieldworkEnd),
            reminderDays: days,
            privacy: privacyOf(values),
          },
          actor(req),
        );
        return reply.redirect(`/waves/${wave.id}?notice=saved`, 303);
      } catch (err) {
        const errors = formErrors(req, err, waveFieldOf);
        return overview(req, reply, req.params.waveId, { errors, values }, 400);
      }
    },
  );

  r.post(
    '/waves/:waveId/questionnaires',
    { config: { access: manage }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      try {
        await setWaveQuestionnaire(
          db,
          req.params.waveId,
          str(req.body.targetGroup),
          orNull(req.body.questionnaireVersionId),
          actor(req),
        );
        return reply.redirect(`/waves/${req.params.waveId}?notice=questionnaire`, 303);
      } catch (err) {
        const errors = formErrors(req, err, (n) => (n === 'anonymity' ? 'questionnaireVersionId' : n));
        return overview(req, reply, req.params.waveId, { errors }, 400);
      }
    },
  );

  /**
   * A button on the wave overview: run it, then back to the overview with a notice; a conflict
   * (e.g. the wave is not open) is shown on the overview next to the actions.
   */
  const waveAction = async (
    req: FastifyRequest<{ Params: { waveId: string } }>,
    reply: FastifyReply,
    run: () => Promise<string>,
  ) => {
    try {
      const notice = await run();
      return reply.redirect(`/waves/${req.params.waveId}?notice=${notice}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
      return overview(
        req,
        reply,
        req.params.waveId,
        { errors: [{ field: 'actions-title', message: err.detailIn(req.lang) ?? err.title(req.lang) }] },
        409,
      );
    }
  };

  for (const transition of ['open', 'close', 'reopen', 'archive'] as const) {
    r.post(
      `/waves/:waveId/${transition}`,
      { config: { access: manage }, schema: { params: waveParams } },
      (req, reply) =>
        waveAction(req, reply, async () => {
          await transitionWave(db, req.params.waveId, transition, actor(req));
          return transition;
        }),
    );
  }

  r.post(
    '/waves/:waveId/invitations',
    { config: { access: manage }, schema: { params: waveParams } },
    (req, reply) =>
      waveAction(req, reply, async () => {
        const res = await startInvitations(req.params.waveId, req);
        return `${res.jobId ? 'invitedJob' : 'invited'}&count=${res.queued}`;
      }),
  );

  r.post(
    '/waves/:waveId/reminders',
    { config: { access: manage }, schema: { params: waveParams } },
    (req, reply) =>
      waveAction(req, reply, async () => {
        const res = await startReminders(req.params.waveId, req);
        return `${res.jobId ? 'remindedJob' : 'reminded'}&count=${res.queued}&deferred=${res.deferred}`;
      }),
  );

  const frameView = async (
    req: FastifyRequest,
    reply: FastifyReply,
    waveId: string,
    extra: Partial<Parameters<typeof framePage>[1]> = {},
    status = 200,
  ) => {
    const wave = await getWave(db, waveId);
    return sendPage(
      reply,
      framePage(req.page(reply), {
        wave,
        counts: await frameCounts(db, wave.id),
        imports: await listFrameImports(db, wave.id),
        ...extra,
      }),
      status,
    );
  };

  /** The frame page with a message at the file field. */
  const frameError = (
    req: FastifyRequest<{ Params: { waveId: string } }>,
    reply: FastifyReply,
    message: string,
    status: number,
  ) => frameView(req, reply, req.params.waveId, { errors: [{ field: 'file', message }] }, status);

  r.get(
    '/waves/:waveId/frame',
    { config: { access: read }, schema: { params: waveParams, querystring: pageQuery } },
    async (req, reply) => frameView(req, reply, req.params.waveId),
  );

  r.post(
    '/waves/:waveId/frame',
    { config: { access: manage, upload: true }, bodyLimit: FRAME_BODY_LIMIT, schema: { params: waveParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as MultipartBody;
      const file = body.file;
      if (!isUpload(file) || file.data.length === 0) {
        return frameError(req, reply, req.t('wave.error.noFile'), 400);
      }
      try {
        const report = await importFrame(
          db,
          req.params.waveId,
          {
            fileName: file.filename || 'frame.csv',
            data: file.data,
            targetGroup: typeof body.targetGroup === 'string' ? body.targetGroup : 'office_holders',
            mode: body.mode === 'valid' ? 'valid' : 'all',
          },
          actor(req),
        );
        return frameView(req, reply, req.params.waveId, { report }, report.written ? 200 : 422);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'invalid-file' || err.code === 'file-too-large')) {
          const where = err.location
            ? `${err.location.file}:${err.location.line ?? ''}${err.location.column ? `:${err.location.column}` : ''}: `
            : '';
          return frameError(req, reply, `${where}${err.detailIn(req.lang) ?? err.title(req.lang)}`, 400);
        }
        if (err instanceof AppError && err.code === 'conflict') {
          return frameError(req, reply, err.detailIn(req.lang) ?? err.title(req.lang), 409);
        }
        throw err;
      }
    },
  );

  r.post(
    '/waves/:waveId/frame/clear',
    { config: { access: manage }, schema: { params: waveParams } },
    async (req, reply) => {
      try {
        await clearFrame(db, req.params.waveId, actor(req));
        return reply.redirect(`/waves/${req.params.waveId}/frame`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
        return frameError(req, reply, err.detailIn(req.lang) ?? err.title(req.lang), 409);
      }
    },
  );

  const mailView = async (
    req: FastifyRequest,
    reply: FastifyReply,
    wave: Wave,
    extra: {
      templates?: WaveMailTemplates;
      errors?: Array<{ field: string; message: string }>;
      notice?: string;
    } = {},
    status = 200,
  ) => {
    const kinds = ['invitation', 'reminder'] as const;
    const minutes = await previewMinutes(db, wave.id);
    const previews = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        Object.fromEntries(
          (['nl', 'en'] as const).map((lang) => [lang, previewWaveMail(wave, kind, lang, config, minutes)]),
        ),
      ]),
    ) as any;
    return sendPage(
      reply,
      mailPage(req.page(reply), {
        wave,
        templates: extra.templates ?? templatesOf(wave),
        previews,
        errors: extra.errors,
        notice: extra.notice,
      }),
      status,
    );
  };

  r.get(
    '/waves/:waveId/mail',
    { config: { access: read }, schema: { params: waveParams, querystring: pageQuery } },
    async (req, reply) =>
      mailView(req, reply, await getWave(db, req.params.waveId), {
        notice: noticeText(req, req.query.notice),
      }),
  );

  r.post(
    '/waves/:waveId/mail',
    { config: { access: manage }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const wave = await getWave(db, req.params.waveId);
      const b = req.body;
      const part = (kind: string, lang: string) => ({
        subject: str(b[`${kind}-${lang}-subject`]),
        body: str(b[`${kind}-${lang}-body`]).replace(/\r\n/g, '\n'),
      });
      const templates: WaveMailTemplates = {
        invitation: { nl: part('invitation', 'nl'), en: part('invitation', 'en') },
        reminder: { nl: part('reminder', 'nl'), en: part('reminder', 'en') },
      };
      try {
        await updateWave(db, wave.id, { mailTemplates: templates }, actor(req));
        return reply.redirect(`/waves/${wave.id}/mail?notice=mailSaved`, 303);
      } catch (err) {
        const errors = formErrors(req, err, mailFieldOf);
        return mailView(req, reply, wave, { templates, errors }, 400);
      }
    },
  );

  r.get(
    '/waves/:waveId/monitoring',
    { config: { access: monitor }, schema: { params: waveParams, querystring: pageQuery } },
    async (req, reply) => {
      const wave = await getWave(db, req.params.waveId);
      const ctx = req.page(reply);
      // Names and addresses: for those who may export the non-respondents too.
      const undelivered =
        ctx.principal && can(ctx.principal, 'wave.manage') ? await undeliveredList(db, wave.id) : undefined;
      const over = await responseOverTime(db, wave.id);
      const input = responseDaysChart(ctx, over);
      const chart = input
        ? await renderChart(input, ctx.lang, (err) =>
            req.log.warn({ err: err.message }, 'response chart not drawn'),
          )
        : undefined;
      return sendPage(
        reply,
        monitoringPage(ctx, wave, await responseRates(db, wave.id), undelivered, {
          chart,
          dayKind: over.dayKind,
        }),
      );
    },
  );
}
