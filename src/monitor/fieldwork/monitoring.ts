/**
 * Response monitoring: per stratum the frame size, invited, started, completed, response rate and
 * reminders sent. Computed from frame_persons and invitations only — never from responses, so the
 * numbers cannot reveal who answered what. In an anonymous wave, progress reaches the invitations in
 * batches (./progress.ts); how many marks wait is reported alongside (`pendingProgress`).
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { listOrganisations } from '../../platform/orgs/service.js';
import { pendingProgressCount } from './progress.js';
import { framePersons, invitations } from './schema.js';
import { getWave } from './waves-service.js';

export const breakdowns = ['total', 'layer_role', 'province', 'organisation', 'target_group'] as const;
export type Breakdown = (typeof breakdowns)[number];

export interface RateRow {
  /** The stratum's values, e.g. { layer: 'gemeente', role: 'raadslid' }. */
  stratum: Record<string, string | null>;
  /** Human label, e.g. "gemeente · raadslid" or the organisation's name. */
  label: string;
  frame: number;
  optedOut: number;
  invited: number;
  /** Started, completed included. */
  started: number;
  completed: number;
  /** completed / invited (null when nobody was invited). */
  responseRate: number | null;
  remindersSent: number;
}

export interface ResponseRates {
  waveId: string;
  status: string;
  computedAt: string;
  /**
   * Starts and completions of an anonymous wave not recorded on the invitations yet: they are
   * recorded in batches of at least 10 per stratum cell (./progress.ts), so the rates lag by these.
   */
  pendingProgress: number;
  breakdowns: Record<Breakdown, RateRow[]>;
}

const groupCols = {
  total: [] as const,
  layer_role: ['layer', 'role'] as const,
  province: ['province_code'] as const,
  organisation: ['organisation_id'] as const,
  target_group: ['target_group'] as const,
};

export async function responseRates(db: DbOrTx, waveId: string): Promise<ResponseRates> {
  const wave = await getWave(db, waveId);
  // One pass at the finest grain; the breakdowns are sums of it.
  const rows = await db
    .select({
      targetGroup: framePersons.targetGroup,
      layer: framePersons.layer,
      role: framePersons.role,
      provinceCode: framePersons.provinceCode,
      organisationId: framePersons.organisationId,
      frame: sql<number>`count(*)::int`,
      optedOut: sql<number>`count(${framePersons.optedOutAt})::int`,
      invited: sql<number>`count(${invitations.invitedAt})::int`,
      started: sql<number>`count(*) filter (where ${invitations.status} in ('started', 'completed'))::int`,
      completed: sql<number>`count(*) filter (where ${invitations.status} = 'completed')::int`,
      remindersSent: sql<number>`coalesce(sum(${invitations.remindersSent}), 0)::int`,
    })
    .from(framePersons)
    .leftJoin(invitations, eq(invitations.framePersonId, framePersons.id))
    .where(eq(framePersons.waveId, waveId))
    .groupBy(
      framePersons.targetGroup,
      framePersons.layer,
      framePersons.role,
      framePersons.provinceCode,
      framePersons.organisationId,
    );

  const orgNames = new Map<string, string>();
  if (rows.some((r) => r.organisationId)) {
    for (let page = 1; ; page++) {
      const r = await listOrganisations(db, { includeEnded: true, page, pageSize: 500 });
      for (const o of r.items) {
        // A name people know; the layer tells gemeente and provincie Utrecht apart (no CBS codes in tables).
        orgNames.set(o.id, o.layer === 'gemeente' ? o.name : `${o.name} (${o.layer})`);
        if (o.layer === 'provincie') orgNames.set(o.code, o.name);
      }
      if (r.items.length === 0 || page * r.pageSize >= r.total) break;
    }
  }

  const out = {} as Record<Breakdown, RateRow[]>;
  for (const b of breakdowns) {
    const map = new Map<string, RateRow>();
    for (const r of rows) {
      const stratum: Record<string, string | null> = {};
      for (const c of groupCols[b]) {
        stratum[
          c === 'province_code'
            ? 'province'
            : c === 'organisation_id'
              ? 'organisationId'
              : c === 'target_group'
                ? 'targetGroup'
                : c
        ] =
          c === 'layer'
            ? r.layer
            : c === 'role'
              ? r.role
              : c === 'province_code'
                ? r.provinceCode
                : c === 'organisation_id'
                  ? r.organisationId
                  : r.targetGroup;
      }
      const key = JSON.stringify(stratum);
      const row = map.get(key) ?? emptyRow(stratum, labelOf(b, stratum, orgNames));
      row.frame += r.frame;
      row.optedOut += r.optedOut;
      row.invited += r.invited;
      row.started += r.started;
      row.completed += r.completed;
      row.remindersSent += r.remindersSent;
      map.set(key, row);
    }
    const list = [...map.values()];
    for (const row of list) row.responseRate = row.invited ? row.completed / row.invited : null;
    list.sort((a, b2) => a.label.localeCompare(b2.label, 'nl'));
    if (b === 'total' && list.length === 0) list.push(emptyRow({}, ''));
    out[b] = list;
  }
  return {
    waveId,
    status: wave.status,
    computedAt: new Date().toISOString(),
    pendingProgress: await pendingProgressCount(db, waveId),
    breakdowns: out,
  };
}

const emptyRow = (stratum: Record<string, string | null>, label: string): RateRow => ({
  stratum,
  label,
  frame: 0,
  optedOut: 0,
  invited: 0,
  started: 0,
  completed: 0,
  responseRate: null,
  remindersSent: 0,
});

function labelOf(b: Breakdown, s: Record<string, string | null>, orgNames: Map<string, string>): string {
  switch (b) {
    case 'total':
      return '';
    case 'layer_role':
      return `${s.layer} · ${s.role}`;
    case 'province':
      return s.province ? (orgNames.get(s.province) ?? s.province) : '—';
    case 'organisation':
      return orgNames.get(s.organisationId ?? '') ?? s.organisationId ?? '—';
    case 'target_group':
      return s.targetGroup ?? '—';
  }
}
