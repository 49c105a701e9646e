/**
 * Review and recoding of "anders, namelijk" answers: the page /waves/:waveId/open-answers and the
 * API /api/v1/waves/:waveId/recodes (+ /open-answers). Researchers and admins only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import { formString } from '../../platform/auth/form-errors.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { getWave } from '../fieldwork/waves-service.js';
import { listOpenAnswers, listRecodes, recodeOpenAnswer } from './recodes.js';
import { openAnswersPage } from './views/open-answers-page.js';

const waveParams = z.object({ waveId: z.string().uuid() });
const read = { action: 'responses.export' as const };
const write = { action: 'responses.recode' as const };

const recodeSchema = z
  .object({
    id: z.string().uuid(),
    responseId: z.string().uuid(),
    itemCode: z.string(),
    originalText: z.string(),
    recodedTo: z.string(),
    recodedBy: z.string().uuid().nullable(),
    recodedAt: z.string().describe('ISO 8601'),
  })
  .meta({ id: 'ResponseRecode' });
const recodeBody = z
  .object({
    responseId: z.string().uuid(),
    itemCode: z.string().min(1).max(64).describe('the item whose "anders" text is recoded'),
    recodedTo: z.string().min(1).max(64).describe('an existing or new option code'),
  })
  .strict();
const openAnswerSchema = z.object({
  itemCode: z.string(),
  label: z.object({ nl: z.string(), en: z.string().optional() }),
  answers: z.array(
    z.object({
      responseId: z.string().uuid(),
      optionCode: z.string(),
      text: z.string(),
      recodedTo: z.string().nullable(),
    }),
  ),
});

const toJson = <T extends { recodedAt: Date }>(r: T) => ({ ...r, recodedAt: r.recodedAt.toISOString() });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;

  r.get(
    '/api/v1/waves/:waveId/recodes',
    {
      config: { access: read },
      schema: {
        tags: ['responses'],
        summary:
          'Recodings of "anders, namelijk" answers in a wave (a log, oldest first; the latest per response and item counts)',
        params: waveParams,
        response: { 200: z.object({ data: z.array(recodeSchema) }) },
      },
    },
    async (req) => ({ data: (await listRecodes(db, req.params.waveId)).map(toJson) }),
  );

  r.post(
    '/api/v1/waves/:waveId/recodes',
    {
      config: { access: write },
      schema: {
        tags: ['responses'],
        summary: 'Recode one response\'s "anders, namelijk" text into an existing or new option code',
        params: waveParams,
        body: recodeBody,
        response: { 201: recodeSchema },
      },
    },
    async (req, reply) => {
      const created = await recodeOpenAnswer(db, req.params.waveId, req.body, actorOf(req.principal!));
      return reply.code(201).send(toJson(created));
    },
  );

  r.get(
    '/api/v1/waves/:waveId/open-answers',
    {
      config: { access: read },
      schema: {
        tags: ['responses'],
        summary: '"Anders, namelijk" texts of a wave per item, with their current recoding',
        params: waveParams,
        response: { 200: z.object({ data: z.array(openAnswerSchema) }) },
      },
    },
    async (req) => ({
      data: (await listOpenAnswers(db, req.params.waveId)).map((i) => ({
        itemCode: i.itemCode,
        label: i.label,
        answers: i.answers.map((a) => ({
          responseId: a.responseId,
          optionCode: a.optionCode,
          text: a.text,
          recodedTo: a.recodedTo,
        })),
      })),
    }),
  );

  r.get(
    '/waves/:waveId/open-answers',
    { config: { access: read }, schema: { params: waveParams } },
    async (req, reply) => {
      const wave = await getWave(db, req.params.waveId);
      const items = await listOpenAnswers(db, wave.id);
      const recoded = (req.query as Record<string, unknown>).recoded === '1';
      return sendPage(
        reply,
        openAnswersPage(req.page(reply), {
          wave,
          items,
          recoded,
          errors: [],
        }),
      );
    },
  );

  r.post(
    '/waves/:waveId/open-answers',
    { config: { access: write }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const wave = await getWave(db, req.params.waveId);
      const responseId = formString(req.body.responseId);
      const itemCode = formString(req.body.itemCode);
      const code = formString(req.body.newCode).trim() || formString(req.body.code).trim();
      try {
        await recodeOpenAnswer(
          db,
          wave.id,
          { responseId, itemCode, recodedTo: code },
          actorOf(req.principal!),
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        const items = await listOpenAnswers(db, wave.id);
        const field = `rc-${responseId}-${itemCode}`;
        return sendPage(
          reply,
          openAnswersPage(req.page(reply), {
            wave,
            items,
            recoded: false,
            errors: [{ field, message: req.t('openAnswers.error.code') }],
          }),
          400,
        );
      }
      return reply.redirect(`/waves/${wave.id}/open-answers?recoded=1`, 303);
    },
  );
};
export default routes;
