import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from './reorder-buffer';

describe('ReorderBuffer', () => {
  it('hands out results in index order, holding early ones until the gap is filled', () => {
    const buffer = new ReorderBuffer<string>(10);
    buffer.put(12, 'c');
    buffer.put(11, 'b');
    expect(buffer.takeReady()).toEqual([]);
    expect(buffer.size).toBe(2);
    buffer.put(10, 'a');
    expect(buffer.takeReady(2)).toEqual(['a', 'b']);
    expect(buffer.takeReady()).toEqual(['c']);
    expect(buffer.next).toBe(13);
    expect(buffer.size).toBe(0);
  });

  it('refuses a row twice, or a row already handed out', () => {
    const buffer = new ReorderBuffer<number>();
    buffer.put(1, 1);
    expect(() => buffer.put(1, 1)).toThrow(/twice/);
    buffer.put(0, 0);
    buffer.takeReady();
    expect(() => buffer.put(0, 0)).toThrow(/already/);
  });

  it('restores any permutation to order', () => {
    for (let seed = 1; seed < 20; seed += 1) {
      const indices = Array.from({ length: 50 }, (_, index) => index).sort(
        (a, b) => ((a * 7919 + seed * 31) % 53) - ((b * 7919 + seed * 31) % 53),
      );
      const buffer = new ReorderBuffer<number>();
      const out: number[] = [];
      for (const index of indices) {
        buffer.put(index, index);
        out.push(...buffer.takeReady());
      }
      expect(out).toEqual(Array.from({ length: 50 }, (_, index) => index));
    }
  });
});
