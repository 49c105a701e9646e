/**
 * The coordinator's settings page (`/organisations/:orgId/incidents/settings`): the same settings and
 * the same audited change as the API (./settings.ts), as a form that works without JavaScript.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import { sendPage } from '../../platform/ui/render.js';
import { langQuery, orgName, orgParam } from './route-support.js';
import { changeSettings, type IncidentSettings, settingLimits, settingsOf } from './settings.js';
import { settingFields, settingsPage } from './views/settings-page.js';

const asText = (s: IncidentSettings) =>
  Object.fromEntries(settingFields.map((f) => [f, String(s[f])])) as Record<keyof IncidentSettings, string>;

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const access = { action: 'incident.settings' as const, org: orgParam };

  r.get(
    '/organisations/:orgId/incidents/settings',
    {
      config: { access },
      schema: {
        querystring: z.object({ ...langQuery, done: z.enum(['saved']).optional().catch(undefined) }),
      },
    },
    async (req, reply) => {
      const organisationId = orgParam(req)!;
      const org = await orgName(db(), organisationId);
      const current = await settingsOf(db(), req.principal!, organisationId);
      const notice = req.query.done === 'saved' ? req.t('incidents.settings.saved') : undefined;
      return sendPage(reply, settingsPage(req.page(reply), org, asText(current), [], notice));
    },
  );

  r.post(
    '/organisations/:orgId/incidents/settings',
    {
      config: { access },
      schema: { body: z.record(z.string(), z.unknown()).optional() },
    },
    async (req, reply) => {
      const organisationId = orgParam(req)!;
      const org = await orgName(db(), organisationId);
      const body = req.body ?? {};
      const values = {} as Record<keyof IncidentSettings, string>;
      const change: Partial<IncidentSettings> = {};
      const errors: FieldErrors = [];
      for (const field of settingFields) {
        const raw = typeof body[field] === 'string' ? (body[field] as string).trim() : '';
        values[field] = raw.slice(0, 20);
        const { min, max } = settingLimits[field];
        const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
        if (!(n >= min && n <= max))
          errors.push({ field, message: req.t('incidents.settings.invalid', { min, max }) });
        else change[field] = n;
      }
      if (errors.length) return sendPage(reply, settingsPage(req.page(reply), org, values, errors), 400);
      await changeSettings(db(), req.principal!, organisationId, change);
      return reply.redirect(`/organisations/${organisationId}/incidents/settings?done=saved`, 303);
    },
  );
};
export default routes;
