import { LRUCache } from 'lru-cache';

/**
 * A pure function of a carrier's text, remembered per text (the last `limit` texts computed). Carriers repeat a
 * few dozen event texts and places, so each is worked out once; the texts are the carrier's, so the memory is
 * bounded.
 */
export function rememberByText<Result>(compute: (text: string) => Result, limit = 1_000): (text: string) => Result {
  // Boxed, because the cache keeps no `undefined` and a result may be null or undefined.
  const results = new LRUCache<string, { result: Result }>({ max: limit });
  return (text) => {
    // `peek`: a hit does not reorder the cache (the oldest computed goes first), which keeps a hit cheap.
    let remembered = results.peek(text);
    if (remembered === undefined) {
      remembered = { result: compute(text) };
      results.set(text, remembered);
    }
    return remembered.result;
  };
}
