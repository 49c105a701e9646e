/**
 * Recording an opt-out on the frame person and cancelling their mail that is still queued: directly in
 * confidential and named waves (./opt-out.ts), at the close in anonymous ones
 * (./progress.ts; docs/anonymity.md, "Opting out").
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { cancelQueuedMails } from '../../platform/mail/mail.js';
import { framePersons, invitations } from './schema.js';

/** The idempotency keys of an invitation's mails: the invitation and each reminder sent. */
export const mailKeysOf = (invitationId: string, remindersSent: number): string[] => [
  `invitation:${invitationId}`,
  ...Array.from({ length: remindersSent }, (_, n) => `reminder:${invitationId}:${n + 1}`),
];

/**
 * Writes the opt-out (now) and cancels the invitation's mail (invitation, reminders) that is queued and
 * not yet handed to SMTP. Returns how many messages were cancelled. The frame person is written first:
 * that waits for a reminder batch that holds the person (it locks them), and after it the batch's mail
 * is visible and cancelled here (the count of reminders is read after the wait).
 */
export async function recordOptOut(tx: DbOrTx, invitationId: string, framePersonId: string): Promise<number> {
  await tx
    .update(framePersons)
    .set({ optedOutAt: sql`now()` })
    .where(and(eq(framePersons.id, framePersonId), isNull(framePersons.optedOutAt)));
  const [current] = await tx
    .select({ remindersSent: invitations.remindersSent })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  return cancelQueuedMails(
    tx,
    mailKeysOf(invitationId, current?.remindersSent ?? 0),
    'the recipient opted out before it was sent',
  );
}
