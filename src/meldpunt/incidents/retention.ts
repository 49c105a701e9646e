/**
 * Retention (issue 16, item 3): the personal data of an incident is removed a number of years after its
 * closure (per organisation, default 5). What stays is a counted, anonymised record for the overviews
 * and statistics: the organisation, the month it happened, forms, channel, place, role, severity, state,
 * dates of submission and closure, and the yes/no answers. Removed: who reported and who it concerned,
 * names, the description and other free text, the time of day, the perpetrator's name and key, evidence,
 * the link to a contact, assignments, and the state history (with its notes and actor labels; the
 * append-only trigger lets only this job delete it). Every purge writes a line to the deletion log and an
 * audit record, with ids and field names only. Idempotent: a purged incident is not purged again.
 */
import { sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';

/** What a purge removes, for the deletion log (names of kinds of data, never values). */
export const purgedData = [
  'reporter',
  'concernedPerson',
  'concernedName',
  'occurredTime',
  'occurredDay',
  'channelDetail',
  'description',
  'perpetratorDescription',
  'perpetratorName',
  'evidence',
  'concernedContact',
  'assignments',
  'taskTitles',
  'measureNotes',
  'history',
] as const;

const NOBODY = '00000000-0000-0000-0000-000000000000';

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : ((r as { rows?: T[] }).rows ?? []));

/** Purges every incident whose retention has passed on `now`; returns how many. Batches of `batch`. */
export async function purgeExpired(db: Db, actor: Actor, now = new Date(), batch = 100): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = rowsOf<{ id: string; organisation_id: string; closed_at: Date | string | null }>(
        await tx.execute(sql`
          select i.id, i.organisation_id, i.closed_at
          from incidents i left join incident_settings s on s.organisation_id = i.organisation_id
          where i.state = 'afgesloten' and i.purged_at is null and i.closed_at is not null
            and i.closed_at < ${now.toISOString()}::timestamptz - make_interval(years => coalesce(s.retention_years, 5))
          order by i.closed_at
          limit ${batch}
          for update of i skip locked`),
      );
      if (!due.length) return 0;
      const ids = due.map((d) => d.id);
      const idList = sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      await tx.execute(sql`select set_config('weerbaar.incident_retention', 'on', true)`);
      await tx.execute(sql`delete from incident_state_changes where incident_id in (${idList})`);
      await tx.execute(sql`select set_config('weerbaar.incident_retention', 'off', true)`);
      await tx.execute(sql`delete from incident_perpetrator_names where incident_id in (${idList})`);
      await tx.execute(sql`delete from incident_evidence where incident_id in (${idList})`);
      await tx.execute(sql`delete from incident_concerned_contacts where incident_id in (${idList})`);
      await tx.execute(sql`delete from incident_assignments where incident_id in (${idList})`);
      await tx.execute(
        sql`update incident_tasks set title = null, done_by = null where incident_id in (${idList})`,
      );
      await tx.execute(
        sql`update incident_measures set note = null, recorded_by = null where incident_id in (${idList})`,
      );
      await tx.execute(sql`
        update incidents set reporter_user_id = ${NOBODY}::uuid, concerned_user_id = null, concerned_name = null,
          occurred_time = null, occurred_on = date_trunc('month', occurred_on)::date, channel_detail = null,
          description = null, perpetrator_description = null, purged_at = ${now.toISOString()}::timestamptz
        where id in (${idList})`);
      for (const d of due) {
        await tx.execute(sql`
          insert into incident_deletion_log (organisation_id, incident_id, closed_at, purged_at, removed)
          values (${d.organisation_id}::uuid, ${d.id}::uuid, ${d.closed_at ? new Date(d.closed_at).toISOString() : null}::timestamptz,
            ${now.toISOString()}::timestamptz, ${`{${purgedData.join(',')}}`}::text[])`);
        await audit(tx, actor, {
          action: 'incident.purge',
          resourceType: 'incident',
          resourceId: d.id,
          organisationId: d.organisation_id,
          diff: { removed: [...purgedData] },
        });
      }
      return due.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

/**
 * Removes drafts never sent whose last change is more than the organisation's `draft_retention_days`
 * (default 90) before `now`: the whole incident goes (with its perpetrator name, evidence and contact
 * link), as nothing was reported; the deletion log and the audit log keep its id and `draft`. Returns how
 * many. Batches of `batch`.
 */
export async function purgeStaleDrafts(db: Db, actor: Actor, now = new Date(), batch = 100): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = rowsOf<{ id: string; organisation_id: string }>(
        await tx.execute(sql`
          select i.id, i.organisation_id
          from incidents i left join incident_settings s on s.organisation_id = i.organisation_id
          where i.state = 'draft'
            and i.updated_at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.draft_retention_days, 90))
          order by i.updated_at
          limit ${batch}
          for update of i skip locked`),
      );
      if (!due.length) return 0;
      const idList = sql.join(
        due.map((d) => sql`${d.id}::uuid`),
        sql`, `,
      );
      await tx.execute(sql`delete from incidents where id in (${idList}) and state = 'draft'`);
      for (const d of due) {
        await tx.execute(sql`
          insert into incident_deletion_log (organisation_id, incident_id, closed_at, purged_at, removed)
          values (${d.organisation_id}::uuid, ${d.id}::uuid, null, ${now.toISOString()}::timestamptz, '{draft}'::text[])`);
        await audit(tx, actor, {
          action: 'incident.draft-purge',
          resourceType: 'incident',
          resourceId: d.id,
          organisationId: d.organisation_id,
          diff: { removed: ['draft'] },
        });
      }
      return due.length;
    });
    total += n;
    if (n < batch) return total;
  }
}
