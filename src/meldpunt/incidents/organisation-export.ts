/**
 * An organisation's own incidents as CSV (issue 16, items 4 and 5: `weerbaar incidents export`): one row
 * per submitted incident with the counted fields of the overviews — no names, no free text, no people.
 * The export is audited with the number of rows.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import { formatCsv } from '../../platform/csv/csv.js';
import type { Db } from '../../platform/db/database.js';
import { incidents } from './schema.js';

export const exportColumns = [
  'id',
  'state',
  'occurred_on',
  'recurrence',
  'location',
  'channel',
  'forms',
  'traits',
  'concerned_role',
  'severity',
  'consequences',
  'police_contacted',
  'aangifte_made',
  'aangifte_wanted',
  'referred_on',
  'submitted_at',
  'closed_at',
  'purged',
] as const;

export async function organisationCsv(db: Db, actor: Actor, organisationId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.organisationId, organisationId), ne(incidents.state, 'draft')))
      .orderBy(asc(incidents.submittedAt));
    const day = (d: Date | null) => (d ? d.toISOString() : '');
    const yes = (b: boolean) => (b ? 'ja' : 'nee');
    const lines = rows.map((i) => [
      i.id,
      i.state,
      i.occurredOn ?? '',
      i.recurrence ?? '',
      i.location ?? '',
      i.channel ?? '',
      i.forms.join(';'),
      i.traits.join(';'),
      i.concernedRole ?? '',
      i.severity ?? '',
      i.consequences.join(';'),
      yes(i.policeContacted),
      yes(i.aangifteMade),
      yes(i.aangifteWanted),
      i.referredOn ?? '',
      day(i.submittedAt),
      day(i.closedAt),
      yes(i.purgedAt !== null),
    ]);
    await audit(tx, actor, {
      action: 'incident.export',
      resourceType: 'organisation',
      resourceId: organisationId,
      organisationId,
      diff: { rows: rows.length },
    });
    return formatCsv([[...exportColumns], ...lines]);
  });
}
