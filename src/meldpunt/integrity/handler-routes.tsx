/**
 * The integrity officer's side: /integrity/<organisation id>. The policy admits integrity officers of
 * that organisation; reading content takes more: the officer's own key, unlocked in this session.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/auth/actor.js';
import { formString } from '../../platform/auth/form-errors.js';
import { AppError } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import { getOrganisation } from '../../platform/orgs/service.js';
import { sendPage } from '../../platform/ui/render.js';
import { readAttachment } from './attachments.js';
import { addNote, moveReport, recuse } from './history-service.js';
import { findChannel } from './keys-service.js';
import type { ReportState } from './model.js';
import { MAX_TEXT } from './model.js';
import { optionsFor } from './options.js';
import { reviseOralRecord } from './oral-service.js';
import { registerCsv } from './register-export.js';
import { reportPageRenderer } from './report-page.js';
import {
  acknowledge,
  handlerMessage,
  handlerView,
  listRegister,
  reportKeyFor,
  revealIdentity,
} from './reports-service.js';
import {
  attachmentParams,
  form,
  handleAccess,
  keyFor as keyForSession,
  orgParams,
  readAccess,
  reportParams,
  requireKey as requireUnlockedKey,
  sendAttachment,
} from './route-support.js';
import { dashboardPage } from './views/handler-pages.js';

const recordError = (req: FastifyRequest, what: string) => ({
  field: 'what',
  message: req.t(what.trim() ? 'integrity.error.tooLong' : 'integrity.error.what'),
});

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);
  const read = readAccess;
  const handle = handleAccess;
  const keyFor = (req: FastifyRequest, organisationId: string) => keyForSession(db, req, organisationId);
  const requireKey = (req: FastifyRequest, organisationId: string) =>
    requireUnlockedKey(db, req, organisationId);

  // The navigation's entry: the dashboard of the (first) organisation whose reports this person handles.
  const firstOrg = (req: FastifyRequest) =>
    req.principal
      ? [...req.principal.memberships.keys()].find((o) => can(req.principal, 'integrity.read', o))
      : undefined;
  r.get(
    '/integrity',
    { config: { access: { action: 'integrity.read', org: firstOrg } } },
    async (req, reply) => reply.redirect(`/integrity/${firstOrg(req)}`),
  );

  r.get('/integrity/:orgId', { config: read, schema: { params: orgParams } }, async (req, reply) => {
    const org = await getOrganisation(db, req.params.orgId);
    const lines = await listRegister(db, org.id, opts);
    const unlocked = (await keyFor(req, org.id)) !== undefined;
    const retentionMonths = (await findChannel(db, org.id))?.retentionMonths;
    const publicUrl = `${config.PUBLIC_URL ?? ''}/integriteit/${org.code}`;
    return sendPage(
      reply,
      dashboardPage(req.page(reply), {
        orgId: org.id,
        organisation: org.name,
        publicUrl,
        unlocked,
        lines,
        retentionMonths,
      }),
    );
  });

  r.get(
    '/integrity/:orgId/register.csv',
    { config: read, schema: { params: orgParams } },
    async (req, reply) => {
      const org = await getOrganisation(db, req.params.orgId);
      const lines = await listRegister(db, org.id, opts);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="integriteit-register-${org.code}.csv"`)
        .send(registerCsv(lines));
    },
  );

  const showReport = reportPageRenderer(db, opts);

  r.get(
    '/integrity/:orgId/reports/:reportId',
    { config: read, schema: { params: reportParams } },
    async (req, reply) =>
      showReport(req, reply, req.params.orgId, req.params.reportId, {
        notice:
          (req.query as { withdrawn?: string }).withdrawn === '1'
            ? req.t('integrity.grant.withdrawn')
            : undefined,
      }),
  );

  r.get(
    '/integrity/:orgId/reports/:reportId/attachments/:attachmentId',
    { config: read, schema: { params: attachmentParams } },
    async (req, reply) => {
      const key = await requireKey(req, req.params.orgId);
      const reportKey = await reportKeyFor(db, key, req.params.reportId);
      const file = await readAttachment(db, req.params.reportId, reportKey, req.params.attachmentId);
      return sendAttachment(reply, file);
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/record',
    { config: handle, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(req, orgId);
      const [what, involved, when] = ['what', 'involved', 'when'].map((f) => formString(req.body[f]));
      if (!what!.trim() || what!.length > MAX_TEXT || involved!.length > MAX_TEXT || when!.length > 500)
        return showReport(req, reply, orgId, reportId, { errors: [recordError(req, what!)] }, 400);
      const medium = (await handlerView(db, key, reportId, opts)).content?.medium;
      await reviseOralRecord(
        db,
        actorOf(req.principal!),
        key,
        reportId,
        {
          what: what!,
          involved: involved!,
          when: when!,
          medium,
        },
        opts,
      );
      return showReport(req, reply, orgId, reportId, { notice: req.t('integrity.oral.revised') });
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/identity',
    { config: handle, schema: { params: reportParams } },
    async (req, reply) => {
      const key = await requireKey(req, req.params.orgId);
      const identity = await revealIdentity(db, actorOf(req.principal!), key, req.params.reportId);
      return showReport(req, reply, req.params.orgId, req.params.reportId, { identity });
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/acknowledge',
    { config: handle, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const key = await requireKey(req, req.params.orgId);
      const message = formString(req.body.ackMessage).slice(0, MAX_TEXT);
      await acknowledge(db, actorOf(req.principal!), key, req.params.reportId, message, opts);
      return showReport(req, reply, req.params.orgId, req.params.reportId, {
        notice: req.t('integrity.acknowledged'),
      });
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/messages',
    { config: handle, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const key = await requireKey(req, req.params.orgId);
      const message = formString(req.body.message);
      if (!message.trim() || message.length > MAX_TEXT)
        return showReport(
          req,
          reply,
          req.params.orgId,
          req.params.reportId,
          {
            errors: [
              {
                field: 'message',
                message: req.t(message.trim() ? 'integrity.error.tooLong' : 'integrity.error.message'),
              },
            ],
          },
          400,
        );
      await handlerMessage(
        db,
        actorOf(req.principal!),
        key,
        req.params.reportId,
        message,
        formString(req.body.feedback) === 'yes',
        opts,
      );
      return showReport(req, reply, req.params.orgId, req.params.reportId, {
        notice: req.t('integrity.sent'),
      });
    },
  );

  /** Validation errors of the workflow forms become messages next to their fields. */
  async function orStepError(
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    reportId: string,
    field: string,
    action: () => Promise<unknown>,
  ) {
    try {
      await action();
      return undefined;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      return showReport(
        req,
        reply,
        orgId,
        reportId,
        {
          errors: [
            { field, message: req.t(field === 'note' ? 'integrity.error.message' : 'integrity.error.step') },
          ],
        },
        400,
      );
    }
  }

  r.post(
    '/integrity/:orgId/reports/:reportId/move',
    { config: handle, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(req, orgId);
      const to = formString(req.body.to) as ReportState;
      const failed = await orStepError(req, reply, orgId, reportId, 'to', () =>
        moveReport(
          db,
          actorOf(req.principal!),
          key,
          reportId,
          {
            to,
            note: formString(req.body.stepNote).slice(0, MAX_TEXT),
            outcome: formString(req.body.outcome),
          },
          opts,
        ),
      );
      return (
        failed ??
        showReport(req, reply, orgId, reportId, {
          notice: req.t('integrity.moved', { state: req.t(`integrity.stateName.${to}` as MessageKey) }),
        })
      );
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/notes',
    { config: handle, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(req, orgId);
      const failed = await orStepError(req, reply, orgId, reportId, 'note', () =>
        addNote(
          db,
          actorOf(req.principal!),
          key,
          reportId,
          formString(req.body.note).slice(0, MAX_TEXT),
          opts,
        ),
      );
      return failed ?? showReport(req, reply, orgId, reportId, { notice: req.t('integrity.noteAdded') });
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/recuse',
    { config: handle, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(req, orgId);
      const target = formString(req.body.keyId);
      const { escalatedTo } = await recuse(
        db,
        actorOf(req.principal!),
        key,
        reportId,
        target,
        formString(req.body.reason).slice(0, MAX_TEXT),
        opts,
      );
      if (target === key.keyId) return reply.redirect(`/integrity/${orgId}`, 303);
      return showReport(req, reply, orgId, reportId, {
        notice: req.t(escalatedTo.length ? 'integrity.recusedEscalated' : 'integrity.recused'),
      });
    },
  );
};

export default routes;
