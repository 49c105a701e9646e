import { createHash } from 'node:crypto';

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  organisationId: string | null;
  diff: unknown;
}

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    organisationId: e.organisationId,
    diff: e.diff ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
