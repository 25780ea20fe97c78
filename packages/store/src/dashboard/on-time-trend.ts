import { sql } from 'kysely';
import { dashboardDatabase } from './dashboard-tables';
import { StoreError } from '../store-error';
import type { CarrierId, Store } from '../store-types';

export interface OnTimeTrendQuery {
  /** Weeks shown, 1..26, the last one being the week of `now`. Default 13 (a quarter). */
  weeks?: number;
  /** Default the current time; its UTC day decides the last week. */
  now?: Date;
}

/** One carrier's deliveries of one week that had a promised day. */
export interface OnTimeWeek {
  /** The week's Monday (`YYYY-MM-DD`, UTC). */
  weekStart: string;
  promisedCount: number;
  onTimeCount: number;
  /** 0..1; null when no delivery of that week had a promise. */
  onTimeRate: number | null;
}

export interface OnTimeTrend {
  /** Every week of the window, oldest first (Mondays, `YYYY-MM-DD`). */
  weeks: string[];
  /** One series per carrier that delivered in the window, by carrier id; one point per week of `weeks`. */
  carriers: Array<{ carrier: CarrierId; points: OnTimeWeek[] }>;
}

export const MAX_TREND_WEEKS = 26;
const DAY_MS = 86_400_000;

const dayOf = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** The Monday (UTC) of the week holding `epochMs`. */
function mondayOf(epochMs: number): number {
  const midnight = Math.floor(epochMs / DAY_MS) * DAY_MS;
  return midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY_MS;
}

/**
 * The on-time rate against the promise per carrier and week: one grouped read of `deliveries` by delivery day and
 * carrier over at most 26 weeks, inside the covering index by day (`deliveries_by_day`), so its cost follows the
 * window's deliveries, not the store's. Days are summed into weeks here.
 */
export async function onTimeTrend(store: Store, shopId: string, query: OnTimeTrendQuery = {}): Promise<OnTimeTrend> {
  const weekCount = query.weeks ?? 13;
  if (!Number.isInteger(weekCount) || weekCount < 1 || weekCount > MAX_TREND_WEEKS)
    throw new StoreError('invalid_input', `onTimeTrend: weeks must be a whole number from 1 to ${MAX_TREND_WEEKS}`, {
      issues: [{ path: 'weeks', message: `Expected 1..${MAX_TREND_WEEKS}` }],
    });
  const nowMs = (query.now ?? new Date()).getTime();
  const firstMonday = mondayOf(nowMs) - (weekCount - 1) * 7 * DAY_MS;
  const weeks = Array.from({ length: weekCount }, (_, index) => dayOf(firstMonday + index * 7 * DAY_MS));
  const { db } = dashboardDatabase(store);
  const rows = await db
    .selectFrom('deliveries')
    .select(['delivered_on', 'carrier'])
    .select((builder) => [
      // on_time is set exactly when the delivery had a promised day (see carrierPerformance).
      builder.fn.count<number>('on_time').as('promised'),
      builder.fn.sum<number>(sql`case when on_time = 1 then 1 else 0 end`).as('on_time'),
    ])
    .where('shop_id', '=', shopId)
    .where('delivered_on', '>=', weeks[0]!)
    .where('delivered_on', '<=', dayOf(nowMs))
    .groupBy(['delivered_on', 'carrier'])
    .execute();

  const series = new Map<string, OnTimeWeek[]>();
  for (const row of rows) {
    let points = series.get(row.carrier);
    if (!points) {
      points = weeks.map((weekStart) => ({ weekStart, promisedCount: 0, onTimeCount: 0, onTimeRate: null }));
      series.set(row.carrier, points);
    }
    const week = Math.floor((Date.parse(`${row.delivered_on}T00:00:00Z`) - firstMonday) / (7 * DAY_MS));
    const point = points[week]!;
    point.promisedCount += Number(row.promised);
    point.onTimeCount += Number(row.on_time ?? 0);
  }
  const carriers = [...series]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([carrier, points]) => ({
      carrier,
      points: points.map((point) => ({
        ...point,
        onTimeRate: point.promisedCount > 0 ? point.onTimeCount / point.promisedCount : null,
      })),
    }));
  return { weeks, carriers };
}
