/**
 * Holm's step-down correction of p-values (R `p.adjust(p, "holm")`): sort ascending, multiply the
 * i-th smallest by (m − i + 1), carry the running maximum, cap at 1. null stays null (not tested) and
 * does not count towards m.
 */
export function holm(p: ReadonlyArray<number | null>): Array<number | null> {
  const tested = p.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null);
  tested.sort((a, b) => a.v - b.v || a.i - b.i);
  const m = tested.length;
  const out: Array<number | null> = p.map(() => null);
  let running = 0;
  tested.forEach((x, k) => {
    running = Math.max(running, Math.min(1, (m - k) * x.v));
    out[x.i] = running;
  });
  return out;
}
