/**
 * The contact list and evidence in the incident API (issue 16, item 5), for a municipality's own systems:
 * the same services and access rules as the pages (./contact-pages.tsx, ./evidence-pages.tsx).
 * - `/api/v1/organisations/{orgId}/incident-contacts`: the list (coordinator); PUT replaces it (the body
 *   becomes the list, all or nothing, as a file import does); DELETE one contact.
 * - `/api/v1/incidents/{incidentId}/concerned-contact`: the contact who is the person concerned.
 * - `/api/v1/incidents/{incidentId}/evidence`: list, upload (multipart field `file`, or the file itself as
 *   application/octet-stream with `fileName`), download (an attachment, never inlined). Files are
 *   sniffed, size-checked and stored encrypted; a refused file leaves nothing behind.
 * One plugin: its body parsers (with the evidence body limit) apply to these routes only.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { tags } from './api-schemas.js';
import {
  concernedContactOf,
  importContacts,
  listContacts,
  removeContact,
  setConcernedContact,
} from './contacts.js';
import { contactLimits } from './contacts-file.js';
import {
  addEvidence,
  downloadEvidence,
  type EvidenceItem,
  evidenceLimits,
  listEvidence,
} from './evidence.js';
import { type EvidenceType, evidenceTypes, extensionOf } from './evidence-sniff.js';
import { roles } from './model.js';
import { acceptMultipart, isUpload } from './multipart.js';
import { incidentOrg as incidentOrgOf, orgParam } from './route-support.js';

const orgParams = z.object({ orgId: z.uuid().describe('organisation id') });
const contactParams = orgParams.extend({ contactId: z.uuid().describe('contact id') });
const incidentParams = z.object({ incidentId: z.uuid().describe('incident id') });
const evidenceParams = incidentParams.extend({ evidenceId: z.uuid().describe('evidence id') });

const contactOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IncidentContact' });

const contactIn = z.strictObject({
  name: z.string().trim().min(1).max(contactLimits.cellLength),
  email: z.email().max(254),
  role: z.enum(roles).nullable().optional(),
});

const evidenceOut = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'IncidentEvidence' });

const evidenceOf = (e: EvidenceItem) => ({ ...e, createdAt: e.createdAt.toISOString() });
const BODY_LIMIT = evidenceLimits.bytes + 64 * 1024;

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = (): Db => app.deps.database.db;
  acceptMultipart(app, BODY_LIMIT);
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  const contactsAccess = { action: 'incident.contacts' as const, org: orgParam };
  const incidentOrg = (req: FastifyRequest) => incidentOrgOf(db(), req);

  r.get(
    '/api/v1/organisations/:orgId/incident-contacts',
    {
      config: { access: contactsAccess },
      schema: {
        tags,
        summary: "The organisation's contact list (people who may report through a sign-in link)",
        params: orgParams,
        response: { 200: z.object({ items: z.array(contactOut) }) },
      },
    },
    async (req) => {
      const items = await listContacts(db(), req.principal!, req.params.orgId);
      return {
        items: items.map((c) => ({
          id: c.id,
          name: c.name,
          email: c.email,
          role: c.role as (typeof roles)[number] | null,
          createdAt: c.createdAt.toISOString(),
          updatedAt: c.updatedAt.toISOString(),
        })),
      };
    },
  );

  r.put(
    '/api/v1/organisations/:orgId/incident-contacts',
    {
      config: { access: contactsAccess },
      schema: {
        tags,
        summary:
          'Replace the contact list: the body becomes the list (new addresses added, known ones updated, ' +
          'missing ones removed), all or nothing',
        params: orgParams,
        body: z.strictObject({ contacts: z.array(contactIn).min(1).max(contactLimits.rows) }),
        response: {
          200: z.object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
        },
      },
    },
    async (req) => {
      const seen = new Map<string, number>();
      const problems: Array<{ name: string; code: string; reason: { nl: string; en: string } }> = [];
      const lines = req.body.contacts.map((c, i) => {
        const email = c.email.trim().toLowerCase();
        const earlier = seen.get(email);
        if (earlier !== undefined)
          problems.push({
            name: `contacts[${i}].email`,
            code: 'duplicate',
            reason: {
              nl: `Dit e-mailadres staat ook bij contactpersoon ${earlier + 1}.`,
              en: `this e-mail address is also given for contact ${earlier + 1}`,
            },
          });
        else seen.set(email, i);
        return { line: i + 1, name: c.name, email, role: c.role ?? null };
      });
      if (problems.length)
        throw new AppError('validation', {
          detail: {
            nl: 'Er is niets veranderd: de lijst heeft dubbele adressen.',
            en: 'duplicate addresses',
          },
          invalidParams: problems,
        });
      return importContacts(db(), req.principal!, req.params.orgId, lines);
    },
  );

  r.delete(
    '/api/v1/organisations/:orgId/incident-contacts/:contactId',
    {
      config: { access: contactsAccess },
      schema: {
        tags,
        summary: 'Remove a contact from the list',
        params: contactParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeContact(db(), req.principal!, req.params.orgId, req.params.contactId);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/v1/incidents/:incidentId/concerned-contact',
    {
      config: { access: { action: 'incident.contacts', org: incidentOrg } },
      schema: {
        tags,
        summary:
          'Mark a contact of the list as the person concerned (null clears it); they then see the incident',
        params: incidentParams,
        body: z.strictObject({ contactId: z.uuid().nullable() }),
        response: { 200: z.object({ contactId: z.uuid().nullable() }) },
      },
    },
    async (req) => {
      await setConcernedContact(db(), req.principal!, req.params.incidentId, req.body.contactId);
      return { contactId: await concernedContactOf(db(), req.params.incidentId) };
    },
  );

  const readAccess = { action: 'incident.read' as const, org: incidentOrg };

  r.get(
    '/api/v1/incidents/:incidentId/evidence',
    {
      config: { access: readAccess },
      schema: {
        tags,
        summary: 'The evidence of an incident (names, types and sizes; not the contents)',
        params: incidentParams,
        response: { 200: z.object({ items: z.array(evidenceOut) }) },
      },
    },
    async (req) => ({
      items: (await listEvidence(db(), req.principal!, req.params.incidentId)).map(evidenceOf),
    }),
  );

  r.post(
    '/api/v1/incidents/:incidentId/evidence',
    {
      config: { access: readAccess, upload: true },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          `Add evidence: multipart/form-data field \`file\`, or the file as application/octet-stream with ` +
          `\`fileName\`. PNG, JPEG, GIF, WebP, HEIC, PDF, MP3, M4A, WAV, Ogg or MP4 (sniffed), at most ` +
          `${evidenceLimits.bytes / 1024 / 1024} MB, ${evidenceLimits.perIncident} per incident; stored encrypted`,
        params: incidentParams,
        querystring: z.object({ fileName: z.string().max(255).optional() }),
        response: { 201: evidenceOut },
      },
    },
    async (req, reply) => {
      const body = req.body as unknown;
      let file: { fileName: string; data: Buffer } | undefined;
      if (Buffer.isBuffer(body)) file = { fileName: req.query.fileName ?? 'bestand', data: body };
      else if (body && typeof body === 'object') {
        const f = (body as Record<string, unknown>).file;
        if (isUpload(f)) file = { fileName: req.query.fileName ?? f.filename, data: f.data };
      }
      if (!file)
        throw new AppError('unsupported-media-type', {
          detail: {
            nl: 'Stuur het bestand als application/octet-stream of als multipart/form-data in het veld `file`.',
            en: 'send the file as application/octet-stream or as multipart/form-data field `file`',
          },
        });
      const item = await addEvidence(db(), app.deps.config, req.principal!, req.params.incidentId, file);
      return reply
        .code(201)
        .header('location', `/api/v1/incidents/${req.params.incidentId}/evidence/${item.id}`)
        .send(evidenceOf(item));
    },
  );

  r.get(
    '/api/v1/incidents/:incidentId/evidence/:evidenceId',
    {
      config: { access: readAccess },
      schema: {
        tags,
        summary: 'Download a file of evidence (decrypted, as an attachment; the download is audited)',
        params: evidenceParams,
        produces: [...evidenceTypes],
      },
    },
    async (req, reply) => {
      const { item, data } = await downloadEvidence(
        db(),
        app.deps.config,
        req.principal!,
        req.params.incidentId,
        req.params.evidenceId,
      );
      const ext = extensionOf[item.contentType as EvidenceType] ?? 'bin';
      return reply
        .header('content-type', item.contentType)
        .header(
          'content-disposition',
          `attachment; filename="bewijs-${item.id.slice(0, 8)}.${ext}"; filename*=UTF-8''${encodeURIComponent(item.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
};
export default routes;
