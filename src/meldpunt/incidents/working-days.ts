/**
 * Working days for the incident tasks' due dates: Monday to Friday, except the holidays of the Algemene
 * termijnenwet (art. 3 lid 1 and 2): Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag, Koningsdag, 5 mei,
 * Hemelvaartsdag, tweede Pinksterdag and both Kerstdagen. The extra days the government equates with
 * them by decree every three years (art. 3 lid 3, e.g. the Friday after Hemelvaartsdag) are not
 * computable; an organisation can pass them as `extraHolidays`.
 *
 * Dates are calendar days written as `YYYY-MM-DD` (no time zone: a due date is a day in the Netherlands).
 * Pure functions, no I/O.
 */

export type IsoDate = string;

const DAY = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01 (UTC arithmetic, so no daylight saving surprises). */
export function dayNumber(date: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`not a date: ${date}`);
  }
  return Math.round(ms / DAY);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: IsoDate): number => new Date(dayNumber(date) * DAY).getUTCDay();

/** Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** The king's (queen's, before 2014) birthday as celebrated; moved back a day when it falls on a Sunday. */
function kingsDay(year: number): IsoDate {
  const day = ymd(year, 4, year >= 2014 ? 27 : 30);
  return weekday(day) === 0 ? addDays(day, -1) : day;
}

export type HolidayName =
  | 'nieuwjaarsdag'
  | 'goedeVrijdag'
  | 'tweedePaasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'tweedePinksterdag'
  | 'eersteKerstdag'
  | 'tweedeKerstdag';

/** The Algemene termijnenwet holidays of a year, in calendar order. */
export function atwHolidays(year: number): Array<{ date: IsoDate; name: HolidayName }> {
  const easter = easterSunday(year);
  const list: Array<{ date: IsoDate; name: HolidayName }> = [
    { date: ymd(year, 1, 1), name: 'nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'goedeVrijdag' },
    { date: addDays(easter, 1), name: 'tweedePaasdag' },
    { date: kingsDay(year), name: 'koningsdag' },
    { date: ymd(year, 5, 5), name: 'bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'hemelvaartsdag' },
    { date: addDays(easter, 50), name: 'tweedePinksterdag' },
    { date: ymd(year, 12, 25), name: 'eersteKerstdag' },
    { date: ymd(year, 12, 26), name: 'tweedeKerstdag' },
  ];
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayCache = new Map<number, ReadonlySet<IsoDate>>();
function holidaysOf(year: number): ReadonlySet<IsoDate> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(atwHolidays(year).map((h) => h.date));
    holidayCache.set(year, set);
  }
  return set;
}

export interface WorkingDayOptions {
  /** Days equated with holidays by decree (art. 3 lid 3 Atw) or closed days of the organisation. */
  extraHolidays?: ReadonlySet<IsoDate>;
}

export function isWorkingDay(date: IsoDate, options: WorkingDayOptions = {}): boolean {
  const wd = weekday(date);
  if (wd === 0 || wd === 6) return false;
  if (holidaysOf(Number(date.slice(0, 4))).has(date)) return false;
  return !options.extraHolidays?.has(date);
}

/**
 * The date `n` working days after `date` (n ≥ 0): the start day itself does not count, as in "within one
 * working day". n = 0 gives `date` if it is a working day, else the next working day.
 */
export function addWorkingDays(date: IsoDate, n: number, options: WorkingDayOptions = {}): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = dayNumber(date);
  if (n === 0) {
    while (!isWorkingDay(fromDayNumber(day), options)) day++;
    return fromDayNumber(day);
  }
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDay(fromDayNumber(day), options)) left--;
  }
  return fromDayNumber(day);
}

/** Working days in (from, to]: how many working days `to` lies after `from` (0 when to ≤ from). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, options: WorkingDayOptions = {}): number {
  let count = 0;
  for (let d = dayNumber(from) + 1; d <= dayNumber(to); d++) {
    if (isWorkingDay(fromDayNumber(d), options)) count++;
  }
  return count;
}

/** A calendar period later, moved forward to a working day when it ends on another day (art. 1 Atw). */
export function afterPeriod(
  date: IsoDate,
  period: { days?: number; months?: number },
  options: WorkingDayOptions = {},
): IsoDate {
  let target = date;
  if (period.months) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const total = y * 12 + (m - 1) + period.months;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    target = ymd(year, month, Math.min(d, last));
  }
  if (period.days) target = addDays(target, period.days);
  return addWorkingDays(target, 0, options);
}

/** The calendar day in the Netherlands of an instant. */
export function dutchDate(at: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
