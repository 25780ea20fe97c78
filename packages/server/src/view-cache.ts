export interface ViewCacheOptions {
  /** How long a built view is served again, in ms. Default 5,000; 0 turns the cache off. */
  ttlMs?: number;
  /** Entries kept. Default 1,000. */
  max?: number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  /** The JSON body, serialised once on first use. */
  text: string | undefined;
  expiresAt: number;
  /** The entry as handed out (made once per entry, not per lookup). */
  handle: CachedValue<T> | undefined;
}

export interface CachedValue<T> {
  value: T;
  /** The value as JSON, serialised at most once per entry. */
  json(): string;
}

/**
 * A short-lived cache of built views with their serialised JSON, keyed by order and locale. Identical
 * lookups in flight share one promise, so a burst of requests for one order builds its view once.
 * Values for which `cacheable` says no (stale views, misses) are returned but not kept.
 */
export class ViewCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly inFlight = new Map<string, Promise<CachedValue<T> | null>>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: ViewCacheOptions = {}) {
    this.ttlMs = Math.max(0, options.ttlMs ?? 5_000);
    this.max = Math.max(1, options.max ?? 1_000);
    this.now = options.now ?? Date.now;
  }

  /** The cached entry, if fresh (synchronous, for the hot path). */
  peek(key: string): CachedValue<T> | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return this.wrap(entry);
  }

  async get(key: string, load: () => Promise<T | null>, cacheable: (value: T) => boolean): Promise<CachedValue<T> | null> {
    const cached = this.peek(key);
    if (cached) return cached;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = (async () => {
      try {
        const value = await load();
        if (value === null) return null;
        const entry: Entry<T> = { value, text: undefined, expiresAt: this.now() + this.ttlMs, handle: undefined };
        if (this.ttlMs > 0 && cacheable(value)) {
          if (this.entries.size >= this.max) {
            const oldest = this.entries.keys().next().value;
            if (oldest !== undefined) this.entries.delete(oldest);
          }
          this.entries.set(key, entry);
        }
        return this.wrap(entry);
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, promise);
    return promise;
  }

  clear(): void {
    this.entries.clear();
  }

  private wrap(entry: Entry<T>): CachedValue<T> {
    return (entry.handle ??= {
      value: entry.value,
      json: () => (entry.text ??= JSON.stringify(entry.value)),
    });
  }
}
