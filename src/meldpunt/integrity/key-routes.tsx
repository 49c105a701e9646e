/**
 * The officer's key pages: setting up the channel, making, unlocking and certifying keys.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/actor.js';
import { formString } from '../../platform/auth/form-errors.js';
import { getUser } from '../../platform/auth/users-service.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { changePassphrase, resetWithRecoveryKey } from './key-recovery.js';
import {
  certifyHandlerKey,
  createHandlerKey,
  findChannel,
  handlerKeyStatus,
  pendingKeys,
  setUpChannel,
  unlockForSession,
} from './keys-service.js';
import { optionsFor } from './options.js';
import {
  form,
  handleAccess,
  keyFor as keyForSession,
  keyParams,
  orgParams,
  requireKey as requireUnlockedKey,
  session,
} from './route-support.js';
import { type KeyState, keysPage, recoveryKeyPage } from './views/handler-pages.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);
  const handle = handleAccess;
  const keyFor = (req: FastifyRequest, organisationId: string) => keyForSession(db, req, organisationId);
  const requireKey = (req: FastifyRequest, organisationId: string) =>
    requireUnlockedKey(db, req, organisationId);

  async function keyState(req: FastifyRequest, organisationId: string): Promise<KeyState> {
    if (!(await findChannel(db, organisationId))) return 'no-channel';
    const status = await handlerKeyStatus(db, organisationId, req.principal!.userId);
    if (!status) return 'no-key';
    if (!status.certified) return 'pending';
    return (await keyFor(req, organisationId)) ? 'unlocked' : 'locked';
  }

  async function showKeys(
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    extra: { errors?: Array<{ field: string; message: string }>; notice?: string } = {},
    status = 200,
  ) {
    const state = await keyState(req, orgId);
    const pending =
      state === 'unlocked'
        ? await Promise.all(
            (await pendingKeys(db, orgId)).map(async (k) => ({
              keyId: k.id,
              name: (await getUser(db, k.userId))?.displayName ?? '',
            })),
          )
        : [];
    return sendPage(reply, keysPage(req.page(reply), { orgId, state, pending, ...extra }), status);
  }

  function passphraseErrors(req: FastifyRequest, body: Record<string, unknown>, repeat: boolean) {
    const passphrase = formString(body.passphrase);
    const errors: Array<{ field: string; message: string }> = [];
    if (repeat && [...passphrase].length < 12)
      errors.push({ field: 'passphrase', message: req.t('integrity.keys.tooShort') });
    else if (repeat && passphrase !== formString(body.passphraseRepeat))
      errors.push({ field: 'passphraseRepeat', message: req.t('integrity.keys.mismatch') });
    return { passphrase, errors };
  }

  r.get('/integrity/:orgId/keys', { config: handle, schema: { params: orgParams } }, async (req, reply) =>
    showKeys(req, reply, req.params.orgId),
  );

  r.post(
    '/integrity/:orgId/keys/setup',
    { config: handle, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      const { passphrase, errors } = passphraseErrors(req, req.body, true);
      if (errors.length) return showKeys(req, reply, req.params.orgId, { errors }, 400);
      const s = session(req);
      const { recoveryKey } = await setUpChannel(
        db,
        actorOf(req.principal!),
        { organisationId: req.params.orgId, userId: s.userId, passphrase },
        opts,
      );
      await unlockForSession(db, actorOf(req.principal!), {
        organisationId: req.params.orgId,
        ...s,
        passphrase,
      });
      return sendPage(reply, recoveryKeyPage(req.page(reply), { orgId: req.params.orgId, recoveryKey }));
    },
  );

  r.post(
    '/integrity/:orgId/keys/create',
    { config: handle, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      const { passphrase, errors } = passphraseErrors(req, req.body, true);
      if (errors.length) return showKeys(req, reply, req.params.orgId, { errors }, 400);
      const s = session(req);
      await createHandlerKey(
        db,
        actorOf(req.principal!),
        { organisationId: req.params.orgId, userId: s.userId, passphrase },
        opts,
      );
      await unlockForSession(db, actorOf(req.principal!), {
        organisationId: req.params.orgId,
        ...s,
        passphrase,
      });
      return showKeys(req, reply, req.params.orgId);
    },
  );

  r.post(
    '/integrity/:orgId/keys/unlock',
    { config: handle, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      try {
        await unlockForSession(db, actorOf(req.principal!), {
          organisationId: req.params.orgId,
          ...session(req),
          passphrase: formString(req.body.passphrase),
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'integrity-passphrase')
          return showKeys(
            req,
            reply,
            req.params.orgId,
            { errors: [{ field: 'passphrase', message: req.t('integrity.keys.wrong') }] },
            400,
          );
        throw err;
      }
      return reply.redirect(`/integrity/${req.params.orgId}`, 303);
    },
  );

  r.post(
    '/integrity/:orgId/keys/:keyId/certify',
    { config: handle, schema: { params: keyParams } },
    async (req, reply) => {
      const key = await requireKey(req, req.params.orgId);
      await certifyHandlerKey(db, actorOf(req.principal!), key, req.params.keyId);
      return showKeys(req, reply, req.params.orgId, { notice: req.t('integrity.keys.certified') });
    },
  );

  function newPassphraseErrors(req: FastifyRequest, body: Record<string, unknown>) {
    const next = formString(body.newPassphrase);
    const errors: Array<{ field: string; message: string }> = [];
    if ([...next].length < 12)
      errors.push({ field: 'newPassphrase', message: req.t('integrity.keys.tooShort') });
    else if (next !== formString(body.newPassphraseRepeat))
      errors.push({ field: 'newPassphraseRepeat', message: req.t('integrity.keys.mismatch') });
    return { next, errors };
  }

  r.post(
    '/integrity/:orgId/keys/passphrase',
    { config: handle, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      const { next, errors } = newPassphraseErrors(req, req.body);
      if (errors.length) return showKeys(req, reply, req.params.orgId, { errors }, 400);
      try {
        const s = session(req);
        await changePassphrase(
          db,
          actorOf(req.principal!),
          { organisationId: req.params.orgId, userId: s.userId, current: formString(req.body.current), next },
          opts,
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'integrity-passphrase')
          return showKeys(
            req,
            reply,
            req.params.orgId,
            { errors: [{ field: 'current', message: req.t('integrity.keys.wrong') }] },
            400,
          );
        throw err;
      }
      return showKeys(req, reply, req.params.orgId, { notice: req.t('integrity.keys.changed') });
    },
  );

  r.post(
    '/integrity/:orgId/keys/recover',
    { config: handle, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      const { next, errors } = newPassphraseErrors(req, req.body);
      if (errors.length) return showKeys(req, reply, req.params.orgId, { errors }, 400);
      const s = session(req);
      try {
        await resetWithRecoveryKey(
          db,
          actorOf(req.principal!),
          {
            organisationId: req.params.orgId,
            userId: s.userId,
            recoveryKey: formString(req.body.recoveryKey),
            next,
          },
          opts,
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation')
          return showKeys(
            req,
            reply,
            req.params.orgId,
            { errors: [{ field: 'recoveryKey', message: req.t('integrity.keys.wrongRecovery') }] },
            400,
          );
        throw err;
      }
      await unlockForSession(db, actorOf(req.principal!), {
        organisationId: req.params.orgId,
        ...s,
        passphrase: next,
      });
      return showKeys(req, reply, req.params.orgId, { notice: req.t('integrity.keys.recovered') });
    },
  );
};

export default routes;
