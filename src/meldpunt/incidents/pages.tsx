/**
 * The Meldpunt pages (issue 16): the start page, the report form (draft and send), the follow-up list
 * and the incident page with its follow-up forms. Server-rendered; every form works without JavaScript.
 * The route checks the organisation (access policy); the service checks the incident itself.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type Principal } from '../../platform/access/policy.js';
import { organisationsByIds } from '../../platform/auth/organisations.js';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { MessageKey, Translate } from '../../platform/i18n/catalogue.js';
import { sendPage } from '../../platform/ui/render.js';
import { isUuid } from '../../platform/uuid.js';
import { concernedContactOf, listContacts } from './contacts.js';
import { listEvidence } from './evidence.js';
import {
  addTask,
  assign,
  caseHandlersOf,
  changeState,
  completeTask,
  recordMeasure,
  recordReferral,
} from './follow-up.js';
import { followUpStates, forms, measureKinds, severities } from './model.js';
import { linkedIncidents } from './perpetrator-links.js';
import { checkReport, reportValues, valuesOfRow } from './report-form.js';
import { termsOf } from './repository.js';
import {
  incidentId,
  incidentOrg as incidentOrgOf,
  isDate,
  langQuery,
  orgName as orgNameOf,
  orgParam,
} from './route-support.js';
import { listIncidents, myReports, saveDraft, submitReport, viewIncident } from './service.js';
import { detailPage } from './views/detail-page.js';
import { homePage } from './views/home-page.js';
import { listPage } from './views/list-page.js';
import { reportFormPage } from './views/report-form.js';
import { dutchDate } from './working-days.js';

const blank = (v: unknown) => (v === '' ? undefined : v);
const listQuery = z.object({
  ...langQuery,
  state: z.preprocess(blank, z.enum(followUpStates).optional()).catch(undefined),
  form: z.preprocess(blank, z.enum(forms).optional()).catch(undefined),
  severity: z.preprocess(blank, z.enum(severities).optional()).catch(undefined),
  overdue: z.preprocess(blank, z.enum(['true']).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const detailQuery = z.object({
  ...langQuery,
  done: z.enum(['saved', 'submitted']).optional().catch(undefined),
});
const editQuery = z.object({ ...langQuery, saved: z.enum(['1']).optional().catch(undefined) });
const PAGE_SIZE = 25;

/** One string per field of a small follow-up form. */
function fields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      const s = Array.isArray(v) ? v[0] : v;
      if (typeof s === 'string' && k !== '_csrf') out[k] = s;
    }
  }
  return out;
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = (): Db => app.deps.database.db;
  const incidentOrg = (req: FastifyRequest) => incidentOrgOf(db(), req);
  const orgName = (id: string) => orgNameOf(db(), id);
  const seeOther = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

  r.get(
    '/meldpunt',
    { config: { access: { action: 'incident.start' } }, schema: { querystring: z.object(langQuery) } },
    async (req, reply) => {
      const p = req.principal!;
      const orgIds = [...p.memberships.keys()];
      const names = await organisationsByIds(db(), orgIds);
      const pick = (action: 'incident.report' | 'incident.list' | 'incident.contacts') =>
        orgIds
          .filter((o) => can(p, action, o) && names.has(o))
          .map((o) => names.get(o)!)
          .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const mine = await myReports(db(), p);
      return sendPage(
        reply,
        homePage(req.page(reply), {
          reportFor: pick('incident.report'),
          followUp: pick('incident.list'),
          contactsFor: pick('incident.contacts'),
          mine,
        }),
      );
    },
  );

  // --- Reporting -------------------------------------------------------------------------------

  r.get(
    '/organisations/:orgId/incidents/new',
    {
      config: { access: { action: 'incident.report', org: orgParam } },
      schema: { querystring: z.object(langQuery) },
    },
    async (req, reply) => {
      const org = await orgName(orgParam(req)!);
      return sendPage(reply, reportFormPage(req.page(reply), org, {}, [], {}));
    },
  );

  async function postReport(
    req: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    existing?: string,
  ) {
    const values = reportValues(req.body);
    const intent = (req.body as { intent?: unknown } | undefined)?.intent === 'draft' ? 'draft' : 'submit';
    const now = new Date();
    const checked = checkReport(req.t, values, intent === 'submit', dutchDate(now));
    const org = await orgName(organisationId);
    if (checked.errors.length || !checked.draft) {
      return sendPage(
        reply,
        reportFormPage(req.page(reply), org, values, checked.errors, { incidentId: existing }),
        400,
      );
    }
    const target = { organisationId, incidentId: existing };
    if (intent === 'draft') {
      const id = await saveDraft(db(), req.principal!, target, checked.draft);
      return seeOther(reply, `/incidents/${id}/edit?saved=1`);
    }
    // Acknowledged only after the transaction has committed (submitReport resolves after the commit).
    const { id } = await submitReport(db(), req.principal!, target, checked.draft, now);
    return seeOther(reply, `/incidents/${id}?done=submitted`);
  }

  r.post(
    '/organisations/:orgId/incidents/new',
    { config: { access: { action: 'incident.report', org: orgParam } } },
    async (req, reply) => postReport(req, reply, orgParam(req)!),
  );

  r.get(
    '/incidents/:incidentId/edit',
    {
      config: { access: { action: 'incident.report', org: incidentOrg } },
      schema: { querystring: editQuery },
    },
    async (req, reply) => {
      const v = await viewIncident(db(), req.principal, incidentId(req));
      if (!v.mayEdit) return seeOther(reply, `/incidents/${v.incident.id}`);
      const org = await orgName(v.incident.organisationId);
      const values = valuesOfRow(v.incident, v.perpetratorName);
      return sendPage(
        reply,
        reportFormPage(req.page(reply), org, values, [], {
          incidentId: v.incident.id,
          saved: req.query.saved === '1',
        }),
      );
    },
  );

  r.post(
    '/incidents/:incidentId/edit',
    { config: { access: { action: 'incident.report', org: incidentOrg } } },
    async (req, reply) => {
      const org = await incidentOrg(req);
      if (!org) throw new AppError('not-found');
      return postReport(req, reply, org, incidentId(req));
    },
  );

  // --- Follow-up -------------------------------------------------------------------------------

  r.get(
    '/organisations/:orgId/incidents',
    { config: { access: { action: 'incident.list', org: orgParam } }, schema: { querystring: listQuery } },
    async (req, reply) => {
      const organisationId = orgParam(req)!;
      const org = await orgName(organisationId);
      const q = req.query;
      const filter = {
        state: q.state,
        form: q.form,
        severity: q.severity,
        overdue: q.overdue === 'true',
        page: q.page,
        pageSize: PAGE_SIZE,
      };
      const result = await listIncidents(db(), req.principal!, {
        organisationId,
        state: q.state,
        form: q.form,
        severity: q.severity,
        overdue: filter.overdue,
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
      });
      const coordinator = req.principal!.memberships.get(organisationId)?.has('coordinator') ?? false;
      return sendPage(reply, listPage(req.page(reply), org, filter, result, coordinator));
    },
  );

  async function renderDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: 'saved' | 'submitted'; errors?: FieldErrors; values?: Record<string, string> } = {},
  ) {
    const v = await viewIncident(db(), req.principal, id);
    const handlers = v.mayAssign ? await caseHandlersOf(db(), v.incident.organisationId) : [];
    const names = new Map(handlers.map((h) => [h.id, h.displayName]));
    if (v.mayHandle && v.parties.assignees.some((a) => !names.has(a))) {
      for (const h of await caseHandlersOf(db(), v.incident.organisationId)) names.set(h.id, h.displayName);
    }
    const terms = await termsOf(db(), v.incident.organisationId);
    const concerned =
      v.mayAssign && can(req.principal, 'incident.contacts', v.incident.organisationId)
        ? {
            contacts: await listContacts(db(), req.principal!, v.incident.organisationId),
            current: await concernedContactOf(db(), v.incident.id),
          }
        : undefined;
    return sendPage(
      reply,
      detailPage(req.page(reply), v, {
        handlers: handlers.filter((h) => !v.parties.assignees.includes(h.id)),
        names,
        today: dutchDate(new Date()),
        notice: extra.notice,
        firstContactDays: terms.firstContactWorkingDays,
        errors: extra.errors ?? [],
        values: extra.values ?? {},
        concerned,
        evidence: await listEvidence(db(), req.principal!, v.incident.id),
        linked:
          v.mayAssign && !v.perpetratorNameHidden
            ? await linkedIncidents(db(), app.deps.config, req.principal!, v.incident.id)
            : undefined,
      }),
      extra.errors?.length ? 400 : 200,
    );
  }

  r.get(
    '/incidents/:incidentId',
    {
      config: { access: { action: 'incident.read', org: incidentOrg } },
      schema: { querystring: detailQuery },
    },
    async (req, reply) => renderDetail(req, reply, incidentId(req), { notice: req.query.done }),
  );

  /** A follow-up form post: checks, the change, then back to the incident (or the page with the problems). */
  function followUp(
    path: string,
    action: 'incident.handle' | 'incident.assign',
    run: (
      who: { p: Principal; t: Translate },
      id: string,
      f: Record<string, string>,
      params: Record<string, string>,
    ) => Promise<FieldErrors | undefined>,
  ) {
    r.post(path, { config: { access: { action, org: incidentOrg } } }, async (req, reply) => {
      const id = incidentId(req);
      const f = fields(req.body);
      let errors: FieldErrors | undefined;
      try {
        errors = await run({ p: req.principal!, t: req.t }, id, f, req.params as Record<string, string>);
      } catch (err) {
        if (!(err instanceof AppError) || !['validation', 'conflict'].includes(err.code)) throw err;
        const field = err.localised.invalidParams[0]?.name ?? Object.keys(f)[0] ?? 'newState';
        errors = [
          {
            field: field === 'userId' ? 'userId' : field,
            message:
              err.detailIn(req.lang) ?? err.invalidParamsIn(req.lang)[0]?.reason ?? err.title(req.lang),
          },
        ];
      }
      if (errors?.length) return renderDetail(req, reply, id, { errors, values: f });
      return seeOther(reply, `/incidents/${id}?done=saved`);
    });
  }
  const err = (field: string, key: MessageKey, t: Translate) => [{ field, message: t(key) }];

  followUp('/incidents/:incidentId/state', 'incident.handle', async ({ p, t }, id, f) => {
    if (!(followUpStates as readonly string[]).includes(f.newState ?? ''))
      return err('newState', 'incidents.error.requiredChoice', t);
    if ((f.stateNote ?? '').length > 2000) return err('stateNote', 'incidents.error.tooLong', t);
    await changeState(db(), p, id, f.newState as (typeof followUpStates)[number], f.stateNote);
  });
  followUp('/incidents/:incidentId/assignees', 'incident.assign', async ({ p, t }, id, f) => {
    if (!isUuid(f.userId)) return err('userId', 'incidents.error.requiredChoice', t);
    await assign(db(), p, id, f.userId!, f.assigned !== 'false');
  });
  followUp('/incidents/:incidentId/tasks', 'incident.handle', async ({ p, t }, id, f) => {
    const errors: FieldErrors = [];
    const title = (f.taskTitle ?? '').trim();
    if (!title) errors.push(...err('taskTitle', 'incidents.error.required', t));
    else if (title.length > 500) errors.push(...err('taskTitle', 'incidents.error.tooLong', t));
    if (!isDate(f.taskDue)) errors.push(...err('taskDue', 'incidents.error.date', t));
    if (errors.length) return errors;
    await addTask(db(), p, id, { title, dueOn: f.taskDue! });
  });
  followUp('/incidents/:incidentId/tasks/:taskId/done', 'incident.handle', async ({ p }, id, _f, params) => {
    if (!isUuid(params.taskId)) throw new AppError('not-found');
    await completeTask(db(), p, id, params.taskId!);
  });
  followUp('/incidents/:incidentId/measures', 'incident.handle', async ({ p, t }, id, f) => {
    const errors: FieldErrors = [];
    if (!(measureKinds as readonly string[]).includes(f.measureKind ?? ''))
      errors.push(...err('measureKind', 'incidents.error.requiredChoice', t));
    if (!isDate(f.decidedOn)) errors.push(...err('decidedOn', 'incidents.error.date', t));
    if ((f.measureNote ?? '').length > 2000) errors.push(...err('measureNote', 'incidents.error.tooLong', t));
    if (errors.length) return errors;
    await recordMeasure(db(), p, id, { kind: f.measureKind!, decidedOn: f.decidedOn!, note: f.measureNote });
  });
  followUp('/incidents/:incidentId/referral', 'incident.handle', async ({ p, t }, id, f) => {
    const errors: FieldErrors = [];
    if (!isDate(f.consentOn)) errors.push(...err('consentOn', 'incidents.error.date', t));
    if (!isDate(f.referredOn)) errors.push(...err('referredOn', 'incidents.error.date', t));
    if (errors.length) return errors;
    await recordReferral(db(), p, id, { consentOn: f.consentOn!, referredOn: f.referredOn! });
  });
};
export default routes;
