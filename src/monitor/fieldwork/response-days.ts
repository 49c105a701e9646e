/**
 * Response over time (issue 12 §4): completions per day and stratum, and the days reminders went out.
 *
 * Anonymous waves: monitoring never reads `responses` (docs/anonymity.md). The `fieldwork.progress`
 * job, when a batch records completions on the invitations, also adds them per stratum cell to
 * `completion_days` under the day of the batch (`recordCompletionDays`, called from ./progress.ts). A
 * count is therefore a whole batch of a cell, at least BATCH_MINIMUM: it says no more than the batch
 * already does. At the close every waiting mark is recorded; what is left of a cell (fewer than the
 * minimum) is added to that cell's last recorded day, so no day of a cell shows fewer than the
 * minimum unless the cell never had more (then the count is the cell's total, which the invitations
 * show anyway). The day is the day of recording, not of answering: the page says so.
 *
 * Confidential and named waves: responses know their respondent's organisation anyway, so the day of
 * completion (`completed_on`) is counted from the responses, per target group and layer.
 *
 * Reminder days: every batch of a reminder round writes an audit record (`wave.reminders.send`, the
 * wave, how many were reminded); the days of those records are the reminder days.
 */
import { and, eq, sql } from 'drizzle-orm';
import { auditDays } from '../../platform/audit/query.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { responses } from '../responses/schema.js';
import { completionDays } from './schema.js';
import { getWave } from './waves-service.js';

/** The day in the Netherlands, YYYY-MM-DD (as the answering days of responses). */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** One day's completions in one stratum (target group and layer). */
export interface DayCount {
  day: string;
  targetGroup: string;
  layer: string | null;
  completed: number;
}

export interface ResponseOverTime {
  /** `recorded`: the day a batch recorded the completions (anonymous); `completed`: the day of answering. */
  dayKind: 'recorded' | 'completed';
  counts: DayCount[];
  /** Days on which reminders were sent, with how many. */
  reminders: { day: string; sent: number }[];
}

/**
 * Adds a batch's completions to `completion_days`, in the batch's transaction. `statuses` holds what
 * the batch records per invitation, `cells` each invitation's stratum cell. `closing`: the wave is no
 * longer open and the batch takes everything left, so a cell's remainder below `minimum` joins the
 * cell's last day.
 */
export async function recordCompletionDays(
  tx: DbOrTx,
  waveId: string,
  statuses: ReadonlyMap<string, string>,
  cells: ReadonlyMap<string, string>,
  options: { closing: boolean; minimum: number },
): Promise<void> {
  const perCell = new Map<string, number>();
  for (const [id, status] of statuses) {
    const cell = cells.get(id);
    if (status === 'completed' && cell !== undefined) perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
  }
  if (perCell.size === 0) return;
  const day = dayFormat.format(new Date());
  for (const [cell, n] of perCell) {
    let onDay = day;
    if (options.closing && n < options.minimum) {
      const [last] = await tx
        .select({ day: completionDays.day })
        .from(completionDays)
        .where(and(eq(completionDays.waveId, waveId), eq(completionDays.cell, cell)))
        .orderBy(sql`${completionDays.day} desc`)
        .limit(1);
      if (last) onDay = last.day;
    }
    await tx
      .insert(completionDays)
      .values({ waveId, day: onDay, cell, completed: n })
      .onConflictDoUpdate({
        target: [completionDays.waveId, completionDays.cell, completionDays.day],
        set: { completed: sql`${completionDays.completed} + excluded.completed` },
      });
  }
}

/** The target group and layer of a stored cell (`cellOf` in ./progress.ts). */
function stratumOf(cell: string): { targetGroup: string; layer: string | null } {
  try {
    const [targetGroup, ...pairs] = JSON.parse(cell) as [string, ...[string, string][]];
    const layer = pairs.find(([k]) => k === 'bg_layer')?.[1] ?? null;
    return { targetGroup: String(targetGroup), layer };
  } catch {
    return { targetGroup: '', layer: null };
  }
}

export async function responseOverTime(db: DbOrTx, waveId: string): Promise<ResponseOverTime> {
  const wave = await getWave(db, waveId);
  const anonymous = wave.anonymity === 'anonymous';
  const merged = new Map<string, DayCount>();
  const add = (c: DayCount) => {
    const key = JSON.stringify([c.day, c.targetGroup, c.layer]);
    const seen = merged.get(key);
    if (seen) seen.completed += c.completed;
    else merged.set(key, { ...c });
  };
  if (anonymous) {
    const rows = await db
      .select({ day: completionDays.day, cell: completionDays.cell, completed: completionDays.completed })
      .from(completionDays)
      .where(eq(completionDays.waveId, waveId));
    for (const r of rows) add({ day: r.day, ...stratumOf(r.cell), completed: r.completed });
  } else {
    const rows = await db
      .select({
        day: responses.completedOn,
        targetGroup: responses.targetGroup,
        layer: sql<string | null>`${responses.strata}->>'bg_layer'`,
        completed: sql<number>`count(*)::int`,
      })
      .from(responses)
      .where(and(eq(responses.waveId, waveId), eq(responses.status, 'completed')))
      .groupBy(responses.completedOn, responses.targetGroup, sql`${responses.strata}->>'bg_layer'`);
    for (const r of rows) if (r.day) add({ ...r, day: String(r.day) });
  }
  const reminders = (
    await auditDays(db, {
      action: 'wave.reminders.send',
      resourceType: 'wave',
      resourceId: waveId,
      sumOf: 'reminded',
    })
  ).map((r) => ({ day: r.day, sent: r.total }));
  return {
    dayKind: anonymous ? 'recorded' : 'completed',
    counts: [...merged.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || a.targetGroup.localeCompare(b.targetGroup),
    ),
    reminders,
  };
}
