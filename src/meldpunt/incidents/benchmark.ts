/**
 * Reads each organisation's counts for the benchmark (./benchmark-model.ts) in one query: every
 * organisation that uses the Meldpunt (at least one submitted incident, at any time) with its counts of
 * the incidents reported in the period. Aggregates only; nothing of an incident leaves this query.
 */
import type { Database } from '../../platform/db/database.js';
import type { OrganisationCounts } from './benchmark-model.js';
import { forms, severities } from './model.js';

const LOCAL_DAY = (column: string) => `(${column} at time zone 'Europe/Amsterdam')::date`;

export async function organisationCounts(
  database: Pick<Database, 'query'>,
  from: string,
  to: string,
): Promise<OrganisationCounts[]> {
  const formColumns = forms
    .map((f, k) => `count(*) filter (where '${f}' = any(i.forms))::int as f${k}`)
    .join(',\n');
  const severityColumns = severities
    .map((s, k) => `count(*) filter (where i.severity = '${s}')::int as s${k}`)
    .join(',\n');
  const rows = await database.query<Record<string, number | string | null>>(
    `with users as (
       select distinct organisation_id from incidents where state <> 'draft'
     ), scoped as (
       select i.* from incidents i
        where i.state <> 'draft' and ${LOCAL_DAY('i.submitted_at')} between $1::date and $2::date
     ), first_contact as (
       select t.incident_id,
              bool_or(t.done_at is not null and ${LOCAL_DAY('t.done_at')} <= t.due_on) as on_time,
              bool_or(t.done_at is not null) as done
         from incident_tasks t join scoped s on s.id = t.incident_id
        where t.kind = 'first_contact'
        group by t.incident_id
     )
     select o.id as organisation_id, o.layer, o.size_class,
            count(i.id)::int as total,
            ${formColumns},
            ${severityColumns},
            count(*) filter (where i.aangifte_made)::int as aangifte,
            count(*) filter (where fc.done and fc.on_time)::int as fc_on_time,
            count(*) filter (where fc.done and not fc.on_time)::int as fc_late
       from users u
       join organisations o on o.id = u.organisation_id
       left join scoped i on i.organisation_id = o.id
       left join first_contact fc on fc.incident_id = i.id
      group by o.id, o.layer, o.size_class
      order by o.id`,
    [from, to],
  );
  return rows.map((r) => {
    const total = Number(r.total);
    const severity = Object.fromEntries(severities.map((s, k) => [s, Number(r[`s${k}`])]));
    severity.unknown = total - Object.values(severity).reduce((a, b) => a + b, 0);
    return {
      organisationId: String(r.organisation_id),
      layer: String(r.layer),
      sizeClass: r.size_class === null ? null : String(r.size_class),
      total,
      forms: Object.fromEntries(forms.map((f, k) => [f, Number(r[`f${k}`])])),
      severity,
      aangifte: Number(r.aangifte),
      firstContactOnTime: Number(r.fc_on_time),
      firstContactLate: Number(r.fc_late),
    };
  });
}
