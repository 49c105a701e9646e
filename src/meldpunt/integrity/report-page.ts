/** The officer's page of one report, shared by the routes that act on it and show it again. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getUser } from '../../platform/auth/users-service.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { sendPage } from '../../platform/ui/render.js';
import { hasRole, usersWithRole } from './handler-roles.js';
import { historyOf, keyHolders } from './history-service.js';
import { runningGrants } from './investigators.js';
import { acceptedKeys } from './keys-service.js';
import type { ReporterIdentity } from './model.js';
import type { IntegrityOptions } from './options.js';
import { handlerView } from './reports-service.js';
import { requireKey } from './route-support.js';
import { handlerReportPage } from './views/handler-pages.js';
import { chairDecides, nextStates } from './workflow.js';

export type ShowReport = ReturnType<typeof reportPageRenderer>;

export function reportPageRenderer(db: DbOrTx, opts: IntegrityOptions) {
  return async function showReport(
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    reportId: string,
    extra: {
      identity?: ReporterIdentity;
      notice?: string;
      errors?: Array<{ field: string; message: string }>;
    } = {},
    status = 200,
  ) {
    const key = await requireKey(db, req, orgId);
    const view = await handlerView(db, key, reportId, opts);
    const names = new Map<string, string>();
    const nameOf = async (userId: string | null) => {
      if (!userId) return undefined;
      if (!names.has(userId)) names.set(userId, (await getUser(db, userId))?.displayName ?? '');
      return names.get(userId);
    };
    const history = await Promise.all(
      (await historyOf(db, key, reportId)).map(async (h) => ({
        ...h,
        actorName: await nameOf(h.actorUserId),
      })),
    );
    const holding = new Set(await keyHolders(db, reportId));
    const holders = await Promise.all(
      (await acceptedKeys(db, orgId))
        .filter((k) => holding.has(k.id))
        .map(async (k) => ({ keyId: k.id, name: (await nameOf(k.userId)) ?? '' })),
    );
    const investigatorIds = await usersWithRole(db, orgId, 'integrity_investigator');
    const investigators = await Promise.all(
      (await acceptedKeys(db, orgId))
        .filter((k) => investigatorIds.has(k.userId))
        .map(async (k) => ({ userId: k.userId, name: (await nameOf(k.userId)) ?? '' })),
    );
    const grants = await Promise.all(
      (await runningGrants(db, orgId, reportId, opts.clock())).map(async (g) => ({
        id: g.id,
        expiresAt: g.expiresAt,
        name: (await nameOf(g.investigatorUserId)) ?? '',
      })),
    );
    return sendPage(
      reply,
      handlerReportPage(req.page(reply), {
        orgId,
        reportId,
        receivedAt: view.register.receivedAt,
        category: view.register.category,
        state: view.register.state,
        acknowledged: view.register.acknowledgedAt !== null,
        deadlines: view.deadlines,
        content: view.content,
        hasIdentity: view.hasIdentity,
        messages: view.messages,
        attachments: view.attachments,
        oral: view.oral,
        workflow: {
          history,
          nextSteps: nextStates(view.register.state),
          holders,
          awaitsChair:
            chairDecides(view.register.state) && !(await hasRole(db, orgId, key.userId, 'integrity_chair')),
        },
        investigators,
        grants,
        ...extra,
      }),
      status,
    );
  };
}
