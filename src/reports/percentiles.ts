/**
 * Percentiles from a histogram (pure): values → how many times each occurs. Computed as PostgreSQL's
 * percentile_cont does on the sorted values v0 … vn-1: the position p × (n − 1), interpolated between
 * the two values around it. The histogram comes from SQL (a GROUP BY, which PostgreSQL runs in
 * parallel), so no rows are sorted or loaded; it merges by adding counts (the total of all accounts).
 */
export type Histogram = Map<number, number>;

export function addToHistogram(h: Histogram, value: number, count: number): void {
  h.set(value, (h.get(value) ?? 0) + count);
}

/** The k-th smallest value (0-based) of sorted [value, count] pairs. */
function kth(sorted: ReadonlyArray<readonly [number, number]>, k: number): number {
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (k < seen) return value;
  }
  throw new RangeError(`no value number ${k} in a histogram of ${seen}`);
}

export function percentile(h: Histogram, p: number): number | null {
  const sorted = [...h].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((a, [, c]) => a + c, 0);
  if (n === 0) return null;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const a = kth(sorted, lo);
  const b = pos > lo ? kth(sorted, lo + 1) : a;
  return a + (pos - lo) * (b - a);
}
