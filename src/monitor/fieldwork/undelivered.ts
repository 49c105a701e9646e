/**
 * Invitations and reminders that did not arrive (bounced, or failed for good), per person of a wave: for the
 * monitoring page and the non-respondent export, so the research bureau can follow up by phone. The mail
 * module knows messages by idempotency key (`invitation:<invitation>`, `reminder:<invitation>:<n>`, see
 * ./invitations.ts); this matches them to the wave's invitations.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { undeliveredMails } from '../../platform/mail/mail.js';
import { organisationsByCode } from './frame-service.js';
import { framePersons, invitations } from './schema.js';

export interface UndeliveredPerson {
  framePersonId: string;
  name: string;
  email: string;
  organisationId: string;
  /** Which mail: the invitation (0) or the n-th reminder. */
  reminder: number;
  status: 'bounced' | 'failed';
  reason: string | null;
  at: Date | null;
}

const KEY = /^(invitation|reminder):([0-9a-f-]{36})(?::(\d+))?$/;

/** The latest mail that did not arrive, per frame person (by id) of the wave. */
export async function undeliveredByPerson(
  db: DbOrTx,
  waveId: string,
): Promise<Map<string, UndeliveredPerson>> {
  // Oldest first, so the latest problem of an invitation wins.
  const latest = new Map<
    string,
    { reminder: number; mail: Awaited<ReturnType<typeof undeliveredMails>>[0] }
  >();
  for (const mail of await undeliveredMails(db, ['invitation', 'reminder'])) {
    const m = KEY.exec(mail.idempotencyKey);
    if (m) latest.set(m[2]!, { reminder: m[1] === 'reminder' ? Number(m[3]) : 0, mail });
  }
  const out = new Map<string, UndeliveredPerson>();
  const ids = [...latest.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .select({
        invitationId: invitations.id,
        framePersonId: framePersons.id,
        name: framePersons.name,
        email: framePersons.email,
        organisationId: framePersons.organisationId,
      })
      .from(invitations)
      .innerJoin(framePersons, eq(framePersons.id, invitations.framePersonId))
      .where(and(eq(invitations.waveId, waveId), inArray(invitations.id, ids.slice(i, i + 5000))));
    for (const { invitationId, ...person } of rows) {
      const { reminder, mail } = latest.get(invitationId)!;
      out.set(person.framePersonId, {
        ...person,
        reminder,
        status: mail.status,
        reason: mail.reason,
        at: mail.at,
      });
    }
  }
  return out;
}

/** The same as a list by name, with the organisation's code and name (the monitoring page). */
export async function undeliveredList(
  db: DbOrTx,
  waveId: string,
): Promise<Array<UndeliveredPerson & { organisation: string }>> {
  const list = [...(await undeliveredByPerson(db, waveId)).values()];
  if (list.length === 0) return [];
  const orgs = new Map([...(await organisationsByCode(db)).values()].map((o) => [o.id, o]));
  return list
    .map((p) => {
      const o = orgs.get(p.organisationId);
      return { ...p, organisation: o ? `${o.name} (${o.code})` : p.organisationId };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.email.localeCompare(b.email));
}
