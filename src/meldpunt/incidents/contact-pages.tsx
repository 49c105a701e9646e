/**
 * The contact list (coordinator) and the magic sign-in link (anyone), issue 16 item 1. One plugin: its
 * multipart parser (with the contact list's body limit) applies to these routes only.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { completeSignIn } from '../../platform/auth/login.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { isUuid } from '../../platform/uuid.js';
import { LINK_MINUTES, linkIsValid, requestLinks, useLink } from './contact-links.js';
import { importContacts, listContacts, removeContact, setConcernedContact } from './contacts.js';
import { type ContactProblem, contactLimits, readContactsFile } from './contacts-file.js';
import { acceptMultipart, isUpload } from './multipart.js';
import { personalExport } from './personal-export.js';
import { incidentId, incidentOrg, langQuery, orgName, orgParam } from './route-support.js';
import { contactsPage } from './views/contacts-page.js';
import { linkConfirmPage, linkRefusedPage, linkRequestPage, linkSentPage } from './views/link-pages.js';

/** Per client address and minute, on each public link route. */
export const LINK_REQUESTS_PER_MINUTE = 10;

const noticeQuery = z.object({
  ...langQuery,
  done: z.enum(['removed']).optional().catch(undefined),
});
const linkParams = z.object({ linkToken: z.string().max(100) });
const emailSchema = z.email();

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = (): Db => app.deps.database.db;
  acceptMultipart(app, contactLimits.bytes);
  const contactsAccess = { action: 'incident.contacts' as const, org: orgParam };
  const publicLink = {
    access: { public: 'a person on a contact list signs in with a link by e-mail (no account yet)' },
    rateLimit: { max: LINK_REQUESTS_PER_MINUTE, timeWindow: '1 minute' },
  };
  const page = async (
    req: FastifyRequest,
    extra: Omit<Parameters<typeof contactsPage>[1], 'org' | 'contacts'>,
  ) => {
    const organisationId = orgParam(req)!;
    const org = await orgName(db(), organisationId);
    const contacts = await listContacts(db(), req.principal!, organisationId);
    return { org, contacts, ...extra };
  };

  r.get(
    '/organisations/:orgId/incidents/contacts',
    { config: { access: contactsAccess }, schema: { querystring: noticeQuery } },
    async (req, reply) => {
      const notice = req.query.done === 'removed' ? req.t('incidents.contacts.removed') : undefined;
      return sendPage(reply, contactsPage(req.page(reply), await page(req, { notice })));
    },
  );

  r.post(
    '/organisations/:orgId/incidents/contacts',
    { config: { access: contactsAccess, upload: true }, bodyLimit: contactLimits.bytes },
    async (req, reply) => {
      const organisationId = orgParam(req)!;
      const file = (req.body as Record<string, unknown> | undefined)?.file;
      if (!isUpload(file) || file.data.length === 0) {
        const errors = [{ field: 'file', message: req.t('incidents.contacts.import.missing') }];
        return sendPage(reply, contactsPage(req.page(reply), await page(req, { errors })), 400);
      }
      const name = file.filename || 'contactlijst.csv';
      try {
        const lines = await readContactsFile(name, file.data);
        const result = await importContacts(db(), req.principal!, organisationId, lines);
        const notice = req.t('incidents.contacts.import.done', { ...result });
        return sendPage(reply, contactsPage(req.page(reply), await page(req, { notice })));
      } catch (err) {
        if (!(err instanceof AppError) || !['invalid-file', 'file-too-large'].includes(err.code)) throw err;
        const problems = Array.isArray(err.cause)
          ? (err.cause as ContactProblem[]).map((p) => ({
              line: p.line,
              column: `${p.column} (${p.field})`,
              message: p.message,
            }))
          : [
              {
                line: err.location?.line,
                column: err.location?.column,
                message: err.detailIn(req.lang) ?? err.title(req.lang),
              },
            ];
        return sendPage(reply, contactsPage(req.page(reply), await page(req, { problems })), 400);
      }
    },
  );

  r.post(
    '/organisations/:orgId/incidents/contacts/:contactId/remove',
    { config: { access: contactsAccess } },
    async (req, reply) => {
      const contactId = (req.params as { contactId?: string }).contactId;
      if (!isUuid(contactId)) throw new AppError('not-found');
      await removeContact(db(), req.principal!, orgParam(req)!, contactId);
      return reply.redirect(`/organisations/${orgParam(req)}/incidents/contacts?done=removed`, 303);
    },
  );

  r.post(
    '/incidents/:incidentId/concerned-contact',
    { config: { access: { action: 'incident.contacts', org: (req) => incidentOrg(db(), req) } } },
    async (req, reply) => {
      const id = incidentId(req);
      const value = (req.body as { contactId?: unknown } | undefined)?.contactId;
      const contactId = typeof value === 'string' && isUuid(value) ? value : null;
      if (value !== undefined && value !== '' && contactId === null)
        throw new AppError('validation', {
          invalidParams: [
            {
              name: 'contactId',
              code: 'unknown_contact',
              reason: { nl: 'kies iemand van de contactlijst', en: 'choose someone on the contact list' },
            },
          ],
        });
      await setConcernedContact(db(), req.principal!, id, contactId);
      return reply.redirect(`/incidents/${id}?done=saved`, 303);
    },
  );

  // --- The person's own data (AVG) -------------------------------------------------------------

  r.get('/meldpunt/my-data', { config: { access: { action: 'incident.start' } } }, async (req, reply) => {
    const data = await personalExport(db(), req.principal!);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mijn-meldpunt-gegevens.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  // --- The magic link (public) ------------------------------------------------------------------

  r.get(
    '/meldpunt/aanmelden',
    { config: publicLink, schema: { querystring: z.object(langQuery) } },
    (req, reply) => sendPage(reply, linkRequestPage(req.page(reply))),
  );

  r.post('/meldpunt/aanmelden', { config: publicLink }, async (req, reply) => {
    const raw = (req.body as { email?: unknown } | undefined)?.email;
    const email = typeof raw === 'string' ? raw.trim().slice(0, 300) : '';
    if (!emailSchema.safeParse(email).success) {
      const errors = [{ field: 'email', message: req.t('incidents.link.emailInvalid') }];
      return sendPage(reply, linkRequestPage(req.page(reply), email, errors), 400);
    }
    await requestLinks(db(), { email, lang: req.lang, publicUrl: app.deps.config.publicUrl });
    return sendPage(reply, linkSentPage(req.page(reply), LINK_MINUTES));
  });

  r.get(
    '/meldpunt/aanmelden/:linkToken',
    { config: publicLink, schema: { params: linkParams, querystring: z.object(langQuery) } },
    async (req, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      if (!(await linkIsValid(db(), req.params.linkToken)))
        return sendPage(reply, linkRefusedPage(req.page(reply), 'invalid'), 410);
      return sendPage(reply, linkConfirmPage(req.page(reply), `/meldpunt/aanmelden/${req.params.linkToken}`));
    },
  );

  r.post(
    '/meldpunt/aanmelden/:linkToken',
    { config: publicLink, schema: { params: linkParams } },
    async (req, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const outcome = await useLink(db(), req.params.linkToken);
      if (!outcome.ok) return sendPage(reply, linkRefusedPage(req.page(reply), outcome.reason), 410);
      await completeSignIn(req, reply, outcome.userId, 'magic-link');
      return reply.redirect('/meldpunt', 303);
    },
  );
};
export default routes;
