/**
 * Reads each organisation's counts for the benchmark (./benchmark-model.ts) in one query: every
 * organisation that uses the Meldpunt (at least one submitted incident, at any time) with its counts of
 * the incidents reported in the period. Aggregates only; nothing of an incident leaves this query.
 */
import type { Database } from '../../platform/db/database.js';
import type { OrganisationCounts } from './benchmark-model.js';
import { forms, severities } from './model.js';

/** The first instant of a Dutch calendar day, and of the day after it. */
const START = (day: string) => `(${day})::timestamp at time zone 'Europe/Amsterdam'`;
const DAY_AFTER = (day: string) => `((${day}) + 1)::timestamp at time zone 'Europe/Amsterdam'`;

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
  // The period as instants (Dutch calendar days), so the index on (organisation, state, submitted_at) serves;
  // every submitted incident has one first-contact task (./tasks.ts), so joining it keeps one row per incident.
  const rows = await database.query<Record<string, number | string | null>>(
    `select o.id as organisation_id, o.layer, o.size_class,
            count(i.id)::int as total,
            ${formColumns},
            ${severityColumns},
            count(*) filter (where i.aangifte_made)::int as aangifte,
            count(t.id) filter (where t.done_at is not null and t.done_at < ${DAY_AFTER('t.due_on')})::int as fc_on_time,
            count(t.id) filter (where t.done_at is not null and t.done_at >= ${DAY_AFTER('t.due_on')})::int as fc_late
       from organisations o
       left join incidents i on i.organisation_id = o.id and i.state <> 'draft'
        and i.submitted_at >= ${START('$1::date')} and i.submitted_at < ${DAY_AFTER('$2::date')}
       left join incident_tasks t on t.incident_id = i.id and t.kind = 'first_contact'
      where exists (select 1 from incidents u where u.organisation_id = o.id and u.state <> 'draft')
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
