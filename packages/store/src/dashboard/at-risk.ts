import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ACTORS, SUBSTATUSES, type Actor, type ShipmentStatus, type Substatus } from '@wismo/core';
import { storeDatabase } from '../database/store-database';
import type { Database } from '../database/tables';
import { StoreError } from '../store-error';
import type { CarrierId, Store, StoreEngine } from '../store-types';

/** Why a parcel is listed as at risk. */
export const AT_RISK_KINDS = ['stalled', 'late', 'never_scanned', 'exception', 'pickup_deadline', 'returning'] as const;
export type AtRiskKind = (typeof AT_RISK_KINDS)[number];

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
  /** "Now" for `minAgeHours` and `ageHours`. Default the current time. */
  now?: Date;
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
}

export interface AtRiskPage {
  items: AtRiskParcel[];
  nextCursor: string | null;
}

const KIND_CONDITIONS: Record<AtRiskKind, (builder: ExpressionBuilder<Database, 'trackings'>) => Expression<SqlBool>> = {
  stalled: (builder) => builder('delay_stalled', '=', 1),
  late: (builder) => builder('delay_late', '=', 1),
  never_scanned: (builder) => builder('delay_never_scanned', '=', 1),
  exception: (builder) => builder('status', '=', 'exception'),
  // Waiting at a pickup point: it goes back to the sender when nobody collects it by the carrier's deadline.
  pickup_deadline: (builder) => builder('status', '=', 'available_for_pickup'),
  returning: (builder) => builder('status', '=', 'returning'),
};

/** JSON fields read from the stored shipment snapshot (neither engine indexes them: see the package README). */
function shipmentField(engine: StoreEngine, path: readonly string[]) {
  return engine === 'postgres'
    ? sql<string | null>`(shipment::jsonb #>> ${`{${path.join(',')}}`})`
    : sql<string | null>`json_extract(shipment, ${`$.${path.join('.')}`})`;
}

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^trk_[0-9a-z]+$/.test(id))
    throw new StoreError('invalid_input', 'Invalid cursor: pass the nextCursor of the previous page unchanged');
  return id;
}

function invalid(path: string, message: string): never {
  throw new StoreError('invalid_input', `atRisk: ${message}`, { issues: [{ path, message }] });
}

function substatusesOf(actor: Actor): Substatus[] {
  return (Object.keys(SUBSTATUSES) as Substatus[]).filter((code) => SUBSTATUSES[code].actor === actor);
}

/**
 * Parcels of one shop that need a look now: stalled, late, never scanned, in exception, waiting at a pickup
 * point, or returning; still watched (stopped parcels are left out). Keyset paging in tracking id order.
 */
export async function atRisk(store: Store, shopId: string, query: AtRiskQuery = {}): Promise<AtRiskPage> {
  const { db, engine } = storeDatabase(store);
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
  const service = shipmentField(engine, ['service', 'code']);
  const country = shipmentField(engine, ['destination', 'countryCode']);

  let select = db
    .selectFrom('trackings')
    .select([
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
    ])
    .select([service.as('service_code'), country.as('destination_country')])
    .where('shop_id', '=', shopId)
    .where('stopped_reason', 'is', null)
    .where((builder) =>
      query.kind ? KIND_CONDITIONS[query.kind](builder) : builder.or(AT_RISK_KINDS.map((kind) => KIND_CONDITIONS[kind](builder))),
    );
  if (query.carrier) select = select.where('carrier', '=', query.carrier.toLowerCase());
  if (query.service) select = select.where(service, '=', query.service);
  if (query.country) select = select.where(country, '=', query.country.toUpperCase());
  if (query.actor) select = select.where('substatus', 'in', substatusesOf(query.actor));
  if (query.minAgeHours !== undefined) select = select.where('created_at', '<=', nowMs - query.minAgeHours * 3_600_000);
  if (query.cursor) select = select.where('id', '>', decodeCursor(query.cursor));
  const rows = await select
    .orderBy('id')
    .limit(limit + 1)
    .execute();

  const items = rows.slice(0, limit).map((row): AtRiskParcel => {
    const status = row.status as ShipmentStatus;
    const substatus = row.substatus as Substatus;
    const flags: Record<AtRiskKind, boolean> = {
      stalled: Number(row.delay_stalled) === 1,
      late: Number(row.delay_late) === 1,
      never_scanned: Number(row.delay_never_scanned) === 1,
      exception: status === 'exception',
      pickup_deadline: status === 'available_for_pickup',
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
      service: row.service_code ?? null,
      destinationCountry: row.destination_country ?? null,
      watchedAt: new Date(createdAt).toISOString(),
      lastCheckedAt: row.last_checked_at === null ? null : new Date(Number(row.last_checked_at)).toISOString(),
      ageHours: Math.max(0, Math.floor((nowMs - createdAt) / 3_600_000)),
    };
  });
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.trackingId) : null };
}

/** How many watched parcels of the shop have each reason now (a parcel with two reasons counts in both). */
export async function atRiskCounts(store: Store, shopId: string): Promise<Record<AtRiskKind, number>> {
  const { db } = storeDatabase(store);
  const row = await db
    .selectFrom('trackings')
    .select((builder) => [
      builder.fn.sum<number>('delay_stalled').as('stalled'),
      builder.fn.sum<number>('delay_late').as('late'),
      builder.fn.sum<number>('delay_never_scanned').as('never_scanned'),
      builder.fn.sum<number>(sql`case when status = 'exception' then 1 else 0 end`).as('exception'),
      builder.fn.sum<number>(sql`case when status = 'available_for_pickup' then 1 else 0 end`).as('pickup_deadline'),
      builder.fn.sum<number>(sql`case when status = 'returning' then 1 else 0 end`).as('returning'),
    ])
    .where('shop_id', '=', shopId)
    .where('stopped_reason', 'is', null)
    .executeTakeFirstOrThrow();
  return Object.fromEntries(AT_RISK_KINDS.map((kind) => [kind, Number(row[kind] ?? 0)])) as Record<AtRiskKind, number>;
}
