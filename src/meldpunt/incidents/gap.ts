/**
 * The registration gap read together (./gap-model.ts computes it): the monitor's latest wave and its
 * prevalence of aggression through the results layer's service, the frame's office holders through the
 * monitor's service, and the office holders with a registered incident from the Meldpunt's own tables.
 */
import { officeHoldersByRole } from '../../monitor/fieldwork/frame-counts.js';
import type { Database } from '../../platform/db/database.js';
import { type LatestIndicator, latestIndicator } from '../../results/read/service.js';
import type { Visibility } from '../../results/release/service.js';
import { frameRoleOf, type GapRow, gapRows, type Prevalence, type RegisteredCount } from './gap-model.js';

/** The monitor's indicator of any aggression in the past 12 months (src/results/indicators/builtin.ts). */
export const PREVALENCE_INDICATOR = 'agr_any_12m';

/** The 12 months before the fieldwork: [start − 1 year, start − 1 day]. */
export function yearBefore(fieldworkStart: string): { from: string; to: string } {
  const start = new Date(`${fieldworkStart}T00:00:00Z`);
  const from = new Date(start);
  from.setUTCFullYear(start.getUTCFullYear() - 1);
  const to = new Date(start.getTime() - 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/**
 * Office holders (distinct persons) with at least one submitted incident that happened in [from, to]
 * (the day of the report when the day it happened is not given), per organisation, layer and role. A
 * person is the person concerned's account, else the reporter's when they reported for themselves, else
 * their contact-list entry, else their name as written; an incident naming nobody counts as one person.
 */
export async function registeredOfficeHolders(
  database: Pick<Database, 'query'>,
  from: string,
  to: string,
  organisationId?: string,
): Promise<RegisteredCount[]> {
  const roles = Object.keys(frameRoleOf);
  const rows = await database.query<{
    organisation_id: string;
    layer: string;
    role: string;
    persons: number;
  }>(
    `select i.organisation_id, o.layer, i.concerned_role as role,
            count(distinct coalesce(
              'u:' || coalesce(i.concerned_user_id, case when i.reporter_relation = 'self' then i.reporter_user_id end)::text,
              'c:' || cc.contact_id::text,
              'n:' || nullif(lower(trim(i.concerned_name)), ''),
              'i:' || i.id::text))::int as persons
       from incidents i
       join organisations o on o.id = i.organisation_id
       left join incident_concerned_contacts cc on cc.incident_id = i.id
      where i.state <> 'draft'
        and i.concerned_role = any($3::text[])
        and coalesce(i.occurred_on, (i.submitted_at at time zone 'Europe/Amsterdam')::date) between $1::date and $2::date
        and ($4::uuid is null or i.organisation_id = $4::uuid)
      group by 1, 2, 3`,
    [from, to, roles, organisationId ?? null],
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    layer: r.layer,
    role: frameRoleOf[r.role]!,
    persons: Number(r.persons),
  }));
}

export interface RegistrationGap {
  monitor: LatestIndicator;
  period: { from: string; to: string };
  rows: GapRow[];
}

/** The gap for the country or one organisation; undefined when the reader may see no wave with the indicator. */
export async function registrationGap(
  database: Database,
  visibility: Visibility,
  organisationId?: string,
): Promise<RegistrationGap | undefined> {
  const monitor = await latestIndicator(
    database,
    PREVALENCE_INDICATOR,
    [['bg_layer'], ['bg_layer', 'bg_role']],
    visibility,
  );
  if (!monitor?.wave.fieldworkStart) return undefined;
  const period = yearBefore(monitor.wave.fieldworkStart);
  const frame = await officeHoldersByRole(database.db, monitor.wave.id, organisationId);
  const registered = await registeredOfficeHolders(database, period.from, period.to, organisationId);
  const prevalence = (layer: string, role: string | null): Prevalence | null => {
    const cell = monitor.cells.find(
      (c) =>
        c.by.bg_layer === layer && (role === null ? Object.keys(c.by).length === 1 : c.by.bg_role === role),
    );
    return cell ? { estimate: cell.estimate, ci: cell.ci, suppressed: cell.suppressed } : null;
  };
  const rows = gapRows(frame, registered, prevalence, organisationId ? 'organisation' : 'national');
  return { monitor, period, rows };
}
