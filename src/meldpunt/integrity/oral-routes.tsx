/**
 * Oral reports on the officer's side: /integrity/<org>/oral (record one and hand over the receipt
 * code). Revising the record is on the report page (handler-routes.tsx); the reporter signs on the
 * public side (public-routes.tsx, /integriteit/<code>/ondertekenen).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/actor.js';
import { formString } from '../../platform/auth/form-errors.js';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import { getOrganisation } from '../../platform/orgs/service.js';
import { sendPage } from '../../platform/ui/render.js';
import {
  type Category,
  categories,
  type IdentityMode,
  identityModes,
  MAX_SHORT,
  MAX_TEXT,
  type OralMedium,
  oralMedia,
} from './model.js';
import { optionsFor } from './options.js';
import { registerOralReport } from './oral-service.js';
import { form, handleAccess, orgParams, requireKey } from './route-support.js';
import { type OralFormValues, oralFormPage, oralReceiptPage } from './views/oral-pages.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);
  const handle = handleAccess;

  r.get('/integrity/:orgId/oral', { config: handle, schema: { params: orgParams } }, async (req, reply) => {
    await requireKey(db, req, req.params.orgId);
    return sendPage(reply, oralFormPage(req.page(reply), { orgId: req.params.orgId }));
  });

  r.post(
    '/integrity/:orgId/oral',
    { config: handle, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      const key = await requireKey(db, req, req.params.orgId);
      const b = req.body;
      const v: OralFormValues = {
        category: formString(b.category),
        medium: formString(b.medium),
        what: formString(b.what),
        involved: formString(b.involved),
        when: formString(b.when),
        identityMode: formString(b.identityMode) || 'anonymous',
        name: formString(b.name),
        contact: formString(b.contact),
      };
      const t = req.t;
      const errors: FieldErrors = [];
      if (!oralMedia.includes(v.medium as OralMedium))
        errors.push({ field: 'medium', message: t('integrity.oral.error.medium') });
      if (!categories.includes(v.category as Category))
        errors.push({ field: 'category', message: t('integrity.error.category') });
      if (!v.what!.trim()) errors.push({ field: 'what', message: t('integrity.error.what') });
      for (const [f, max] of [
        ['what', MAX_TEXT],
        ['involved', MAX_TEXT],
        ['when', MAX_SHORT],
        ['name', MAX_SHORT],
        ['contact', MAX_SHORT],
      ] as const)
        if (v[f]!.length > max) errors.push({ field: f, message: t('integrity.error.tooLong') });
      const mode = (
        identityModes.includes(v.identityMode as IdentityMode) ? v.identityMode : 'anonymous'
      ) as IdentityMode;
      if (mode !== 'anonymous' && !v.name!.trim())
        errors.push({ field: 'name', message: t('integrity.oral.error.name') });
      if (b.consent !== 'yes') errors.push({ field: 'consent', message: t('integrity.oral.error.consent') });
      if (errors.length)
        return sendPage(
          reply,
          oralFormPage(req.page(reply), { orgId: req.params.orgId, values: v, errors }),
          400,
        );
      const { reportId, receiptCode } = await registerOralReport(
        db,
        actorOf(req.principal!),
        key,
        {
          category: v.category as Category,
          content: { what: v.what!, involved: v.involved!, when: v.when!, medium: v.medium as OralMedium },
          identityMode: mode,
          identity: mode === 'anonymous' ? undefined : { name: v.name!.trim(), contact: v.contact!.trim() },
          consent: true,
        },
        opts,
      );
      const org = await getOrganisation(db, req.params.orgId);
      return sendPage(
        reply,
        oralReceiptPage(req.page(reply), {
          orgId: org.id,
          reportId,
          receiptCode,
          returnUrl: `${config.PUBLIC_URL ?? ''}/integriteit/${org.code}/terugkomen`,
        }),
      );
    },
  );
};

export default routes;
