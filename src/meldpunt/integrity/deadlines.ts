/**
 * The statutory deadlines of an integrity report (Wet bescherming klokkenluiders; directive
 * 2019/1937 art. 9(1)(b) and (f)), as pure functions of instants:
 * - acknowledgement of receipt: within 7 days of receipt;
 * - feedback on the assessment and follow-up: within 3 months of the acknowledgement or, when none
 *   was sent, of the end of those 7 days.
 * A deadline runs to the end of the minute 23:59 on its last day in Europe/Amsterdam (so CET or CEST,
 * whichever applies on that day). Days and months are calendar days and months in Amsterdam; a month
 * later than the 31st ends on the last day of the shorter month.
 */

export const ZONE = 'Europe/Amsterdam';
export const ACKNOWLEDGEMENT_DAYS = 7;
export const FEEDBACK_MONTHS = 3;

/** A calendar date (month 1–12). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock time in Amsterdam at an instant. */
export function amsterdamClock(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

export const amsterdamDate = (at: Date): LocalDate => {
  const { year, month, day } = amsterdamClock(at);
  return { year, month, day };
};

/** Milliseconds Amsterdam is ahead of UTC at an instant (3 600 000 in winter, 7 200 000 in summer). */
function offsetAt(instant: number): number {
  const c = amsterdamClock(new Date(instant));
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time in Amsterdam (times in the spring gap do not occur at 23:59). */
function instantOf(d: LocalDate, hour: number, minute: number, second: number, ms: number): Date {
  const wall = Date.UTC(d.year, d.month - 1, d.day, hour, minute, second, ms);
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

/** The first moment of a day (00:00) in Amsterdam. */
export const startOfDay = (d: LocalDate): Date => instantOf(d, 0, 0, 0, 0);

/** The last moment of a day's minute 23:59 in Amsterdam. */
export const endOfDay = (d: LocalDate): Date => instantOf(d, 23, 59, 59, 999);

export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(d: LocalDate, months: number): LocalDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, lastDay) };
}

/** Acknowledgement due: 23:59 Amsterdam on the 7th calendar day after the day of receipt. */
export const acknowledgementDue = (receivedAt: Date): Date =>
  endOfDay(addDays(amsterdamDate(receivedAt), ACKNOWLEDGEMENT_DAYS));

/** Feedback due: 3 months after the day of the acknowledgement, or after the end of the 7 days without one. */
export function feedbackDue(receivedAt: Date, acknowledgedAt?: Date | null): Date {
  const from = acknowledgedAt
    ? amsterdamDate(acknowledgedAt)
    : addDays(amsterdamDate(receivedAt), ACKNOWLEDGEMENT_DAYS);
  return endOfDay(addMonths(from, FEEDBACK_MONTHS));
}

/** When the handlers are alerted: 4 days after receipt, and 2 months into the feedback period (issue 17 item 3). */
export const ACKNOWLEDGEMENT_ALERT_DAYS = 4;
export const FEEDBACK_ALERT_MONTHS = 2;

export const acknowledgementAlertAt = (receivedAt: Date): Date =>
  startOfDay(addDays(amsterdamDate(receivedAt), ACKNOWLEDGEMENT_ALERT_DAYS));

export function feedbackAlertAt(receivedAt: Date, acknowledgedAt?: Date | null): Date {
  const from = acknowledgedAt
    ? amsterdamDate(acknowledgedAt)
    : addDays(amsterdamDate(receivedAt), ACKNOWLEDGEMENT_DAYS);
  return startOfDay(addMonths(from, FEEDBACK_ALERT_MONTHS));
}

export interface Countdown {
  /** open: due later; overdue: past due and not done; met: done in time; late: done after the due moment. */
  state: 'open' | 'overdue' | 'met' | 'late';
  /** Calendar days in Amsterdam from today to the due day (negative once overdue); 0 on the last day. */
  daysLeft: number;
  due: Date;
}

const dayNumber = (d: LocalDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

export function countdown(due: Date, now: Date, doneAt?: Date | null): Countdown {
  const daysLeft = dayNumber(amsterdamDate(due)) - dayNumber(amsterdamDate(now));
  if (doneAt) return { state: doneAt.getTime() <= due.getTime() ? 'met' : 'late', daysLeft, due };
  return { state: now.getTime() > due.getTime() ? 'overdue' : 'open', daysLeft, due };
}

/** Both deadlines of a report at `now`. */
export function reportDeadlines(
  r: { receivedAt: Date; acknowledgedAt?: Date | null; feedbackAt?: Date | null },
  now: Date,
) {
  return {
    acknowledgement: countdown(acknowledgementDue(r.receivedAt), now, r.acknowledgedAt),
    feedback: countdown(feedbackDue(r.receivedAt, r.acknowledgedAt), now, r.feedbackAt),
  };
}

/** The clock, injectable: services take one so tests can move through 7 days and 3 months. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
