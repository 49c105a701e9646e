/**
 * Magic sign-in links for the people on a contact list (issue 16, item 1; the list: ./contacts.ts).
 *
 * - Anyone may ask for a link for an address: the answer is always the same. For an address on a list a
 *   link is mailed (one per organisation whose list holds it), at most LINKS_PER_HOUR an hour per address.
 *   A link is 256 random bits; only its SHA-256 is stored; it works once and for LINK_MINUTES minutes.
 * - Using the link signs the person in: their account (created on first use, without a password) gets the
 *   reporter role in that organisation, and the incidents the coordinator marked as concerning this contact
 *   become theirs to see. Accounts with more than the reporter role, or with two-step sign-in, must sign in
 *   the ordinary way (a mailbox alone must not open a coordinator's account).
 */
import { and, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/audit.js';
import { audit } from '../../platform/audit/audit.js';
import { insertMembership } from '../../platform/auth/memberships.js';
import { organisationsByIds } from '../../platform/auth/organisations.js';
import { memberships, twoFactor, users } from '../../platform/auth/schema.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import type { Lang } from '../../platform/errors.js';
import { queueMail } from '../../platform/mail/mail.js';
import { defineMailTemplate } from '../../platform/mail/templates.js';
import { linkConcerned } from './contacts.js';
import { incidentContactLinks, incidentContacts } from './schema.js';

export const LINK_MINUTES = 20;
export const LINKS_PER_HOUR = 3;

export const contactLinkTemplate = defineMailTemplate({
  subject: {
    nl: 'Uw link om aan te melden bij het meldpunt van {organisation}',
    en: 'Your link to sign in to the reporting desk of {organisation}',
  },
  text: {
    nl:
      'Beste {name},\n\nU vroeg om een link om aan te melden bij het meldpunt van {organisation}. ' +
      'Met deze link kunt u een melding doen en uw eigen meldingen volgen:\n\n{url}\n\n' +
      'De link werkt één keer en is {minutes} minuten geldig. Vroeg u hier niet om? Dan kunt u deze e-mail negeren.\n\n' +
      'Met vriendelijke groet,\nHet meldpunt van {organisation}',
    en:
      'Dear {name},\n\nYou asked for a link to sign in to the reporting desk of {organisation}. ' +
      'With this link you can report an incident and follow your own reports:\n\n{url}\n\n' +
      'The link works once and is valid for {minutes} minutes. Did you not ask for it? Then you can ignore this e-mail.\n\n' +
      'Kind regards,\nThe reporting desk of {organisation}',
  },
  links: ['url'],
});

const linkActor: Actor = { type: 'system', id: null, label: 'system:contact-link' };

/**
 * Mails a sign-in link to every contact with this address (one per organisation), unless the address
 * had LINKS_PER_HOUR links in the last hour. Returns nothing: the caller's answer never depends on it.
 */
export async function requestLinks(
  db: Db,
  input: { email: string; lang: Lang; publicUrl: string; now?: Date },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  if (!email || email.length > 254) return;
  const now = input.now ?? new Date();
  await db.transaction(async (tx) => {
    const contacts = await tx
      .select({ id: incidentContacts.id, name: incidentContacts.name, org: incidentContacts.organisationId })
      .from(incidentContacts)
      .where(eq(incidentContacts.email, email))
      .for('update');
    if (!contacts.length) return;
    const [recent] = await tx
      .select({ n: count() })
      .from(incidentContactLinks)
      .where(
        and(
          inArray(
            incidentContactLinks.contactId,
            contacts.map((c) => c.id),
          ),
          gt(incidentContactLinks.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    if ((recent?.n ?? 0) >= LINKS_PER_HOUR) return;
    const orgs = await organisationsByIds(
      tx,
      contacts.map((c) => c.org),
    );
    for (const c of contacts) {
      const token = newSecret();
      const [link] = await tx
        .insert(incidentContactLinks)
        .values({
          contactId: c.id,
          tokenHash: hashSecret(token),
          createdAt: now,
          expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000),
        })
        .returning({ id: incidentContactLinks.id });
      await queueMail(tx, {
        to: email,
        template: contactLinkTemplate,
        params: {
          name: c.name,
          organisation: orgs.get(c.org)?.name ?? '',
          url: `${input.publicUrl}/meldpunt/aanmelden/${token}`,
          minutes: LINK_MINUTES,
        },
        lang: input.lang,
        idempotencyKey: `incident-contact-link:${link!.id}`,
        purpose: 'incident-contact-link',
        organisationId: c.org,
        redactAfterSend: true,
      });
      await audit(tx, linkActor, {
        action: 'incident-contacts.link',
        resourceType: 'incident-contact',
        resourceId: c.id,
        organisationId: c.org,
      });
    }
  });
}

/** Is the link usable (unused, not expired)? For the confirmation page; does not use it up. */
export async function linkIsValid(db: DbOrTx, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: incidentContactLinks.id })
    .from(incidentContactLinks)
    .where(
      and(
        eq(incidentContactLinks.tokenHash, hashSecret(token)),
        isNull(incidentContactLinks.usedAt),
        gt(incidentContactLinks.expiresAt, now),
      ),
    );
  return !!row;
}

export type LinkOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'ordinary-sign-in' };

/**
 * Uses a link up and prepares the sign-in: the account (created when there is none), the reporter role
 * in the contact's organisation, the incidents that concern the contact. All in one transaction.
 */
export async function useLink(db: Db, token: string, now = new Date()): Promise<LinkOutcome> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(incidentContactLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(incidentContactLinks.tokenHash, hashSecret(token)),
          isNull(incidentContactLinks.usedAt),
          gt(incidentContactLinks.expiresAt, now),
        ),
      )
      .returning({ contactId: incidentContactLinks.contactId });
    if (!link) return { ok: false, reason: 'invalid' } as const;
    const [contact] = await tx.select().from(incidentContacts).where(eq(incidentContacts.id, link.contactId));
    if (!contact) return { ok: false, reason: 'invalid' } as const;
    const [user] = await tx
      .select({ id: users.id, disabledAt: users.disabledAt, platformRoles: users.platformRoles })
      .from(users)
      .where(eq(users.email, contact.email));
    let userId: string;
    if (user) {
      if (user.disabledAt) return { ok: false, reason: 'invalid' } as const;
      const roles = await tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, user.id));
      const [tf] = await tx.select({ n: count() }).from(twoFactor).where(eq(twoFactor.userId, user.id));
      if (user.platformRoles.length || roles.some((r) => r.role !== 'reporter') || (tf?.n ?? 0) > 0) {
        // Mark the link used anyway: it has been seen; the person signs in the ordinary way.
        return { ok: false, reason: 'ordinary-sign-in' } as const;
      }
      userId = user.id;
    } else {
      const [row] = await tx
        .insert(users)
        .values({ email: contact.email, displayName: contact.name, passwordHash: null })
        .returning({ id: users.id });
      userId = row!.id;
      await audit(tx, linkActor, {
        action: 'user.create',
        resourceType: 'user',
        resourceId: userId,
        organisationId: contact.organisationId,
        diff: { via: 'incident-contact-link', password: 'none' },
      });
    }
    await insertMembership(tx, linkActor, userId, contact.organisationId, 'reporter');
    await linkConcerned(tx, contact.id, userId);
    await audit(tx, linkActor, {
      action: 'incident-contacts.link-used',
      resourceType: 'incident-contact',
      resourceId: contact.id,
      organisationId: contact.organisationId,
    });
    return { ok: true, userId } as const;
  });
}
