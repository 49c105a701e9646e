/**
 * JSON API of the organisation registry, under /api/v1 (NL API design rules: plural nouns, `page` and
 * `pageSize`, problem+json errors). The pages are in ./pages.tsx.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/actor.js';
import { importOrganisations } from './import.js';
import {
  layers,
  type Merger,
  mergerCreateSchema,
  mergerTypes,
  type Organisation,
  organisationCreateSchema,
  organisationUpdateSchema,
  sizeClasses,
} from './model.js';
import {
  createOrganisation,
  getOrganisation,
  listMergers,
  listOrganisations,
  mergeOrganisations,
  type Page,
  successorsOf,
  updateOrganisation,
} from './service.js';

/** Empty query values (from forms) count as absent. */
const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const flag = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .enum(['true', 'false', '1', '0', 'on'])
    .transform((v) => v === 'true' || v === '1' || v === 'on')
    .optional(),
);

export const organisationListQuery = z.object({
  layer: opt(z.enum(layers)).describe('bestuurslaag'),
  province: opt(z.string().regex(/^PV\d{2}$/)).describe('province code, e.g. PV27'),
  q: opt(z.string().trim().max(100)).describe('part of the name or the code'),
  includeEnded: flag.describe('also organisations that ceased to exist (merged away)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;

export const orgIdParams = z.object({ orgId: z.uuid().describe('organisation id') });

export const organisationOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    layer: z.enum(layers),
    name: z.string(),
    provinceCode: z.string().nullable(),
    inhabitants: z.number().int().nullable(),
    inhabitantsDate: z.iso.date().nullable(),
    sizeClass: z.enum(sizeClasses).nullable(),
    validFrom: z.iso.date().nullable(),
    validTo: z.iso.date().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const mergerOut = z
  .object({
    id: z.uuid(),
    effectiveDate: z.iso.date(),
    type: z.enum(mergerTypes),
    successorCode: z.string(),
    notes: z.string().nullable(),
    sources: z.array(z.object({ code: z.string(), name: z.string(), partial: z.boolean() })),
    createdAt: z.string(),
  })
  .meta({ id: 'OrganisationMerger' });

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

const organisationPage = pageOf(organisationOut);

/**
 * The response body of a cached registry page (../orgs/list-cache.ts: frozen, the same items array for
 * as long as the registry does not change), encoded with the response schema and serialised once, as
 * the schema's serializer would on every request. Undefined for a page that was not cached.
 */
const pageBodies = new WeakMap<readonly Organisation[], { page: number; pageSize: number; body: string }>();
function organisationPageBody(page: Page<Organisation>): string | undefined {
  if (!Object.isFrozen(page.items)) return undefined;
  const known = pageBodies.get(page.items);
  if (known?.page === page.page && known.pageSize === page.pageSize) return known.body;
  const body = JSON.stringify(
    z.encode(organisationPage, { ...page, items: page.items.map(toOrganisationOut) }),
  );
  pageBodies.set(page.items, { page: page.page, pageSize: page.pageSize, body });
  return body;
}

type OrganisationOut = z.infer<typeof organisationOut>;
/** Outputs of cached (frozen, so unchanging) organisations, made once each. */
const outputs = new WeakMap<Organisation, OrganisationOut>();

export function toOrganisationOut(o: Organisation): OrganisationOut {
  if (!Object.isFrozen(o)) return organisationOutOf(o);
  let out = outputs.get(o);
  if (!out) {
    out = organisationOutOf(o);
    outputs.set(o, out);
  }
  return out;
}

const organisationOutOf = (o: Organisation): OrganisationOut => ({
  id: o.id,
  code: o.code,
  layer: o.layer as z.infer<typeof organisationOut>['layer'],
  name: o.name,
  provinceCode: o.provinceCode,
  inhabitants: o.inhabitants,
  inhabitantsDate: o.inhabitantsDate,
  sizeClass: o.sizeClass as z.infer<typeof organisationOut>['sizeClass'],
  validFrom: o.validFrom,
  validTo: o.validTo,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

const toMergerOut = (m: Merger): z.infer<typeof mergerOut> => ({
  id: m.id,
  effectiveDate: m.effectiveDate,
  type: m.type as z.infer<typeof mergerOut>['type'],
  successorCode: m.successorCode,
  notes: m.notes,
  sources: m.sources,
  createdAt: m.createdAt.toISOString(),
});

const changeOut = z.tuple([z.unknown(), z.unknown()]);
export const importReportOut = z
  .object({
    dryRun: z.boolean(),
    added: z.array(z.object({ code: z.string(), name: z.string(), layer: z.string() })),
    updated: z.array(
      z.object({ code: z.string(), name: z.string(), changes: z.record(z.string(), changeOut) }),
    ),
    ended: z.array(z.object({ code: z.string(), name: z.string(), validTo: z.string() })),
    notInList: z.array(z.object({ code: z.string(), name: z.string(), layer: z.string() })),
    unchanged: z.number().int(),
    mergers: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    historical: z.number().int(),
  })
  .meta({ id: 'OrganisationImportReport' });

const orgOf = (req: FastifyRequest) => (req.params as { orgId?: string }).orgId;
const tags = ['organisations'];

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  r.get(
    '/api/v1/organisations',
    {
      config: { access: { action: 'organisation.list' } },
      schema: {
        tags,
        summary: 'Organisations (gemeenten, provincies, waterschappen, rijk), filtered and paged',
        querystring: organisationListQuery,
        response: { 200: organisationPage },
      },
    },
    async (req, reply) => {
      const page = await listOrganisations(app.deps.database, req.query);
      const body = organisationPageBody(page);
      // A string is sent as it is (the serializer runs only for objects); its type is the schema's.
      if (body !== undefined) return reply.type('application/json; charset=utf-8').send(body as never);
      return { ...page, items: page.items.map(toOrganisationOut) };
    },
  );

  r.get(
    '/api/v1/organisations/:orgId',
    {
      config: { access: { action: 'organisation.read', org: orgOf } },
      schema: { tags, summary: 'One organisation', params: orgIdParams, response: { 200: organisationOut } },
    },
    async (req) => toOrganisationOut(await getOrganisation(db(), req.params.orgId)),
  );

  r.post(
    '/api/v1/organisations',
    {
      config: { access: { action: 'organisation.create' } },
      schema: {
        tags,
        summary: 'Add an organisation',
        body: organisationCreateSchema,
        response: { 201: organisationOut },
      },
    },
    async (req, reply) => {
      const org = await createOrganisation(db(), req.body, actorOf(req.principal!));
      return reply
        .code(201)
        .header('location', `/api/v1/organisations/${org.id}`)
        .send(toOrganisationOut(org));
    },
  );

  r.patch(
    '/api/v1/organisations/:orgId',
    {
      config: { access: { action: 'organisation.update', org: orgOf } },
      schema: {
        tags,
        summary: 'Change an organisation’s name, layer, province, inhabitants or dates',
        params: orgIdParams,
        body: organisationUpdateSchema,
        response: { 200: organisationOut },
      },
    },
    async (req) =>
      toOrganisationOut(await updateOrganisation(db(), req.params.orgId, req.body, actorOf(req.principal!))),
  );

  r.get(
    '/api/v1/organisations/:orgId/mergers',
    {
      config: { access: { action: 'organisation.read', org: orgOf } },
      schema: {
        tags,
        summary: 'Herindelingen in which this organisation is the successor or a source',
        params: orgIdParams,
        response: { 200: z.object({ items: z.array(mergerOut) }) },
      },
    },
    async (req) => {
      const org = await getOrganisation(db(), req.params.orgId);
      const page = await listMergers(db(), { code: org.code, pageSize: 500 });
      return { items: page.items.map(toMergerOut) };
    },
  );

  r.get(
    '/api/v1/organisation-mergers',
    {
      config: { access: { action: 'organisation.list' } },
      schema: {
        tags,
        summary: 'Herindelingen (mergers), newest first',
        querystring: z.object({
          code: opt(z.string().max(32)).describe('only mergers involving this organisation code'),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: { 200: pageOf(mergerOut) },
      },
    },
    async (req) => {
      const page = await listMergers(db(), req.query);
      return { ...page, items: page.items.map(toMergerOut) };
    },
  );

  r.post(
    '/api/v1/organisation-mergers',
    {
      config: { access: { action: 'organisation.merge' } },
      schema: {
        tags,
        summary: 'Record a herindeling: the sources end on the effective date, the successor continues',
        body: mergerCreateSchema,
        response: { 201: mergerOut },
      },
    },
    async (req, reply) => {
      const merger = await mergeOrganisations(db(), req.body, actorOf(req.principal!));
      return reply.code(201).send(toMergerOut(merger));
    },
  );

  r.get(
    '/api/v1/organisation-successors',
    {
      config: { access: { action: 'organisation.list' } },
      schema: {
        tags,
        summary: 'The organisation(s) an (old) code maps onto on a date, following herindelingen',
        querystring: z.object({ code: z.string().min(1).max(32), date: z.iso.date() }),
        response: {
          200: z.object({
            code: z.string(),
            date: z.iso.date(),
            successors: z.array(z.object({ code: z.string(), partial: z.boolean() })),
          }),
        },
      },
    },
    async (req) => ({
      code: req.query.code,
      date: req.query.date,
      successors: await successorsOf(db(), req.query.code, req.query.date),
    }),
  );

  r.post(
    '/api/v1/organisation-imports',
    {
      config: { access: { action: 'organisation.import' } },
      schema: {
        tags,
        summary: 'Import CSV files (formats in docs/organisations.md); validated, all or nothing',
        body: z.strictObject({
          files: z
            .array(z.strictObject({ name: z.string().min(1).max(200), content: z.string().max(5_000_000) }))
            .min(1)
            .max(20),
          dryRun: z.boolean().default(false),
        }),
        response: { 200: importReportOut },
      },
    },
    async (req) =>
      importOrganisations(db(), { files: req.body.files }, actorOf(req.principal!), {
        dryRun: req.body.dryRun,
      }),
  );
};
export default routes;
