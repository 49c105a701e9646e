/**
 * The coordinator's contact list (issue 16, item 1): the people who may report and follow their own
 * incidents through a magic sign-in link (./contact-links.ts). The coordinator imports the list (CSV/XLSX,
 * ./contacts-file.ts): the file becomes the list, in one transaction (a failed import changes nothing);
 * audited with counts, never names or addresses. The coordinator may mark a contact as the person
 * concerned by an incident.
 */
import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { assertCan, type Principal } from '../../platform/access/policy.js';
import { audit } from '../../platform/audit/audit.js';
import { actorOf } from '../../platform/auth/actor.js';
import { memberships, users } from '../../platform/auth/schema.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { mayAssign } from './access.js';
import type { ContactLine } from './contacts-file.js';
import { incidentRow, partiesOf } from './repository.js';
import { incidentConcernedContacts, incidentContacts, incidents } from './schema.js';
import { notFound } from './service.js';

export type Contact = typeof incidentContacts.$inferSelect;

export async function listContacts(db: DbOrTx, p: Principal, organisationId: string): Promise<Contact[]> {
  assertCan(p, 'incident.contacts', organisationId);
  return db
    .select()
    .from(incidentContacts)
    .where(eq(incidentContacts.organisationId, organisationId))
    .orderBy(asc(incidentContacts.name), asc(incidentContacts.email));
}

export interface ImportResult {
  added: number;
  updated: number;
  removed: number;
}

/** The file becomes the list: new addresses added, known ones updated, missing ones removed. */
export async function importContacts(
  db: Db,
  p: Principal,
  organisationId: string,
  lines: readonly ContactLine[],
): Promise<ImportResult> {
  assertCan(p, 'incident.contacts', organisationId);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ email: incidentContacts.email })
      .from(incidentContacts)
      .where(eq(incidentContacts.organisationId, organisationId));
    const known = new Set(existing.map((e) => e.email));
    const emails = lines.map((l) => l.email);
    const removed = await tx
      .delete(incidentContacts)
      .where(
        and(
          eq(incidentContacts.organisationId, organisationId),
          emails.length ? notInArray(incidentContacts.email, emails) : undefined,
        ),
      )
      .returning({ id: incidentContacts.id });
    const now = new Date();
    for (let i = 0; i < lines.length; i += 500) {
      await tx
        .insert(incidentContacts)
        .values(lines.slice(i, i + 500).map((l) => ({ organisationId, ...pick(l), updatedAt: now })))
        .onConflictDoUpdate({
          target: [incidentContacts.organisationId, incidentContacts.email],
          set: { name: sql`excluded.name`, role: sql`excluded.role`, updatedAt: now },
        });
    }
    const result = {
      added: lines.filter((l) => !known.has(l.email)).length,
      updated: lines.filter((l) => known.has(l.email)).length,
      removed: removed.length,
    };
    await audit(tx, actorOf(p), {
      action: 'incident-contacts.import',
      resourceType: 'incident-contact-list',
      resourceId: organisationId,
      organisationId,
      diff: result,
    });
    return result;
  });
}

const pick = (l: ContactLine) => ({ email: l.email, name: l.name, role: l.role });

export async function removeContact(db: Db, p: Principal, organisationId: string, contactId: string) {
  assertCan(p, 'incident.contacts', organisationId);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(incidentContacts)
      .where(and(eq(incidentContacts.id, contactId), eq(incidentContacts.organisationId, organisationId)))
      .returning({ id: incidentContacts.id });
    if (!gone.length) throw new AppError('not-found');
    await audit(tx, actorOf(p), {
      action: 'incident-contacts.remove',
      resourceType: 'incident-contact',
      resourceId: contactId,
      organisationId,
    });
  });
}

/** The incidents marked as concerning the contact become the user's (when nobody is set yet). */
export async function linkConcerned(tx: DbOrTx, contactId: string, userId: string) {
  const ids = await tx
    .select({ id: incidentConcernedContacts.incidentId })
    .from(incidentConcernedContacts)
    .where(eq(incidentConcernedContacts.contactId, contactId));
  if (!ids.length) return;
  await tx
    .update(incidents)
    .set({ concernedUserId: userId })
    .where(
      and(
        inArray(
          incidents.id,
          ids.map((i) => i.id),
        ),
        isNull(incidents.concernedUserId),
      ),
    );
}

/**
 * The coordinator marks a contact of the list as the person concerned (or clears it). When an account
 * with that address holds the reporter role there, the incident is theirs at once; otherwise from their
 * first sign-in through a link. A person marked before (by mistake) loses the incident again.
 */
export async function setConcernedContact(
  db: Db,
  p: Principal,
  incidentId: string,
  contactId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await incidentRow(tx, incidentId, true);
    if (!row || !mayAssign(p, await partiesOf(tx, row))) throw notFound();
    assertCan(p, 'incident.contacts', row.organisationId);
    const before = await concernedContactOf(tx, row.id);
    if (before && before !== contactId && row.concernedUserId && row.concernedUserId !== row.reporterUserId) {
      const [prev] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(incidentContacts, eq(incidentContacts.email, users.email))
        .where(eq(incidentContacts.id, before));
      if (prev?.id === row.concernedUserId)
        await tx.update(incidents).set({ concernedUserId: null }).where(eq(incidents.id, row.id));
    }
    if (contactId === null) {
      await tx.delete(incidentConcernedContacts).where(eq(incidentConcernedContacts.incidentId, row.id));
    } else {
      const [c] = await tx
        .select({ id: incidentContacts.id, email: incidentContacts.email })
        .from(incidentContacts)
        .where(
          and(eq(incidentContacts.id, contactId), eq(incidentContacts.organisationId, row.organisationId)),
        );
      if (!c)
        throw new AppError('validation', {
          invalidParams: [
            {
              name: 'contactId',
              code: 'unknown_contact',
              reason: { nl: 'kies iemand van de contactlijst', en: 'choose someone on the contact list' },
            },
          ],
        });
      await tx
        .insert(incidentConcernedContacts)
        .values({ incidentId: row.id, contactId })
        .onConflictDoUpdate({ target: incidentConcernedContacts.incidentId, set: { contactId } });
      const [member] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(
          and(
            eq(users.email, c.email),
            eq(memberships.organisationId, row.organisationId),
            eq(memberships.role, 'reporter'),
            isNull(users.disabledAt),
          ),
        );
      if (member) await linkConcerned(tx, contactId, member.id);
    }
    await audit(tx, actorOf(p), {
      action: 'incident.concerned-contact',
      resourceType: 'incident',
      resourceId: row.id,
      organisationId: row.organisationId,
      diff: { fields: ['concernedContact'] },
    });
  });
}

/** The contact marked as concerned by an incident (for the coordinator's form). */
export async function concernedContactOf(db: DbOrTx, incidentId: string): Promise<string | null> {
  const [row] = await db
    .select({ contactId: incidentConcernedContacts.contactId })
    .from(incidentConcernedContacts)
    .where(eq(incidentConcernedContacts.incidentId, incidentId));
  return row?.contactId ?? null;
}
