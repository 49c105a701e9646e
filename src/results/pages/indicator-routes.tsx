/**
 * Researchers add and edit indicators in the app: /results/indicators (list), …/new, …/:indicatorId/edit,
 * and POST /results/indicators (a new version, audited; validation errors at their field).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { currentIndicators, ensureBuiltinIndicators, indicatorVersion } from '../indicators/service.js';
import { saveIndicator } from '../indicators/versions.js';
import { indicatorIdParam } from '../params.js';
import {
  definitionOf,
  fieldOf,
  formValues,
  type IndicatorFormValues,
  indicatorFormPage,
  indicatorListPage,
} from './indicator-form.js';

const edit = { action: 'results.indicators.edit' as const };
const pageQuery = z
  .object({
    lang: z.enum(['nl', 'en']).optional(),
    saved: z.string().max(100).optional(),
    version: z.coerce.number().int().positive().optional(),
    unchanged: z.enum(['1']).optional(),
  })
  .loose();
const text = (max: number) => z.string().max(max).default('');
const formBody = z
  .object({
    code: text(100),
    targetGroup: text(50),
    theme: text(50),
    labelNl: text(300),
    labelEn: text(300),
    numerator: text(4000),
    population: text(4000),
    answered: text(2000),
    breakdowns: z.union([z.string().max(100), z.array(z.string().max(100)).max(20)]).optional(),
  })
  .loose();

const empty: IndicatorFormValues = {
  code: '',
  targetGroup: 'office_holders',
  theme: 'aggression',
  labelNl: '',
  labelEn: '',
  numerator: '',
  population: '',
  answered: '',
  breakdowns: ['all', 'bg_layer', 'bg_role', 'bg_gender'],
};

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;

  r.get(
    '/results/indicators',
    { config: { access: edit }, schema: { querystring: pageQuery } },
    async (req, reply) => {
      const ctx = req.page(reply);
      await ensureBuiltinIndicators(database.db, actorOf(req.principal!));
      const q = req.query;
      const notice =
        q.saved && q.version
          ? ctx.t(q.unchanged ? 'results.indicatorForm.unchanged' : 'results.indicatorForm.saved', {
              code: q.saved,
              version: q.version,
            })
          : undefined;
      return sendPage(reply, indicatorListPage(ctx, await currentIndicators(database.db), notice));
    },
  );

  r.get(
    '/results/indicators/new',
    { config: { access: edit }, schema: { querystring: pageQuery } },
    async (req, reply) => sendPage(reply, indicatorFormPage(req.page(reply), { values: empty, errors: [] })),
  );

  r.get(
    '/results/indicators/:indicatorId/edit',
    {
      config: { access: edit },
      schema: { params: z.object({ indicatorId: indicatorIdParam }), querystring: pageQuery },
    },
    async (req, reply) => {
      await ensureBuiltinIndicators(database.db, actorOf(req.principal!));
      const d = await indicatorVersion(database.db, req.params.indicatorId);
      if (!d)
        throw new AppError('not-found', {
          detail: {
            nl: `Er is geen indicator ${req.params.indicatorId}.`,
            en: `no indicator ${req.params.indicatorId}`,
          },
        });
      return sendPage(
        reply,
        indicatorFormPage(req.page(reply), { values: formValues(d), editing: d, errors: [] }),
      );
    },
  );

  r.post(
    '/results/indicators',
    { config: { access: edit }, schema: { body: formBody } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const b = req.body;
      const values: IndicatorFormValues = {
        code: b.code,
        targetGroup: b.targetGroup,
        theme: b.theme,
        labelNl: b.labelNl,
        labelEn: b.labelEn,
        numerator: b.numerator,
        population: b.population,
        answered: b.answered,
        breakdowns:
          b.breakdowns === undefined ? [] : Array.isArray(b.breakdowns) ? b.breakdowns : [b.breakdowns],
      };
      const previous = values.code ? await indicatorVersion(database.db, values.code.trim()) : undefined;
      try {
        const { definition, created } = await saveIndicator(
          database.db,
          definitionOf(values, previous),
          actorOf(req.principal!),
        );
        return reply.redirect(
          `/results/indicators?saved=${definition.code}&version=${definition.version}${created ? '' : '&unchanged=1'}&lang=${ctx.lang}`,
          303,
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        const errors: FieldErrors = [
          {
            field: fieldOf(err.localised.invalidParams[0]?.name ?? ''),
            message: err.detailIn(ctx.lang) ?? err.message,
          },
        ];
        return sendPage(
          reply,
          indicatorFormPage(ctx, { values, ...(previous ? { editing: previous } : {}), errors }),
          400,
        );
      }
    },
  );
};

export default routes;
