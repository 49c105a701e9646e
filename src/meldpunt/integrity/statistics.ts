/**
 * Statistics of integrity reports (issue 17 item 6), pure: counts by category, state, channel and
 * outcome, and the share of deadlines met, over register lines only (never content), under the shared
 * disclosure control of src/stats/disclosure (primary and complementary suppression, checked by its
 * attacker model), with counts below STATISTICS_THRESHOLD as the primary rule.
 *
 * A table of counts in that model: every key is an atom whose base is the table's total N (published,
 * so known) and whose value is its count; a published cell fixes its count, the total cell their sum.
 * A cell's "respondents" is its count, except that a zero is published (it discloses nobody): it is
 * given the largest n, so complementary suppression (which hides the cell with the fewest first)
 * picks it last (a hidden zero adds little protection anyway). Protection: the range of counts an attacker can derive for a hidden cell (from
 * the total and every published cell) must span at least `threshold` counts around it (protection
 * threshold / 2N, at most the whole range 0..N). A table whose total is below the threshold is hidden
 * entirely.
 */
import type { Highs } from 'highs';
import { type DisclosureRules, protectTable, type TableCell } from '../../stats/disclosure/index.js';
import { amsterdamDate } from './deadlines.js';
import { categories, channels, states } from './model.js';
import { findings } from './workflow.js';

export const STATISTICS_THRESHOLD = 5;

/** The disclosure rules for a table of counts with total `total` (> 0). */
export function countRules(threshold: number, total: number): DisclosureRules {
  return {
    minRespondents: threshold,
    maxIntervalWidth: null,
    protection: Math.min(0.5, threshold / (2 * total)),
    protect: 'primary',
  };
}

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

const TOTAL = '\u0000total';

/**
 * Counts under the disclosure control: which may be shown (null: suppressed), and the total (null
 * when below the threshold: then every count is hidden too).
 */
export function protectCounts(
  highs: Highs,
  counts: ReadonlyMap<string, number>,
  keys: readonly string[],
  threshold = STATISTICS_THRESHOLD,
): { cells: Cell[]; total: number | null } {
  const values = keys.map((k) => counts.get(k) ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return { cells: keys.map((key) => ({ key, count: 0 })), total: 0 };
  if (total < threshold) return { cells: keys.map((key) => ({ key, count: null })), total: null };
  const cells: TableCell[] = keys.map((key, i) => ({
    id: key,
    atoms: [i],
    n: values[i] === 0 ? Number.MAX_SAFE_INTEGER : values[i]!,
    intervalWidth: null,
  }));
  cells.push({ id: TOTAL, atoms: keys.map((_, i) => i), n: total, intervalWidth: null });
  const decision = protectTable(
    highs,
    { atoms: values.map((value) => ({ base: total, value })), cells },
    countRules(threshold, total),
  );
  const hidden = (id: string) => id in decision.suppressed;
  return {
    cells: keys.map((key, i) => ({ key, count: hidden(key) ? null : values[i]! })),
    total: hidden(TOTAL) ? null : total,
  };
}

/** One table of counts by key, under the disclosure control. */
export function suppressTable(
  highs: Highs,
  name: StatTable['name'],
  counts: ReadonlyMap<string, number>,
  keys: readonly string[],
  threshold = STATISTICS_THRESHOLD,
): StatTable {
  return { name, ...protectCounts(highs, counts, keys, threshold) };
}

const countBy = (lines: StatLine[], f: (l: StatLine) => string | null) => {
  const m = new Map<string, number>();
  for (const l of lines) {
    const k = f(l);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

/**
 * The share of reports whose deadline was met, of those whose deadline passed or was met: a table of
 * two counts (met, missed) with the number due as its total, under the same control; the share is
 * shown only when both the number due and the number met are.
 */
function share(
  highs: Highs,
  name: Share['name'],
  lines: StatLine[],
  now: Date,
  done: (l: StatLine) => Date | null,
  due: (l: StatLine) => Date,
  threshold: number,
): Share {
  const counted = lines.filter((l) => done(l) !== null || now.getTime() > due(l).getTime());
  const met = counted.filter((l) => {
    const d = done(l);
    return d !== null && d.getTime() <= due(l).getTime();
  }).length;
  const t = protectCounts(
    highs,
    new Map([
      ['met', met],
      ['missed', counted.length - met],
    ]),
    ['met', 'missed'],
    threshold,
  );
  const shownMet = t.cells[0]!.count;
  return {
    name,
    due: t.total,
    met: shownMet,
    share: t.total && shownMet !== null ? shownMet / t.total : null,
  };
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
  highs: Highs,
  all: StatLine[],
  period: { from: string; to: string },
  now: Date,
  threshold = STATISTICS_THRESHOLD,
): Statistics {
  const lines = all.filter((l) => {
    const d = isoDay(l.receivedAt);
    return d >= period.from && d <= period.to;
  });
  return {
    ...period,
    reports: lines.length === 0 || lines.length >= threshold ? lines.length : null,
    tables: [
      suppressTable(
        highs,
        'category',
        countBy(lines, (l) => l.category),
        categories,
        threshold,
      ),
      suppressTable(
        highs,
        'state',
        countBy(lines, (l) => l.state),
        states,
        threshold,
      ),
      suppressTable(
        highs,
        'channel',
        countBy(lines, (l) => l.channel),
        channels,
        threshold,
      ),
      suppressTable(
        highs,
        'outcome',
        countBy(lines, (l) => l.outcome),
        ['geen_vervolg', ...findings],
        threshold,
      ),
    ],
    shares: [
      share(
        highs,
        'acknowledgedInTime',
        lines,
        now,
        (l) => l.acknowledgedAt,
        (l) => l.acknowledgementDueAt,
        threshold,
      ),
      share(
        highs,
        'feedbackInTime',
        lines,
        now,
        (l) => l.feedbackAt,
        (l) => l.feedbackDueAt,
        threshold,
      ),
    ],
  };
}
