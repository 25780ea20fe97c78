/** Deliveries in a histogram of business days. */
export function totalOf(counts: readonly number[]): number {
  let total = 0;
  for (const count of counts) total += count;
  return total;
}

/**
 * Nearest-rank percentile of a histogram: the smallest number of days by which at least `fraction` of the
 * deliveries had arrived. Null for an empty histogram.
 */
export function percentileOfCounts(counts: readonly number[], fraction: number): number | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * total));
  let cumulative = 0;
  for (let days = 0; days < counts.length; days++) {
    cumulative += counts[days]!;
    if (cumulative >= rank) return days;
  }
  return counts.length - 1;
}

/** Only the deliveries that took at least `minimumDays`: what is left for a parcel still on its way. */
export function countsFrom(counts: readonly number[], minimumDays: number): number[] {
  return counts.map((count, days) => (days >= minimumDays ? count : 0));
}
