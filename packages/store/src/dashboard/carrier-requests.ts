import type { Kysely } from 'kysely';
import type { CarrierRequestOutcome } from '@wismo/core';
import { storeDatabase } from '../database/store-database';
import { REQUEST_ERROR_COLUMNS } from '../database/request-count-migration';
import type { Database } from '../database/tables';
import type { Store, StoreEngine } from '../store-types';

/** A row of `carrier_request_counts` (migration 8). */
export interface CarrierRequestCountsTable {
  shop_id: string;
  carrier: string;
  account: string;
  /** The hour's first instant (epoch ms, UTC). */
  hour_start: number;
  requests: number;
  /** The most requests in one minute of the hour, every process's together (see `carrier_request_minutes`). */
  peak_per_minute: number;
  not_found: number;
  rate_limited: number;
  auth: number;
  server: number;
  timeout: number;
  network: number;
  client: number;
}

/** A row of `carrier_request_minutes` (migration 9): one minute's requests, summed over every process's flushes. */
export interface CarrierRequestMinutesTable {
  shop_id: string;
  carrier: string;
  account: string;
  /** The minute's first instant (epoch ms, UTC). */
  minute_start: number;
  requests: number;
}

export interface RequestCountsDatabase extends Database {
  carrier_request_counts: CarrierRequestCountsTable;
  carrier_request_minutes: CarrierRequestMinutesTable;
}

export function requestCountsDatabase(store: Store): { db: Kysely<RequestCountsDatabase>; engine: StoreEngine } {
  const { db, engine } = storeDatabase(store);
  return { db: db as unknown as Kysely<RequestCountsDatabase>, engine };
}

export type RequestErrorKind = Exclude<CarrierRequestOutcome, 'ok'>;
/** Migration 8's error columns, one per failed outcome (a test checks they are all of core's outcomes but `ok`). */
export const REQUEST_ERROR_KINDS: readonly RequestErrorKind[] = REQUEST_ERROR_COLUMNS;

/** One carrier account's requests now (UTC hours and day). */
export interface CarrierAccountRequests {
  carrier: string;
  account: string;
  /** Requests since the start of the current hour. */
  thisHour: number;
  /** Requests in the previous whole hour. */
  previousHour: number;
  /** Requests since 00:00 UTC. */
  today: number;
  /** The busiest minute since 00:00 UTC (the requests of every process that counted them, together). */
  peakPerMinuteToday: number;
  /** Failed requests since 00:00 UTC, by kind (every kind present, 0 when none). */
  errorsToday: Record<RequestErrorKind, number>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * How long `archive` keeps the hourly carrier request counts by default: the health page reads the last day, and
 * 35 days still hold a whole calendar month to set against a monthly quota.
 */
export const DEFAULT_CARRIER_REQUEST_COUNT_RETENTION_MS = 35 * DAY_MS;

/** Deletes the hourly counts of hours that began before `beforeMs` (every shop); resolves with the rows deleted. */
export async function pruneCarrierRequestCounts(executor: Kysely<Database>, beforeMs: number): Promise<number> {
  const db = executor as unknown as Kysely<RequestCountsDatabase>;
  // One row per account and hour: a few thousand at most between two archive runs, so one statement.
  const result = await db.deleteFrom('carrier_request_counts').where('hour_start', '<', beforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The shop's carrier requests per carrier account: this hour, the previous hour and today (UTC), the busiest minute
 * and the errors by kind. Reads at most 24 hour rows per account, by the index on (shop, hour).
 */
export async function carrierRequestCounts(store: Store, shopId: string, options: { now?: Date } = {}): Promise<CarrierAccountRequests[]> {
  const nowMs = (options.now ?? new Date()).getTime();
  const hourStart = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const dayStart = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const since = Math.min(dayStart, hourStart - HOUR_MS);
  const { db } = requestCountsDatabase(store);
  const rows = await db
    .selectFrom('carrier_request_counts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('hour_start', '>=', since)
    .where('hour_start', '<=', hourStart)
    .orderBy('carrier')
    .orderBy('account')
    .execute();
  const accounts = new Map<string, CarrierAccountRequests>();
  for (const row of rows) {
    const key = `${row.carrier}\u0000${row.account}`;
    let entry = accounts.get(key);
    if (!entry) {
      entry = {
        carrier: row.carrier,
        account: row.account,
        thisHour: 0,
        previousHour: 0,
        today: 0,
        peakPerMinuteToday: 0,
        errorsToday: Object.fromEntries(REQUEST_ERROR_KINDS.map((kind) => [kind, 0])) as Record<RequestErrorKind, number>,
      };
      accounts.set(key, entry);
    }
    const start = Number(row.hour_start);
    const requests = Number(row.requests);
    if (start === hourStart) entry.thisHour += requests;
    if (start === hourStart - HOUR_MS) entry.previousHour += requests;
    if (start >= dayStart) {
      entry.today += requests;
      entry.peakPerMinuteToday = Math.max(entry.peakPerMinuteToday, Number(row.peak_per_minute));
      for (const kind of REQUEST_ERROR_KINDS) entry.errorsToday[kind] += Number(row[kind]);
    }
  }
  return [...accounts.values()];
}
