/**
 * Office holders in a wave's frame by layer and role, for the whole country or one organisation: the
 * denominators of the Meldpunt's registration gap (src/meldpunt/incidents/gap.ts), which calls this
 * service and never the frame's table. Counts only; opted-out persons stay in (they hold the office).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { framePersons } from './schema.js';

export interface RoleCount {
  layer: string;
  role: string;
  /** Organisations with office holders of this layer and role in the frame. */
  organisations: number;
  n: number;
}

export async function officeHoldersByRole(
  db: DbOrTx,
  waveId: string,
  organisationId?: string,
): Promise<RoleCount[]> {
  return db
    .select({
      layer: framePersons.layer,
      role: framePersons.role,
      organisations: sql<number>`count(distinct ${framePersons.organisationId})::int`,
      n: sql<number>`count(*)::int`,
    })
    .from(framePersons)
    .where(
      and(
        eq(framePersons.waveId, waveId),
        eq(framePersons.targetGroup, 'office_holders'),
        organisationId ? eq(framePersons.organisationId, organisationId) : undefined,
      ),
    )
    .groupBy(framePersons.layer, framePersons.role)
    .orderBy(framePersons.layer, framePersons.role);
}
