/**
 * The organisation's own overview of its incidents (issue 16, item 4): counts by month, state, form,
 * channel, role and severity for a period, open and overdue tasks (by kind), the time to first contact
 * and the aangifte rate. Aggregates of the organisation's own data for its coordinator, who sees every
 * incident anyway (no disclosure control here; the benchmark against other organisations has it:
 * ./benchmark.ts). Drawn with the shared charts (./overview-charts.ts).
 */
import type { Database } from '../../platform/db/database.js';

export interface Overview {
  from: string;
  to: string;
  total: number;
  byState: Record<string, number>;
  byForm: Record<string, number>;
  byChannel: Record<string, number>;
  byRole: Record<string, number>;
  bySeverity: Record<string, number>;
  /** Reports per calendar month (`YYYY-MM`) of the period, months without reports included as 0. */
  byMonth: Record<string, number>;
  /** Overdue open tasks by kind. */
  overdueByKind: Record<string, number>;
  openTasks: number;
  overdueTasks: number;
  /** First-contact tasks done: how many, and how many of them on time. */
  firstContactDone: number;
  firstContactOnTime: number;
  /** Median calendar days from the report to the first contact (done tasks only); null without any. */
  medianDaysToFirstContact: number | null;
  aangifteMade: number;
}

const counts = (rows: Array<{ key: string | null; n: number }>) =>
  Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key!, Number(r.n)]));

/** Submitted incidents of the organisation whose report date lies in [from, to] (Dutch calendar days). */
const SCOPE = `i.organisation_id = $1 and i.state <> 'draft'
  and (i.submitted_at at time zone 'Europe/Amsterdam')::date between $2::date and $3::date`;
const LOCAL_DAY = (column: string) => `(${column} at time zone 'Europe/Amsterdam')::date`;

export async function organisationOverview(
  database: Pick<Database, 'query'>,
  organisationId: string,
  from: string,
  to: string,
  today: string,
): Promise<Overview> {
  const params = [organisationId, from, to];
  const group = async (expr: string) =>
    counts(
      await database.query<{ key: string | null; n: number }>(
        `select ${expr} as key, count(*)::int as n from incidents i where ${SCOPE} group by 1 order by 1`,
        params,
      ),
    );
  const [totals] = await database.query<{ total: number; aangifte: number }>(
    `select count(*)::int as total, count(*) filter (where i.aangifte_made)::int as aangifte
       from incidents i where ${SCOPE}`,
    params,
  );
  const [tasks] = await database.query<{
    open: number;
    overdue: number;
    fc_done: number;
    fc_on_time: number;
    fc_median: number | string | null;
  }>(
    `select count(*) filter (where t.done_at is null and i.state <> 'afgesloten')::int as open,
            count(*) filter (where t.done_at is null and i.state <> 'afgesloten' and t.due_on < $4::date)::int as overdue,
            count(*) filter (where t.kind = 'first_contact' and t.done_at is not null)::int as fc_done,
            count(*) filter (where t.kind = 'first_contact' and t.done_at is not null
                               and ${LOCAL_DAY('t.done_at')} <= t.due_on)::int as fc_on_time,
            percentile_cont(0.5) within group (order by ${LOCAL_DAY('t.done_at')} - ${LOCAL_DAY('i.submitted_at')})
              filter (where t.kind = 'first_contact' and t.done_at is not null) as fc_median
       from incident_tasks t join incidents i on i.id = t.incident_id
      where ${SCOPE}`,
    [...params, today],
  );
  const months = await group(`to_char(${LOCAL_DAY('i.submitted_at')}, 'YYYY-MM')`);
  const byMonth: Record<string, number> = {};
  for (const m of monthsOf(from, to)) byMonth[m] = months[m] ?? 0;
  const overdueByKind = counts(
    await database.query<{ key: string | null; n: number }>(
      `select t.kind as key, count(*)::int as n
         from incident_tasks t join incidents i on i.id = t.incident_id
        where ${SCOPE} and t.done_at is null and i.state <> 'afgesloten' and t.due_on < $4::date
        group by 1 order by 1`,
      [...params, today],
    ),
  );
  return {
    from,
    to,
    total: Number(totals!.total),
    byState: await group('i.state'),
    byForm: await group('unnest(i.forms)'),
    byChannel: await group('i.channel'),
    byRole: await group('i.concerned_role'),
    bySeverity: await group('i.severity'),
    byMonth,
    overdueByKind,
    openTasks: Number(tasks!.open),
    overdueTasks: Number(tasks!.overdue),
    firstContactDone: Number(tasks!.fc_done),
    firstContactOnTime: Number(tasks!.fc_on_time),
    medianDaysToFirstContact: tasks!.fc_median === null ? null : Number(tasks!.fc_median),
    aangifteMade: Number(totals!.aangifte),
  };
}

/** The calendar months (`YYYY-MM`) from the month of `from` to that of `to`, at most 36 (the latest). */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out.slice(-36);
}
