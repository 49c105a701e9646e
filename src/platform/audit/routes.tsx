import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../access/policy.js';
import { sendPage } from '../ui/render.js';
import { namesFor } from './names.js';
import { listAudit } from './query.js';
import { auditPage } from './views/audit-page.js';
import { idsIn } from './views/readable.js';

const uuid = z.string().uuid();
/** Empty form fields arrive as ''; treat them as absent. */
const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const auditQuery = z
  .object({
    organisationId: opt(uuid).describe('only entries about this organisation'),
    action: opt(z.string().max(100)).describe('action prefix, e.g. `organisation.`'),
    resourceType: opt(z.string().max(100)),
    actor: opt(z.string().max(200)).describe('part of the actor label (e-mail, cli:command)'),
    from: opt(z.iso.date()),
    to: opt(z.iso.date()),
    before: z.coerce.number().int().positive().optional().describe('keyset paging: entries before this seq'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const auditEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    organisationId: z.string().nullable(),
    diff: z.unknown(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

/** The organisation an audit request concerns: the filter, or for non-admins the first one they may read. */
function auditOrg(req: FastifyRequest): string | undefined {
  const q = req.query as { organisationId?: string };
  if (q.organisationId) return q.organisationId;
  const p = req.principal;
  if (!p || can(p, 'audit.readAll')) return undefined;
  return [...p.memberships.keys()].find((o) => can(p, 'audit.read', o));
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { action: 'audit.read' as const, org: auditOrg };

  const fetch = async (req: FastifyRequest, q: z.infer<typeof auditQuery>) => {
    const org = auditOrg(req);
    return listAudit(app.deps.database.db, { ...q, organisationId: org, limit: q.limit });
  };

  r.get(
    '/api/v1/audit-entries',
    {
      config: { access },
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first (admins: all; coordinators: their organisation)',
        querystring: auditQuery,
        response: { 200: z.object({ entries: z.array(auditEntry), next: z.number().int().nullable() }) },
      },
    },
    async (req) => {
      const rows = await fetch(req, req.query);
      return {
        entries: rows.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
        next: rows.length === req.query.limit ? rows[rows.length - 1]!.seq : null,
      };
    },
  );

  r.get(
    '/audit',
    {
      config: { access },
      schema: { querystring: auditQuery.extend({ lang: z.enum(['nl', 'en']).optional() }) },
    },
    async (req, reply) => {
      const rows = await fetch(req, req.query);
      const names = await namesFor(app.deps.database.db, idsIn(rows));
      return sendPage(reply, auditPage(req.page(reply), req.query, rows, auditOrg(req), names));
    },
  );
};
export default routes;
