/**
 * Statistics of integrity reports (issue 17 item 6), pure: counts by category, state, channel and
 * outcome, and the share of deadlines met, over register lines only (never content), with small cells
 * suppressed.
 *
 * Disclosure control is a seam: `DisclosureRule` decides which counts may be shown. Today it is a plain
 * minimum (`minimumCount(STATISTICS_THRESHOLD)`) with one complementary suppression so a suppressed
 * cell cannot be recovered from the table's total. When src/stats/disclosure (branch `disclose`) lands,
 * replace `defaultRule` with its rule; the rest stays.
 */
import { amsterdamDate } from './deadlines.js';
import { categories, channels, states } from './model.js';
import { findings } from './workflow.js';

export const STATISTICS_THRESHOLD = 5;

/** Which non-zero counts may be shown (zero is always shown: it discloses nobody). */
export type DisclosureRule = (count: number) => boolean;
export const minimumCount =
  (threshold: number): DisclosureRule =>
  (n) =>
    n === 0 || n >= threshold;
export const defaultRule = minimumCount(STATISTICS_THRESHOLD);

export interface StatLine {
  receivedAt: Date;
  channel: string;
  category: string;
  state: string;
  outcome: string | null;
  acknowledgedAt: Date | null;
  acknowledgementDueAt: Date;
  feedbackAt: Date | null;
  feedbackDueAt: Date;
}

/** A shown count, or null when suppressed. */
export interface Cell {
  key: string;
  count: number | null;
}

export interface StatTable {
  name: 'category' | 'state' | 'channel' | 'outcome';
  cells: Cell[];
  total: number | null;
}

export interface Share {
  name: 'acknowledgedInTime' | 'feedbackInTime';
  /** Reports whose deadline has passed or was met (the denominator); null when suppressed. */
  due: number | null;
  met: number | null;
  /** met / due, or null when suppressed or nothing was due. */
  share: number | null;
}

export interface Statistics {
  from: string;
  to: string;
  reports: number | null;
  tables: StatTable[];
  shares: Share[];
}

/**
 * One table: each count shown only if the rule allows; if exactly one count is suppressed while the
 * total is shown, the smallest other non-zero count is suppressed too (else total − rest = the cell).
 */
export function suppressTable(
  name: StatTable['name'],
  counts: Map<string, number>,
  keys: readonly string[],
  rule: DisclosureRule = defaultRule,
): StatTable {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (!rule(total)) return { name, cells: keys.map((key) => ({ key, count: null })), total: null };
  const cells: Cell[] = keys.map((key) => {
    const n = counts.get(key) ?? 0;
    return { key, count: rule(n) ? n : null };
  });
  if (cells.filter((c) => c.count === null).length === 1) {
    const next = cells.filter((c) => c.count !== null && c.count > 0).sort((a, b) => a.count! - b.count!)[0];
    if (next) next.count = null;
  }
  return { name, cells, total };
}

const countBy = (lines: StatLine[], f: (l: StatLine) => string | null) => {
  const m = new Map<string, number>();
  for (const l of lines) {
    const k = f(l);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

function share(
  name: Share['name'],
  lines: StatLine[],
  now: Date,
  done: (l: StatLine) => Date | null,
  due: (l: StatLine) => Date,
  rule: DisclosureRule,
): Share {
  const counted = lines.filter((l) => done(l) !== null || now.getTime() > due(l).getTime());
  const met = counted.filter((l) => {
    const d = done(l);
    return d !== null && d.getTime() <= due(l).getTime();
  }).length;
  const late = counted.length - met;
  if (!rule(counted.length) || !rule(met) || !rule(late)) return { name, due: null, met: null, share: null };
  return { name, due: counted.length, met, share: counted.length ? met / counted.length : null };
}

const isoDay = (d: Date) => {
  const x = amsterdamDate(d);
  return `${x.year}-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`;
};

/**
 * Statistics of the reports received in [from, to] (Amsterdam calendar days, ISO dates), at `now`
 * (deadlines not yet passed and not met count for neither side of a share).
 */
export function integrityStatistics(
  all: StatLine[],
  period: { from: string; to: string },
  now: Date,
  rule: DisclosureRule = defaultRule,
): Statistics {
  const lines = all.filter((l) => {
    const d = isoDay(l.receivedAt);
    return d >= period.from && d <= period.to;
  });
  return {
    ...period,
    reports: rule(lines.length) ? lines.length : null,
    tables: [
      suppressTable(
        'category',
        countBy(lines, (l) => l.category),
        categories,
        rule,
      ),
      suppressTable(
        'state',
        countBy(lines, (l) => l.state),
        states,
        rule,
      ),
      suppressTable(
        'channel',
        countBy(lines, (l) => l.channel),
        channels,
        rule,
      ),
      suppressTable(
        'outcome',
        countBy(lines, (l) => l.outcome),
        ['geen_vervolg', ...findings],
        rule,
      ),
    ],
    shares: [
      share(
        'acknowledgedInTime',
        lines,
        now,
        (l) => l.acknowledgedAt,
        (l) => l.acknowledgementDueAt,
        rule,
      ),
      share(
        'feedbackInTime',
        lines,
        now,
        (l) => l.feedbackAt,
        (l) => l.feedbackDueAt,
        rule,
      ),
    ],
  };
}
