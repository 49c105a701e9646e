/**
 * The follow-up list of a wave: who has not completed and did not opt out (docs/anonymity.md,
 * "Opting out", for anonymous waves). Moved out of ./invitations.ts, which re-exports it.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { waitingMarks } from './progress.js';
import { framePersons, invitations } from './schema.js';
import { type UndeliveredPerson, undeliveredByPerson } from './undelivered.js';
import { getWave } from './waves-service.js';

export interface NonRespondent {
  name: string;
  email: string;
  role: string;
  organisationId: string;
  layer: string;
  /** not_invited | not_started | started */
  status: string;
  remindersSent: number;
  invitedAt: Date | null;
  strata: Record<string, string>;
  /** The latest invitation or reminder that did not arrive (bounced, failed for good), if any. */
  undelivered: Pick<UndeliveredPerson, 'reminder' | 'status' | 'reason' | 'at'> | null;
}

/**
 * Everyone in the frame who has not completed and did not opt out, for phone or paper follow-up. With
 * the server key, an anonymous wave's waiting opt-outs count too, but only those a reminder round has
 * shown already (seen, skipped with at least 9 others of the cell): leaving out a fresh one would show
 * who opted out a moment ago, as a round skipping them alone would (docs/anonymity.md); nor whoever has
 * a completion waiting as well (that would show who completed a moment ago).
 */
export async function nonRespondents(
  db: DbOrTx,
  waveId: string,
  serverKey?: Buffer,
): Promise<NonRespondent[]> {
  const wave = await getWave(db, waveId);
  const waiting =
    serverKey && wave.anonymity === 'anonymous' ? await waitingMarks(db, serverKey, waveId) : undefined;
  const optedOut = (invitationId: string | undefined) =>
    invitationId !== undefined &&
    waiting?.seen.has(invitationId) === true &&
    waiting.progress.get(invitationId) !== 'completed';
  const rows = await db
    .select({ p: framePersons, i: invitations })
    .from(framePersons)
    .leftJoin(invitations, eq(invitations.framePersonId, framePersons.id))
    .where(
      and(
        eq(framePersons.waveId, waveId),
        isNull(framePersons.optedOutAt),
        sql`coalesce(${invitations.status}, 'not_invited') <> 'completed'`,
      ),
    )
    .orderBy(asc(framePersons.layer), asc(framePersons.organisationId), asc(framePersons.name));
  const undelivered = await undeliveredByPerson(db, waveId);
  return rows
    .filter(({ i }) => !optedOut(i?.id))
    .map(({ p, i }) => ({
      name: p.name,
      email: p.email,
      role: p.role,
      organisationId: p.organisationId,
      layer: p.layer,
      status: i?.status ?? 'not_invited',
      remindersSent: i?.remindersSent ?? 0,
      invitedAt: i?.invitedAt ?? null,
      strata: (p.strata ?? {}) as Record<string, string>,
      undelivered: undelivered.get(p.id) ?? null,
    }));
}
