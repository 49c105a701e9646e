/**
 * A canonical order of respondents, by content: the database returns a closed wave's rows in a
 * random order (anonymous waves are rewritten in random order when they close), and sums of floating
 * point numbers depend on order. Sorting by a canonical text of strata and answers makes weights and
 * estimates the same to the last bit on every run; rows with the same text are interchangeable.
 */

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function canonicalOrder<T extends { strata: unknown; answers: unknown }>(rows: readonly T[]): T[] {
  const keyed = rows.map((r) => ({ r, k: canonical([r.strata, r.answers]) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.r);
}
