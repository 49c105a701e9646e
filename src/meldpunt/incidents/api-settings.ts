/**
 * The Meldpunt settings of an organisation in the API (issue 16, items 2 and 3):
 * `/api/v1/organisations/{orgId}/incident-settings`, the coordinator's terms and retention periods
 * (./settings.ts; changes audited).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { tags } from './api-schemas.js';
import { orgParam } from './route-support.js';
import { changeSettings, settingsChange, settingsOf } from './settings.js';

const orgParams = z.object({ orgId: z.uuid().describe('organisation id') });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = (): Db => app.deps.database.db;
  const settingsOut = z
    .object({
      firstContactWorkingDays: z.number().int().describe('first contact within this many working days'),
      retentionYears: z.number().int().describe('personal data removed this many years after closure'),
      draftRetentionDays: z
        .number()
        .int()
        .describe('a draft never sent removed this many days after its last change'),
    })
    .meta({ id: 'IncidentSettings' });
  const settingsAccess = { action: 'incident.settings' as const, org: orgParam };

  r.get(
    '/api/v1/organisations/:orgId/incident-settings',
    {
      config: { access: settingsAccess },
      schema: {
        tags,
        summary: "The Meldpunt's terms and retention periods of the organisation",
        params: orgParams,
        response: { 200: settingsOut },
      },
    },
    async (req) => settingsOf(db(), req.principal!, req.params.orgId),
  );

  r.patch(
    '/api/v1/organisations/:orgId/incident-settings',
    {
      config: { access: settingsAccess },
      schema: {
        tags,
        summary: 'Change the terms and retention periods (those left out stay as they are; audited)',
        params: orgParams,
        body: settingsChange,
        response: { 200: settingsOut },
      },
    },
    async (req) => changeSettings(db(), req.principal!, req.params.orgId, req.body),
  );
};
export default routes;
