/**
 * Results come back in any order; output must be in input order so that "rows 0..N-1 are written" is a
 * complete description of progress. Holds results that arrived early until every row before them is in.
 * Its size is bounded by the caller's window (rows dispatched but not yet taken).
 */
export class ReorderBuffer<T> {
  private readonly held = new Map<number, T>();
  private nextIndex: number;

  constructor(firstIndex = 0) {
    this.nextIndex = firstIndex;
  }

  /** The index of the next row to hand out. */
  get next(): number {
    return this.nextIndex;
  }

  get size(): number {
    return this.held.size;
  }

  put(index: number, value: T): void {
    if (index < this.nextIndex || this.held.has(index)) throw new Error(`Row ${index} was already handed out or is held twice`);
    this.held.set(index, value);
  }

  /** Hands out the results that are next in order, as many as are contiguous (at most `limit`). */
  takeReady(limit = Infinity): T[] {
    const ready: T[] = [];
    while (ready.length < limit) {
      const value = this.held.get(this.nextIndex);
      if (value === undefined) break;
      this.held.delete(this.nextIndex);
      this.nextIndex += 1;
      ready.push(value);
    }
    return ready;
  }
}
