import { setMaxListeners } from 'node:events';
import { LRUCache } from 'lru-cache';
import type { CarrierAdapter, TrackOutcome } from '../adapter/carrier-adapter';
import { detectCarrier, normaliseTrackingNumber, type DetectionCandidate } from '../detection';
import { CarrierUnavailableError, UnsupportedCarrierError, WismoError } from '../errors';
import type { Shipment } from '../status/shipment';
import { logSafely, type Logger } from '../transport/logger';
import { defaultCacheTtl } from './cache-ttl';

export interface TrackerCacheOptions {
  /** Entries kept. Default 10,000. */
  max?: number;
  /** Freshness per shipment; default by status (`DEFAULT_CACHE_TTL_MS`). */
  ttlMs?: (shipment: Shipment) => number;
}

export interface TrackerOptions {
  carriers: readonly CarrierAdapter[];
  /** `false` turns caching off. */
  cache?: TrackerCacheOptions | false;
  logger?: Logger;
  /** Batch requests in flight per carrier. Default 8; the carrier's rate limiter still applies. */
  concurrency?: number;
  /** Replaces wismo's detection, e.g. to add private formats. */
  detect?: (trackingNumber: string) => readonly Pick<DetectionCandidate, 'carrier' | 'trackingNumber'>[];
  /** Monotonic clock in milliseconds for cache expiry (tests inject a fake one). */
  now?: () => number;
}

export interface TrackOptions {
  /** The carrier id; when given it always wins over detection. */
  carrier?: string;
  /** Skip the cache (identical requests in flight are still shared). */
  refresh?: boolean;
  includeRaw?: boolean;
  signal?: AbortSignal;
}

export interface TrackManyItem {
  trackingNumber: string;
  carrier?: string;
}

export interface DetectionReport {
  /** Configured carriers the number could belong to, best first. */
  candidates: string[];
  /** True when more than one configured carrier matched. */
  ambiguous: boolean;
}

export type TrackManyOutcome = TrackOutcome & { carrier: string | null; detection?: DetectionReport };

export interface TrackManyOptions {
  concurrency?: number;
  refresh?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; failed: number }) => void;
}

export interface TrackerStats {
  /** Calls to `adapter.track` (one per batch request). */
  upstreamBatches: number;
  /** Numbers sent upstream across all batches. */
  upstreamNumbers: number;
  cacheHits: number;
  /** Lookups that joined an identical request already in flight. */
  coalesced: number;
}

export interface Tracker {
  /** Tracks one number. Resolves with the shipment, rejects with a `WismoError`. */
  track(trackingNumber: string, options?: TrackOptions): Promise<Shipment>;
  /** Tracks many; one outcome per item, in order. One number's failure never fails the others. */
  trackMany(items: ReadonlyArray<string | TrackManyItem>, options?: TrackManyOptions): Promise<TrackManyOutcome[]>;
  /** Which configured carriers a number could belong to, best first. */
  candidatesFor(trackingNumber: string): DetectionReport;
  readonly carriers: ReadonlyMap<string, CarrierAdapter>;
  stats(): TrackerStats;
  clearCache(): void;
}

interface PendingLookup {
  trackingNumber: string;
  includeRaw: boolean;
  /** Aborted when every caller waiting for this number has aborted. */
  signal: AbortSignal;
  resolve: (outcome: TrackOutcome) => void;
}

/** One number in flight, shared by every caller who asked for it meanwhile. */
interface InFlightLookup {
  promise: Promise<TrackOutcome>;
  controller: AbortController;
  /** Callers still waiting; a caller without a signal never stops waiting. */
  waiting: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** A signal that aborts once all of `signals` have aborted (a batch is cancelled only when nobody waits for it). */
function whenAllAborted(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  let remaining = signals.filter((signal) => !signal.aborted).length;
  if (remaining === 0) controller.abort(abortReason(signals[0]!));
  for (const signal of signals) {
    if (signal.aborted) continue;
    signal.addEventListener(
      'abort',
      () => {
        remaining -= 1;
        if (remaining === 0) controller.abort(abortReason(signal));
      },
      { once: true },
    );
  }
  return controller.signal;
}

/** Collects lookups for one carrier into batches of its maximum size and runs a bounded number at once. */
class CarrierQueue {
  private pending: PendingLookup[] = [];
  private scheduled = false;
  private running = 0;
  private readonly ready: PendingLookup[][] = [];

  constructor(
    private readonly adapter: CarrierAdapter,
    private readonly concurrency: number,
    private readonly onBatch: (size: number) => void,
    private readonly logger: Logger | undefined,
  ) {}

  enqueue(lookup: PendingLookup): void {
    this.pending.push(lookup);
    if (this.pending.length >= this.adapter.capabilities.maxNumbersPerRequest) {
      this.cut();
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      // Wait one macrotask so that lookups made in the same tick share a batch.
      setImmediate(() => {
        this.scheduled = false;
        this.cut();
      });
    }
  }

  private cut(): void {
    const maxSize = Math.max(1, this.adapter.capabilities.maxNumbersPerRequest);
    while (this.pending.length > 0) this.ready.push(this.pending.splice(0, maxSize));
    this.pump();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.ready.length > 0) {
      const batch = this.ready.shift()!;
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async run(pending: PendingLookup[]): Promise<void> {
    // Numbers whose callers all gave up while queued are not sent at all.
    const batch: PendingLookup[] = [];
    for (const lookup of pending) {
      if (!lookup.signal.aborted) batch.push(lookup);
      else
        lookup.resolve({
          trackingNumber: lookup.trackingNumber,
          ok: false,
          error: new CarrierUnavailableError('The lookup was cancelled by its callers', {
            carrierId: this.adapter.id,
            trackingNumber: lookup.trackingNumber,
          }),
        });
    }
    if (batch.length === 0) return;
    const numbers = batch.map((lookup) => lookup.trackingNumber);
    this.onBatch(numbers.length);
    let outcomes: TrackOutcome[];
    try {
      outcomes = await this.adapter.track(numbers, {
        includeRaw: batch.some((lookup) => lookup.includeRaw),
        logger: this.logger,
        signal: whenAllAborted(batch.map((lookup) => lookup.signal)),
      });
    } catch (error) {
      // Adapters should not throw; if one does, every number of the batch gets the error, nothing hangs.
      const wrapped = WismoError.isInstance(error)
        ? error
        : new CarrierUnavailableError(`${this.adapter.name} adapter failed: ${(error as Error)?.message ?? String(error)}`, {
            carrierId: this.adapter.id,
            cause: error,
          });
      outcomes = numbers.map((trackingNumber) => ({
        trackingNumber,
        ok: false as const,
        error: wrapped.forTrackingNumber(trackingNumber),
      }));
    }
    const byNumber = new Map(outcomes.map((outcome) => [outcome.trackingNumber, outcome]));
    for (const lookup of batch) {
      lookup.resolve(
        byNumber.get(lookup.trackingNumber) ?? {
          trackingNumber: lookup.trackingNumber,
          ok: false,
          error: new CarrierUnavailableError(`${this.adapter.name} returned no result for this number`, {
            carrierId: this.adapter.id,
            trackingNumber: lookup.trackingNumber,
          }),
        },
      );
    }
  }
}

export function createTracker(options: TrackerOptions): Tracker {
  const carriers = new Map(options.carriers.map((adapter) => [adapter.id, adapter]));
  const detect = options.detect ?? ((trackingNumber: string) => detectCarrier(trackingNumber));
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const ttlOf = options.cache === false ? () => 0 : (options.cache?.ttlMs ?? defaultCacheTtl);
  const clock = options.now ? { now: options.now } : undefined;
  const cache =
    options.cache === false
      ? null
      : new LRUCache<string, Shipment>({ max: options.cache?.max ?? 10_000, ...(clock ? { perf: clock } : {}) });
  const inFlight = new Map<string, InFlightLookup>();
  const stats: TrackerStats = { upstreamBatches: 0, upstreamNumbers: 0, cacheHits: 0, coalesced: 0 };
  const queues = new Map<string, CarrierQueue>();

  function queueFor(adapter: CarrierAdapter): CarrierQueue {
    let queue = queues.get(adapter.id);
    if (!queue) {
      queue = new CarrierQueue(
        adapter,
        concurrency,
        (size) => {
          stats.upstreamBatches += 1;
          stats.upstreamNumbers += size;
        },
        options.logger,
      );
      queues.set(adapter.id, queue);
    }
    return queue;
  }

  /** This caller's wait: the shared lookup, or the caller's abort, whichever comes first. */
  function waitFor(key: string, entry: InFlightLookup, signal: AbortSignal | undefined): Promise<TrackOutcome> {
    entry.waiting += 1;
    if (!signal) return entry.promise;
    return new Promise<TrackOutcome>((resolve, reject) => {
      const onAbort = () => {
        entry.waiting -= 1;
        if (entry.waiting === 0) {
          // Nobody waits any more: cancel the upstream request, and let the next caller start afresh.
          entry.controller.abort(abortReason(signal));
          if (inFlight.get(key) === entry) inFlight.delete(key);
        }
        reject(abortReason(signal));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (outcome) => {
          signal.removeEventListener('abort', onAbort);
          resolve(outcome);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  function lookup(
    adapter: CarrierAdapter,
    trackingNumber: string,
    refresh: boolean,
    includeRaw: boolean,
    signal?: AbortSignal,
  ): Promise<TrackOutcome> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const key = `${adapter.id}\u0000${trackingNumber}`;
    if (!refresh && !includeRaw && cache) {
      const cached = cache.get(key);
      if (cached) {
        stats.cacheHits += 1;
        return Promise.resolve({ trackingNumber, ok: true, shipment: cached });
      }
    }
    const inFlightKey = includeRaw ? `${key}\u0000raw` : key;
    const existing = inFlight.get(inFlightKey);
    if (existing) {
      stats.coalesced += 1;
      return waitFor(inFlightKey, existing, signal);
    }
    const controller = new AbortController();
    // The promise's handler needs the entry it belongs to, so the entry is made first.
    const entry = { controller, waiting: 0 } as InFlightLookup;
    entry.promise = new Promise<TrackOutcome>((resolve) =>
      queueFor(adapter).enqueue({ trackingNumber, includeRaw, signal: controller.signal, resolve }),
    ).then((outcome) => {
      if (inFlight.get(inFlightKey) === entry) inFlight.delete(inFlightKey);
      if (outcome.ok && cache) {
        const ttl = ttlOf(outcome.shipment);
        if (ttl > 0) {
          const { raw: _raw, ...withoutRaw } = outcome.shipment;
          cache.set(key, withoutRaw, { ttl });
        }
      }
      return outcome;
    });
    inFlight.set(inFlightKey, entry);
    return waitFor(inFlightKey, entry, signal);
  }

  function candidatesFor(trackingNumber: string): DetectionReport {
    const seen = new Set<string>();
    for (const candidate of detect(trackingNumber)) {
      if (carriers.has(candidate.carrier)) seen.add(candidate.carrier);
    }
    const candidates = [...seen];
    return { candidates, ambiguous: candidates.length > 1 };
  }

  async function resolveOne(item: TrackManyItem, refresh: boolean, includeRaw: boolean, signal?: AbortSignal): Promise<TrackManyOutcome> {
    const trackingNumber = normaliseTrackingNumber(item.trackingNumber);
    if (item.carrier) {
      const adapter = carriers.get(item.carrier);
      if (!adapter) {
        const error = new UnsupportedCarrierError(
          `Carrier "${item.carrier}" is not configured; configured: ${[...carriers.keys()].join(', ') || 'none'}`,
          { trackingNumber },
        );
        return { trackingNumber, ok: false, error, carrier: item.carrier };
      }
      return { ...(await lookup(adapter, trackingNumber, refresh, includeRaw, signal)), carrier: adapter.id };
    }
    const detection = candidatesFor(trackingNumber);
    if (detection.candidates.length === 0) {
      const error = new WismoError(
        'detection_failed',
        `No configured carrier uses the format of ${trackingNumber}; pass the carrier explicitly`,
        { trackingNumber },
      );
      return { trackingNumber, ok: false, error, carrier: null, detection };
    }
    if (detection.ambiguous)
      logSafely(options.logger, 'info', `${trackingNumber} matches several carriers; trying ${detection.candidates.join(', ')} in order`);
    let last: TrackManyOutcome | undefined;
    for (const carrierId of detection.candidates) {
      const outcome = await lookup(carriers.get(carrierId)!, trackingNumber, refresh, includeRaw, signal);
      last = { ...outcome, carrier: carrierId, detection };
      // Only "this carrier does not know the number" moves on to the next candidate.
      if (outcome.ok || (outcome.error.code !== 'not_found' && outcome.error.code !== 'invalid_number')) return last;
    }
    return last!;
  }

  return {
    carriers,
    candidatesFor,
    async track(trackingNumber, trackOptions = {}) {
      // Fast path: a cache hit for a known carrier needs no queue, no detection and no extra promise.
      if (cache && trackOptions.carrier && !trackOptions.refresh && !trackOptions.includeRaw) {
        const cached = cache.get(`${trackOptions.carrier}\u0000${normaliseTrackingNumber(trackingNumber)}`);
        if (cached) {
          stats.cacheHits += 1;
          return cached;
        }
      }
      const outcome = await resolveOne(
        { trackingNumber, carrier: trackOptions.carrier },
        trackOptions.refresh ?? false,
        trackOptions.includeRaw ?? false,
        trackOptions.signal,
      );
      if (outcome.ok) return outcome.shipment;
      throw outcome.error;
    },
    async trackMany(items, manyOptions = {}) {
      const normalised = items.map((item) => (typeof item === 'string' ? { trackingNumber: item } : item));
      const total = normalised.length;
      const results: TrackManyOutcome[] = new Array(total);
      let done = 0;
      let failed = 0;
      let next = 0;
      // Enough workers to fill every carrier's batches; the queues and limiters do the pacing.
      const workers = Math.max(1, manyOptions.concurrency ?? Math.min(total, concurrency * 64));
      // Hundreds of lookups wait at once: they listen to one signal of ours (no listener limit), which follows the caller's.
      const own = manyOptions.signal ? new AbortController() : null;
      const follow = () => own?.abort(abortReason(manyOptions.signal!));
      if (own) {
        setMaxListeners(0, own.signal);
        if (manyOptions.signal!.aborted) follow();
        else manyOptions.signal!.addEventListener('abort', follow, { once: true });
      }
      async function worker() {
        while (next < total) {
          if (own?.signal.aborted) throw abortReason(own.signal);
          const index = next++;
          const outcome = await resolveOne(normalised[index]!, manyOptions.refresh ?? false, false, own?.signal);
          results[index] = outcome;
          done += 1;
          if (!outcome.ok) failed += 1;
          manyOptions.onProgress?.({ done, total, failed });
        }
      }
      try {
        await Promise.all(Array.from({ length: Math.min(workers, total) }, worker));
      } finally {
        manyOptions.signal?.removeEventListener('abort', follow);
      }
      return results;
    },
    stats: () => ({ ...stats }),
    clearCache: () => cache?.clear(),
  };
}
