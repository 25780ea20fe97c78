import { sql, type Kysely } from 'kysely';
import type { CarrierRequest, CarrierRequestObserver } from '@wismo/core';
import { chunk } from '@wismo/core/internal';
import {
  REQUEST_ERROR_KINDS,
  type CarrierRequestCountsTable,
  type RequestCountsDatabase,
  type RequestErrorKind,
} from '../dashboard/carrier-requests';
import { storeDatabase } from '../database/store-database';
import { DEFAULT_SHOP_ID, type Store } from '../store-types';

export interface CarrierRequestCounterOptions {
  /** The shop whose carrier accounts these are (a deployment's accounts serve its shop). Default `default`. */
  shopId?: string;
  /** Default the current time; only decides which finished hours are forgotten (in memory, and their minutes in the store). */
  clock?: () => Date;
}

export interface CarrierRequestCounter {
  /** The observer to give one carrier account's adapter (its `requestObserver` setting). Default account `default`. */
  observer(account?: string): CarrierRequestObserver;
  /** Adds the requests counted since the last flush to the store (one transaction for all accounts); resolves with the hour rows written. */
  flush(store: Store): Promise<number>;
}

interface HourCounts {
  carrier: string;
  account: string;
  hourStart: number;
  /** Since the last flush. */
  requests: number;
  errors: Record<RequestErrorKind, number>;
  /** Requests per minute (epoch minute) since the last flush. */
  minutes: Map<number, number>;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/**
 * How long the per-minute sums stay in the store: a flush adds to the minutes of its requests' hour, so they must
 * outlive the hour by as long as a flush can come late (a store down for a while). Deleted once an hour.
 */
const MINUTES_KEPT_MS = 24 * HOUR_MS;
/** Rows per insert statement: far below either engine's limit on bound values. */
const ROWS_PER_STATEMENT = 1_000;

const noErrors = () => Object.fromEntries(REQUEST_ERROR_KINDS.map((kind) => [kind, 0])) as Record<RequestErrorKind, number>;
const hourKey = (carrier: string, account: string, hourStart: number) => `${carrier}\u0000${account}\u0000${hourStart}`;

/**
 * Counts the HTTP requests the adapters send, per carrier account and UTC hour, in memory, and adds them to
 * `carrier_request_counts` when `flush` is called (the scheduler flushes after each batch, the queue workers every
 * tick): the request path only increments a counter, and the store gets one transaction per flush, never a write per
 * request. The busiest minute is right across processes: each flush adds its minutes to `carrier_request_minutes`
 * and reads back the sums, every process's requests together, so several workers on one account are peaked as one.
 * Made before the store, so that the adapters can be given its observers when they are created.
 */
export function createCarrierRequestCounter(options: CarrierRequestCounterOptions = {}): CarrierRequestCounter {
  const shopId = options.shopId ?? DEFAULT_SHOP_ID;
  const clock = options.clock ?? (() => new Date());
  const hours = new Map<string, HourCounts>();
  /** The current hour when this counter last deleted old minutes from the store. */
  let minutesPrunedInHour = 0;

  function entryOf(carrier: string, account: string, hourStart: number): HourCounts {
    const key = hourKey(carrier, account, hourStart);
    let entry = hours.get(key);
    if (!entry) {
      entry = { carrier, account, hourStart, requests: 0, errors: noErrors(), minutes: new Map() };
      hours.set(key, entry);
    }
    return entry;
  }

  function count(account: string, request: CarrierRequest): void {
    const entry = entryOf(request.carrierId, account, Math.floor(request.at / HOUR_MS) * HOUR_MS);
    entry.requests += 1;
    if (request.outcome !== 'ok') entry.errors[request.outcome] += 1;
    const minute = Math.floor(request.at / MINUTE_MS);
    entry.minutes.set(minute, (entry.minutes.get(minute) ?? 0) + 1);
  }

  return {
    observer(account = 'default') {
      return { onRequest: (request) => count(account, request) };
    },
    async flush(store) {
      // Taken synchronously: requests counted while the write runs go to the next flush.
      const taken: HourCounts[] = [];
      for (const entry of hours.values()) {
        if (entry.requests === 0) continue;
        taken.push({ ...entry });
        entry.requests = 0;
        entry.errors = noErrors();
        entry.minutes = new Map();
      }
      const currentHour = Math.floor(clock().getTime() / HOUR_MS) * HOUR_MS;
      for (const [key, entry] of hours) if (entry.requests === 0 && entry.hourStart < currentHour - HOUR_MS) hours.delete(key);
      const pruneMinutes = currentHour > minutesPrunedInHour;
      // Always in the same order, so that two processes flushing the same rows never deadlock on PostgreSQL.
      taken.sort((a, b) =>
        a.carrier < b.carrier
          ? -1
          : a.carrier > b.carrier
            ? 1
            : a.account < b.account
              ? -1
              : a.account > b.account
                ? 1
                : a.hourStart - b.hourStart,
      );
      if (taken.length === 0 && !pruneMinutes) return 0;
      try {
        await storeDatabase(store).writeTransaction(async (transaction) => {
          const db = transaction as unknown as Kysely<RequestCountsDatabase>;
          // Minutes first: their sums over every process give each hour's busiest minute.
          const peaks = new Map<string, number>();
          const minuteRows = taken.flatMap((entry) =>
            [...entry.minutes]
              .sort(([a], [b]) => a - b)
              .map(([minute, requests]) => ({
                shop_id: shopId,
                carrier: entry.carrier,
                account: entry.account,
                minute_start: minute * MINUTE_MS,
                requests,
              })),
          );
          for (const rows of chunk(minuteRows, ROWS_PER_STATEMENT)) {
            const sums = await db
              .insertInto('carrier_request_minutes')
              .values(rows)
              .onConflict((conflict) =>
                conflict
                  .columns(['shop_id', 'carrier', 'account', 'minute_start'])
                  .doUpdateSet((update) => ({ requests: sql`carrier_request_minutes.requests + ${update.ref('excluded.requests')}` })),
              )
              .returning(['carrier', 'account', 'minute_start', 'requests'])
              .execute();
            for (const sum of sums) {
              const key = hourKey(sum.carrier, sum.account, Math.floor(Number(sum.minute_start) / HOUR_MS) * HOUR_MS);
              peaks.set(key, Math.max(peaks.get(key) ?? 0, Number(sum.requests)));
            }
          }
          const hourRows: CarrierRequestCountsTable[] = taken.map((entry) => ({
            shop_id: shopId,
            carrier: entry.carrier,
            account: entry.account,
            hour_start: entry.hourStart,
            requests: entry.requests,
            peak_per_minute: peaks.get(hourKey(entry.carrier, entry.account, entry.hourStart)) ?? 0,
            ...entry.errors,
          }));
          for (const rows of chunk(hourRows, ROWS_PER_STATEMENT))
            await db
              .insertInto('carrier_request_counts')
              .values(rows)
              .onConflict((conflict) =>
                conflict.columns(['shop_id', 'carrier', 'account', 'hour_start']).doUpdateSet((update) => ({
                  requests: sql`carrier_request_counts.requests + ${update.ref('excluded.requests')}`,
                  peak_per_minute: sql`case when ${update.ref('excluded.peak_per_minute')} > carrier_request_counts.peak_per_minute then ${update.ref('excluded.peak_per_minute')} else carrier_request_counts.peak_per_minute end`,
                  ...Object.fromEntries(
                    REQUEST_ERROR_KINDS.map((kind) => [
                      kind,
                      sql`${sql.ref(`carrier_request_counts.${kind}`)} + ${update.ref(`excluded.${kind}`)}`,
                    ]),
                  ),
                })),
              )
              .execute();
          if (pruneMinutes)
            await db
              .deleteFrom('carrier_request_minutes')
              .where('shop_id', '=', shopId)
              .where('minute_start', '<', currentHour - MINUTES_KEPT_MS)
              .execute();
        });
        if (pruneMinutes) minutesPrunedInHour = currentHour;
      } catch (error) {
        // Not written (the transaction rolled back): counted again at the next flush.
        for (const entry of taken) {
          const current = entryOf(entry.carrier, entry.account, entry.hourStart);
          current.requests += entry.requests;
          for (const kind of REQUEST_ERROR_KINDS) current.errors[kind] += entry.errors[kind];
          for (const [minute, requests] of entry.minutes) current.minutes.set(minute, (current.minutes.get(minute) ?? 0) + requests);
        }
        throw error;
      }
      return taken.length;
    },
  };
}
