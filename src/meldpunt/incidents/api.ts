/**
 * The incident API under /api/v1/incidents (issue 16, item 5): for a municipality's own systems. The
 * same service and access rules as the pages: the route checks the organisation, the service the
 * incident itself (others get 404). Errors are problem+json.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { isUuid } from '../../platform/uuid.js';
import {
  createBody,
  day,
  incidentOut,
  incidentParams,
  iso,
  listQuery,
  summaryOut,
  tags,
  taskOut,
  taskParams,
  toOut,
  userParams,
} from './api-schemas.js';
import { addTask, assign, changeState, completeTask, recordMeasure, recordReferral } from './follow-up.js';
import {
  type channels,
  followUpStates,
  type forms,
  type incidentStates,
  measureKinds,
  type roles,
  type severities,
} from './model.js';
import { incidentOrg as incidentOrgOf } from './route-support.js';
import { listIncidents, saveDraft, submitReport, viewIncident } from './service.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = (): Db => app.deps.database.db;
  const incidentOrg = (req: FastifyRequest) => incidentOrgOf(db(), req);
  const bodyOrg = (req: FastifyRequest) => {
    const org = (req.body as { organisationId?: unknown } | undefined)?.organisationId;
    return isUuid(org) ? org : undefined;
  };
  const queryOrg = (req: FastifyRequest) => {
    const org = (req.query as { organisationId?: unknown } | undefined)?.organisationId;
    return isUuid(org) ? org : undefined;
  };
  const current = async (req: FastifyRequest, id: string) =>
    toOut(await viewIncident(db(), req.principal, id));

  r.get(
    '/api/v1/incidents',
    {
      config: { access: { action: 'incident.list', org: queryOrg } },
      schema: {
        tags,
        summary:
          "An organisation's submitted incidents (all for its coordinator, the assigned ones for a case handler)",
        querystring: listQuery,
        response: {
          200: z.object({
            items: z.array(summaryOut),
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const result = await listIncidents(db(), req.principal!, {
        organisationId: q.organisationId,
        state: q.state,
        form: q.form,
        severity: q.severity,
        overdue: q.overdue === 'true',
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return {
        items: result.items.map((i) => ({
          ...i,
          state: i.state as (typeof incidentStates)[number],
          forms: i.forms as (typeof forms)[number][],
          severity: i.severity as (typeof severities)[number] | null,
          concernedRole: i.concernedRole as (typeof roles)[number] | null,
          channel: i.channel as (typeof channels)[number] | null,
          submittedAt: iso(i.submittedAt),
        })),
        page: q.page,
        pageSize: q.pageSize,
        total: result.total,
      };
    },
  );

  r.post(
    '/api/v1/incidents',
    {
      config: { access: { action: 'incident.report', org: bodyOrg } },
      schema: {
        tags,
        summary: 'Report an incident (or save a draft); acknowledged only after it is stored',
        body: createBody,
        response: { 201: incidentOut },
      },
    },
    async (req, reply) => {
      const { organisationId, draft, ...input } = req.body;
      const id = draft
        ? await saveDraft(db(), req.principal!, { organisationId }, input)
        : (await submitReport(db(), req.principal!, { organisationId }, input)).id;
      return reply
        .code(201)
        .header('location', `/api/v1/incidents/${id}`)
        .send(await current(req, id));
    },
  );

  r.get(
    '/api/v1/incidents/:incidentId',
    {
      config: { access: { action: 'incident.read', org: incidentOrg } },
      schema: {
        tags,
        summary: 'One incident (the read is audited)',
        params: incidentParams,
        response: { 200: incidentOut },
      },
    },
    async (req) => current(req, req.params.incidentId),
  );

  r.post(
    '/api/v1/incidents/:incidentId/state-changes',
    {
      config: { access: { action: 'incident.handle', org: incidentOrg } },
      schema: {
        tags,
        summary:
          'Move the incident to another state (gemeld → in_behandeling → maatregelen → afgesloten; reopen)',
        params: incidentParams,
        body: z.strictObject({ state: z.enum(followUpStates), note: z.string().max(2000).optional() }),
        response: { 201: incidentOut },
      },
    },
    async (req, reply) => {
      await changeState(db(), req.principal!, req.params.incidentId, req.body.state, req.body.note);
      return reply.code(201).send(await current(req, req.params.incidentId));
    },
  );

  r.post(
    '/api/v1/incidents/:incidentId/assignees',
    {
      config: { access: { action: 'incident.assign', org: incidentOrg } },
      schema: {
        tags,
        summary: 'Assign a case handler of the organisation',
        params: incidentParams,
        body: z.strictObject({ userId: z.uuid() }),
        response: { 201: incidentOut },
      },
    },
    async (req, reply) => {
      await assign(db(), req.principal!, req.params.incidentId, req.body.userId, true);
      return reply.code(201).send(await current(req, req.params.incidentId));
    },
  );

  r.delete(
    '/api/v1/incidents/:incidentId/assignees/:userId',
    {
      config: { access: { action: 'incident.assign', org: incidentOrg } },
      schema: {
        tags,
        summary: 'Unassign a case handler',
        params: userParams,
        response: { 200: incidentOut },
      },
    },
    async (req) => {
      await assign(db(), req.principal!, req.params.incidentId, req.params.userId, false);
      return current(req, req.params.incidentId);
    },
  );

  r.post(
    '/api/v1/incidents/:incidentId/tasks',
    {
      config: { access: { action: 'incident.handle', org: incidentOrg } },
      schema: {
        tags,
        summary: 'Add a task with a due date',
        params: incidentParams,
        body: z.strictObject({ title: z.string().trim().min(1).max(500), dueOn: day }),
        response: { 201: taskOut },
      },
    },
    async (req, reply) => {
      const t = await addTask(db(), req.principal!, req.params.incidentId, req.body);
      return reply
        .code(201)
        .send({ id: t.id, kind: 'other' as const, title: t.title, dueOn: t.dueOn, doneAt: null });
    },
  );

  r.post(
    '/api/v1/incidents/:incidentId/tasks/:taskId/completion',
    {
      config: { access: { action: 'incident.handle', org: incidentOrg } },
      schema: { tags, summary: 'Mark an open task done', params: taskParams, response: { 201: incidentOut } },
    },
    async (req, reply) => {
      await completeTask(db(), req.principal!, req.params.incidentId, req.params.taskId);
      return reply.code(201).send(await current(req, req.params.incidentId));
    },
  );

  r.post(
    '/api/v1/incidents/:incidentId/measures',
    {
      config: { access: { action: 'incident.handle', org: incidentOrg } },
      schema: {
        tags,
        summary:
          'Record a measure (talk, warning letter, building ban, police report, damages, home security)',
        params: incidentParams,
        body: z.strictObject({
          kind: z.enum(measureKinds),
          decidedOn: day,
          note: z.string().max(2000).optional(),
        }),
        response: { 201: incidentOut },
      },
    },
    async (req, reply) => {
      await recordMeasure(db(), req.principal!, req.params.incidentId, req.body);
      return reply.code(201).send(await current(req, req.params.incidentId));
    },
  );

  r.put(
    '/api/v1/incidents/:incidentId/referral',
    {
      config: { access: { action: 'incident.handle', org: incidentOrg } },
      schema: {
        tags,
        summary:
          "Record the referral to the Ondersteuningsteam Weerbaar Bestuur, with the date of the person's consent",
        params: incidentParams,
        body: z.strictObject({ consentOn: day, referredOn: day }),
        response: { 200: incidentOut },
      },
    },
    async (req) => {
      await recordReferral(db(), req.principal!, req.params.incidentId, req.body);
      return current(req, req.params.incidentId);
    },
  );
};
export default routes;
