/**
 * The benchmark in a letter (issue #15, "Disclosure"): an organisation's own organisation-policy answer
 * next to the share among comparable organisations (same layer and size class). Pure.
 *
 * The recipient knows its own answer, so the benchmark is computed over the whole group including the
 * recipient and is the same in every letter of that group. It is shown only when
 * - at least N other organisations of the group answered the item (N = the wave's disclosure threshold,
 *   `minRespondents`): the group has n ≥ N + 1 answers, whoever of them reads the letter;
 * - and, when n < 2N, the shown (rounded) percentage is neither 0% nor 100%: "all others did" or
 *   "none of the others did" would disclose each other organisation's answer.
 * Otherwise the letter says why it shows no benchmark for that item.
 */

/** One organisation's value of an indicator: 1, 0, or null (not answered or not applicable). */
export type Value = 0 | 1 | null;

export type Benchmark =
  | { shown: true /** 0–100, rounded to a whole percent. */; percent: number; n: number }
  | { shown: false; reason: 'too-few' | 'extreme' };

export interface BenchmarkOrganisation {
  /** The comparison group, see groupOf. */
  group: string;
  values: Readonly<Record<string, Value>>;
}

/** Comparable organisations: the same layer and size class (a layer without size classes is one group). */
export const groupOf = (layer: string, sizeClass: string | null | undefined): string =>
  `${layer}|${sizeClass ?? ''}`;

/** The benchmark of one item from the values of every organisation of a group (the recipient included). */
export function benchmark(values: readonly Value[], threshold: number): Benchmark {
  const answered = values.filter((v): v is 0 | 1 => v !== null);
  const n = answered.length;
  if (n < threshold + 1 || n === 0) return { shown: false, reason: 'too-few' };
  const percent = Math.round((100 * answered.filter((v) => v === 1).length) / n);
  if (n < 2 * threshold && (percent === 0 || percent === 100)) return { shown: false, reason: 'extreme' };
  return { shown: true, percent, n };
}

/** Every group's benchmark per indicator: group → indicator → benchmark. */
export function benchmarkTable(
  organisations: readonly BenchmarkOrganisation[],
  indicators: readonly string[],
  threshold: number,
): Map<string, Record<string, Benchmark>> {
  const byGroup = new Map<string, BenchmarkOrganisation[]>();
  for (const o of organisations) byGroup.set(o.group, [...(byGroup.get(o.group) ?? []), o]);
  const table = new Map<string, Record<string, Benchmark>>();
  for (const [group, members] of byGroup)
    table.set(
      group,
      Object.fromEntries(
        indicators.map((code) => [
          code,
          benchmark(
            members.map((m) => m.values[code] ?? null),
            threshold,
          ),
        ]),
      ),
    );
  return table;
}
