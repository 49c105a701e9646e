/**
 * Opting out through the link in the mail (/r/:token/afmelden): no further mail about this wave.
 *
 * Confidential and named waves record it at once: the frame person's `opted_out_at`, their queued
 * mail cancelled, an audit record. In an open anonymous wave that write would sit right after the
 * person's response (whoever completes and opts out a moment later), with a neighbouring transaction
 * id and time, and pair the two. So there the request writes only a sealed mark, like a completion
 * (./progress.ts): no frame person, invitation, mail, job or audit record. Reminder rounds read the
 * marks in memory and skip the person, once at least 10 of their cell opted out since (until then the
 * cell's reminders wait; ./reminder-gate.ts); the close's job records every opt-out
 * (docs/anonymity.md, "Opting out").
 */
import { eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { findInvitationByToken, type InvitationByToken } from './invitations.js';
import { recordOptOut } from './opt-out-record.js';
import { lockWaveShared, queueProgressMark, waitingMarks } from './progress.js';
import { waves } from './schema.js';

/** Whether the link's holder opted out (recorded, or in a waiting mark of an anonymous wave). */
export async function hasOptedOut(db: DbOrTx, serverKey: Buffer, found: InvitationByToken): Promise<boolean> {
  if (found.framePerson.optedOutAt) return true;
  if (found.wave.anonymity !== 'anonymous') return false;
  return (await waitingMarks(db, serverKey, found.wave.id)).optedOut.has(found.invitation.id);
}

/** Opts the link's holder out of further mail for this wave. Idempotent; false for an unknown link. */
export async function optOut(db: DbOrTx, serverKey: Buffer, token: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const found = await findInvitationByToken(tx, token);
    if (!found) return false;
    if (found.framePerson.optedOutAt) return true;
    if (found.wave.anonymity === 'anonymous') {
      // Held shared like an answering transaction: a reminder round (which holds the wave for update)
      // either sees this mark or runs before it, and a close waits for it (its job records the mark).
      await lockWaveShared(tx, found.wave.id);
      const [w] = await tx.select({ status: waves.status }).from(waves).where(eq(waves.id, found.wave.id));
      if (w?.status === 'open') {
        if (!(await hasOptedOut(tx, serverKey, found)))
          await queueProgressMark(tx, serverKey, found.wave.id, found.invitation.id, 'opted_out');
        return true;
      }
      // Closed: the close rewrote the responses (its job compacts their old versions); a direct write
      // pairs with nothing.
    }
    const cancelled = await recordOptOut(tx, found.invitation.id, found.framePerson.id);
    await audit(
      tx,
      { type: 'system', id: null, label: 'respondent (opt-out link)' },
      {
        action: 'wave.frame.optout',
        resourceType: 'frame_person',
        resourceId: found.framePerson.id,
        diff: { waveId: found.wave.id, cancelledMail: cancelled },
      },
    );
    return true;
  });
}
