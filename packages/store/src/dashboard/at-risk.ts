import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ACTORS, SUBSTATUSES, type Actor, type ShipmentStatus, type Substatus } from '@wismo/core';
import { AT_RISK_LIST_PREDICATE } from '../database/dashboard-index-migration';
import { StoreError } from '../store-error';
import { decodeCursor, encodeCursor } from '../paging-cursor';
import type { CarrierId, Store } from '../store-types';
import { dashboardDatabase, type DashboardDatabase } from './dashboard-tables';
import { DEFAULT_PICKUP_HOLD_DAYS } from './pickup-hold-days';

/** Why a parcel is listed as at risk. */
export const AT_RISK_KINDS = ['stalled', 'late', 'never_scanned', 'exception', 'pickup_deadline', 'returning'] as const;
export type AtRiskKind = (typeof AT_RISK_KINDS)[number];

export interface PickupDeadlineSettings {
  /** Calendar days a carrier keeps a parcel at a pickup point, by carrier id; others get `defaultHoldDays`. */
  holdDays?: Readonly<Record<string, number>>;
  /** Default 7 (a week is what most carriers' pickup points keep a parcel). */
  defaultHoldDays?: number;
  /** Listed from this many days before the deadline. Default 2. */
  warnDays?: number;
}

export interface AtRiskQuery {
  carrier?: CarrierId;
  /** The carrier's service code (`Shipment.service.code`), compared exactly. */
  service?: string;
  /** Destination country, ISO 3166-1 alpha-2. */
  country?: string;
  /** Only parcels watched at least this many hours ago. */
  minAgeHours?: number;
  /** Who must act next (the substatus's actor). */
  actor?: Actor;
  /** One reason only; default any of them. */
  kind?: AtRiskKind;
  /** Opaque; from the previous page's `nextCursor`. */
  cursor?: string;
  /** 1..500, default 50. */
  limit?: number;
  /** "Now" for `minAgeHours`, `ageHours` and the pickup deadline. Default the current time. */
  now?: Date;
  /** When a parcel waiting at a pickup point counts as near its deadline. */
  pickup?: PickupDeadlineSettings;
}

export interface AtRiskParcel {
  trackingId: string;
  carrier: CarrierId | null;
  trackingNumber: string;
  orderId: string | null;
  status: ShipmentStatus;
  substatus: Substatus;
  actor: Actor;
  /** Every reason that applies, in `AT_RISK_KINDS` order. */
  kinds: AtRiskKind[];
  service: string | null;
  destinationCountry: string | null;
  /** UTC instants (ISO, `Z`). */
  watchedAt: string;
  lastCheckedAt: string | null;
  /** Whole hours since the parcel was watched. */
  ageHours: number;
  /** Waiting at a pickup point: the last day to collect it (arrival + the carrier's hold days; UTC day). */
  pickupDeadline: string | null;
}

export interface AtRiskPage {
  items: AtRiskParcel[];
  nextCursor: string | null;
}

type TrackingsBuilder = ExpressionBuilder<DashboardDatabase, 'trackings'>;

const DAY_MS = 86_400_000;

/** Hold days by carrier: the defaults with the shop's own figures over them. */
function holdDaysTable(settings: PickupDeadlineSettings): Readonly<Record<string, number>> {
  return { ...DEFAULT_PICKUP_HOLD_DAYS, ...settings.holdDays };
}

function holdDaysOf(carrier: string, table: Readonly<Record<string, number>>, settings: PickupDeadlineSettings): number {
  return table[carrier] ?? settings.defaultHoldDays ?? 7;
}

/** Hold days per carrier as one SQL expression (a CASE over the carriers with their own figure). */
function holdDaysSql(settings: PickupDeadlineSettings) {
  const entries = Object.entries(holdDaysTable(settings));
  const fallback = sql.lit(settings.defaultHoldDays ?? 7);
  if (entries.length === 0) return sql<number>`${fallback}`;
  const cases = sql.join(
    entries.map(([carrier, days]) => sql`when ${sql.lit(carrier)} then ${sql.lit(days)}`),
    sql` `,
  );
  return sql<number>`(case carrier ${cases} else ${fallback} end)`;
}

function kindConditions(nowMs: number, settings: PickupDeadlineSettings) {
  const warnMs = (settings.warnDays ?? 2) * DAY_MS;
  // Near the deadline: arrival + hold days − warn days has passed. An unknown arrival is listed (better seen).
  // A CASE rather than an OR: PostgreSQL plans each arm of an OR against every index of trackings (bitmap OR
  // paths), which took longer than running the page.
  const nearDeadline = sql<SqlBool>`(case when pickup_since is null then 1 when pickup_since + ${holdDaysSql(settings)} * cast(${sql.lit(DAY_MS)} as bigint) <= ${nowMs + warnMs} then 1 else 0 end) = 1`;
  const conditions: Record<AtRiskKind, (builder: TrackingsBuilder) => Expression<SqlBool>> = {
    stalled: (builder) => builder('delay_stalled', '=', 1),
    late: (builder) => builder('delay_late', '=', 1),
    never_scanned: (builder) => builder('delay_never_scanned', '=', 1),
    exception: (builder) => builder('status', '=', 'exception'),
    // Waiting at a pickup point: it goes back to the sender when nobody collects it by the carrier's deadline.
    pickup_deadline: (builder) => builder.and([builder('status', '=', 'available_for_pickup'), nearDeadline]),
    returning: (builder) => builder('status', '=', 'returning'),
  };
  return conditions;
}

/** The columns an at-risk row is built from (the dashboard bench's plain SELECT reads the same). */
export const AT_RISK_LIST_COLUMNS = [
  'id',
  'carrier',
  'tracking_number',
  'order_id',
  'status',
  'substatus',
  'delay_stalled',
  'delay_late',
  'delay_never_scanned',
  'created_at',
  'last_checked_at',
  'service',
  'destination_country',
  'pickup_since',
] as const;

/** Word for word the partial indexes' condition (see `AT_RISK_LIST_PREDICATE`), so that the planner uses them. */
const atRiskRows = sql<SqlBool>`${sql.raw(AT_RISK_LIST_PREDICATE)}`;

function invalid(path: string, message: string): never {
  throw new StoreError('invalid_input', `atRisk: ${message}`, { issues: [{ path, message }] });
}

const SUBSTATUSES_BY_ACTOR = new Map(
  ACTORS.map((actor) => [actor, (Object.keys(SUBSTATUSES) as Substatus[]).filter((code) => SUBSTATUSES[code].actor === actor)]),
);

function substatusesOf(actor: Actor): Substatus[] {
  return SUBSTATUSES_BY_ACTOR.get(actor) ?? [];
}

/**
 * Parcels of one shop that need a look now: stalled, late, never scanned, in exception, waiting at a pickup
 * point near its collection deadline, or returning; still watched (stopped parcels are left out). Keyset
 * paging in tracking id order, over the partial list indexes of migration 7 (only at-risk rows are in them).
 */
export async function atRisk(store: Store, shopId: string, query: AtRiskQuery = {}): Promise<AtRiskPage> {
  const { db } = dashboardDatabase(store);
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) invalid('limit', 'limit must be a whole number from 1 to 500');
  if (query.kind !== undefined && !(AT_RISK_KINDS as readonly string[]).includes(query.kind))
    invalid('kind', `unknown kind "${String(query.kind)}": use ${AT_RISK_KINDS.join(', ')}`);
  if (query.actor !== undefined && !(ACTORS as readonly string[]).includes(query.actor))
    invalid('actor', `unknown actor "${String(query.actor)}": use ${ACTORS.join(', ')}`);
  if (query.minAgeHours !== undefined && !(Number.isFinite(query.minAgeHours) && query.minAgeHours >= 0))
    invalid('minAgeHours', 'minAgeHours must be a number of hours, 0 or more');
  if (query.country !== undefined && !/^[A-Za-z]{2}$/.test(query.country))
    invalid('country', 'country must be an ISO 3166-1 alpha-2 code such as DE');
  const nowMs = (query.now ?? new Date()).getTime();
  const pickup = query.pickup ?? {};
  const conditions = kindConditions(nowMs, pickup);

  let select = db.selectFrom('trackings').where('shop_id', '=', shopId).where(atRiskRows);
  if (query.carrier) select = select.where('carrier', '=', query.carrier.toLowerCase());
  if (query.service) select = select.where('service', '=', query.service);
  if (query.country) select = select.where('destination_country', '=', query.country.toUpperCase());
  if (query.actor) select = select.where('substatus', 'in', substatusesOf(query.actor));
  if (query.minAgeHours !== undefined) select = select.where('created_at', '<=', nowMs - query.minAgeHours * 3_600_000);
  if (query.cursor) select = select.where('id', '>', decodeCursor(query.cursor));
  // The reasons last: SQLite tests the terms in the order written, and the plain equalities above drop most rows
  // before the reasons' CASE is worked out (a CASE rather than an OR, as for `nearDeadline`).
  select = select.where((builder) =>
    query.kind
      ? conditions[query.kind](builder)
      : sql<SqlBool>`(case when ${builder.or(AT_RISK_KINDS.map((kind) => conditions[kind](builder)))} then 1 else 0 end) = 1`,
  );
  // Read from the list index alone (migration 7: it holds every column selected and filtered on).
  const rows = await select
    .select(AT_RISK_LIST_COLUMNS)
    .orderBy('id')
    .limit(limit + 1)
    .execute();

  const warnMs = (pickup.warnDays ?? 2) * DAY_MS;
  const holdDays = holdDaysTable(pickup);
  const items = rows.slice(0, limit).map((row): AtRiskParcel => {
    const status = row.status as ShipmentStatus;
    const substatus = row.substatus as Substatus;
    const waiting = status === 'available_for_pickup';
    const deadlineMs =
      waiting && row.pickup_since !== null ? Number(row.pickup_since) + holdDaysOf(row.carrier, holdDays, pickup) * DAY_MS : null;
    const flags: Record<AtRiskKind, boolean> = {
      stalled: Number(row.delay_stalled) === 1,
      late: Number(row.delay_late) === 1,
      never_scanned: Number(row.delay_never_scanned) === 1,
      exception: status === 'exception',
      pickup_deadline: waiting && (deadlineMs === null || deadlineMs <= nowMs + warnMs),
      returning: status === 'returning',
    };
    const createdAt = Number(row.created_at);
    return {
      trackingId: row.id,
      carrier: row.carrier === '' ? null : row.carrier,
      trackingNumber: row.tracking_number,
      orderId: row.order_id,
      status,
      substatus,
      actor: SUBSTATUSES[substatus]?.actor ?? 'none',
      kinds: AT_RISK_KINDS.filter((kind) => flags[kind]),
      service: row.service ?? null,
      destinationCountry: row.destination_country ?? null,
      watchedAt: new Date(createdAt).toISOString(),
      lastCheckedAt: row.last_checked_at === null ? null : new Date(Number(row.last_checked_at)).toISOString(),
      ageHours: Math.max(0, Math.floor((nowMs - createdAt) / 3_600_000)),
      pickupDeadline: deadlineMs === null ? null : new Date(deadlineMs).toISOString().slice(0, 10),
    };
  });
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.trackingId) : null };
}

/**
 * How many watched parcels of the shop have each reason now (a parcel with two reasons counts in both). Reads
 * the at-risk rows only, through their partial index.
 */
export async function atRiskCounts(
  store: Store,
  shopId: string,
  options: { now?: Date; pickup?: PickupDeadlineSettings } = {},
): Promise<Record<AtRiskKind, number>> {
  const { db } = dashboardDatabase(store);
  const conditions = kindConditions((options.now ?? new Date()).getTime(), options.pickup ?? {});
  const row = await db
    .selectFrom('trackings')
    .select((builder) =>
      AT_RISK_KINDS.map((kind) => builder.fn.sum<number>(sql`case when ${conditions[kind](builder)} then 1 else 0 end`).as(kind)),
    )
    .where('shop_id', '=', shopId)
    .where(atRiskRows)
    .executeTakeFirstOrThrow();
  return Object.fromEntries(AT_RISK_KINDS.map((kind) => [kind, Number(row[kind] ?? 0)])) as Record<AtRiskKind, number>;
}
