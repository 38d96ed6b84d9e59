/** The p-th percentile (0–100) of the values, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
}

export function summarize(values: readonly number[]): Summary {
  return { count: values.length, p50: percentile(values, 50), p99: percentile(values, 99) };
}
