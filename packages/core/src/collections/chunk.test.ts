import { describe, expect, it } from 'vitest';
import { chunk } from './chunk';

describe('chunk', () => {
  it('slices in order, the last slice holding the rest', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('gives no slice for no items, and one slice when size exceeds the length', () => {
    expect(chunk([], 3)).toEqual([]);
    expect(chunk(['a'], 500)).toEqual([['a']]);
  });
});
