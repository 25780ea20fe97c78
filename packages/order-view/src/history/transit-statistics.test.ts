import { describe, expect, it } from 'vitest';
import { countsFrom, percentileOfCounts } from './transit-statistics';

describe('transit statistics', () => {
  it('takes nearest-rank percentiles from a histogram of days', () => {
    const counts = [0, 5, 3, 1, 1]; // 10 deliveries: 1 day ×5, 2 ×3, 3 ×1, 4 ×1
    expect(percentileOfCounts(counts, 0.5)).toBe(1);
    expect(percentileOfCounts(counts, 0.6)).toBe(2);
    expect(percentileOfCounts(counts, 0.9)).toBe(3);
    expect(percentileOfCounts(counts, 1)).toBe(4);
    expect(percentileOfCounts([], 0.5)).toBeNull();
  });

  it('keeps only deliveries at least as slow as the time already spent', () => {
    expect(countsFrom([0, 5, 3, 1, 1], 2)).toEqual([0, 0, 3, 1, 1]);
  });
});
