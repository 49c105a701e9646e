/**
 * What the incident pages share (pages.tsx, document-pages.tsx and the pages after them): the
 * parameters, the organisation an incident belongs to (for the route's access check), the language
 * query and date checks. The service checks the incident itself.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { organisationsByIds } from '../../platform/auth/organisations.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import { organisationOfIncident } from './repository.js';

export const langQuery = { lang: z.enum(['nl', 'en']).optional() };

/** The organisation in the path (`:orgId`), for `config.access.org`. */
export const orgParam = (req: FastifyRequest) => (req.params as { orgId?: string }).orgId;

/** A calendar date as yyyy-mm-dd that exists. */
export const isDate = (s: string | undefined) =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** The organisation of the incident in the path (`:incidentId`); undefined for a malformed or unknown id. */
export async function incidentOrg(db: DbOrTx, req: FastifyRequest): Promise<string | undefined> {
  const id = (req.params as { incidentId?: string }).incidentId;
  return isUuid(id) ? organisationOfIncident(db, id) : undefined;
}

/** The incident id in the path; 404 when it is not a UUID. */
export function incidentId(req: FastifyRequest): string {
  const id = (req.params as { incidentId?: string }).incidentId;
  if (!isUuid(id)) throw new AppError('not-found');
  return id;
}

/** An organisation's id and name; 404 when it does not exist. */
export async function orgName(db: DbOrTx, id: string) {
  const org = (await organisationsByIds(db, [id])).get(id);
  if (!org) throw new AppError('not-found');
  return org;
}
