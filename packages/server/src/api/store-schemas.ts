import { z } from '@hono/zod-openapi';
import { SHIPMENT_STATUSES } from '@wismo/core';
import { customerSchema, orderSchema } from '@wismo/order-view';
import { carrierIdSchema, localeParamSchema, ShipmentSchema, trackingNumberSchema } from './schemas';

/** Largest page of `GET /v1/trackings`. */
export const MAX_TRACKINGS_PAGE = 200;
export const DEFAULT_TRACKINGS_PAGE = 50;

/** The delay kinds of the order view's delay rules that the store can filter on. */
export const TRACKING_DELAY_FILTERS = ['stalled', 'late', 'never_scanned', 'exception'] as const;

const trackingIdSchema = z.string().min(1).max(100);

export const TrackingParamsSchema = z.object({
  id: trackingIdSchema.openapi({
    param: { name: 'id', in: 'path' },
    example: 'trk_01JQ8Z3W5V4D2C',
    description: 'The id the store gave the tracking (`POST /v1/trackings` answers it).',
  }),
});

export const WatchRequestSchema = z
  .object({
    trackingNumber: trackingNumberSchema,
    carrier: carrierIdSchema
      .optional()
      .openapi({ description: 'When left out, the carrier is detected from the number (among the configured ones).' }),
    orderId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Your order id, to link the parcel to the order.', example: 'ord_1003' }),
    customer: z
      .object({
        email: customerSchema.shape.email.optional(),
        name: z.string().trim().min(1).max(200).optional(),
        locale: localeParamSchema.optional(),
        timeZone: z
          .string()
          .max(64)
          .refine((zone) => {
            try {
              new Intl.DateTimeFormat('en', { timeZone: zone });
              return true;
            } catch {
              return false;
            }
          }, 'Expected an IANA time zone, e.g. Europe/Berlin')
          .optional(),
      })
      .optional()
      .openapi({ description: 'Who is waiting for the parcel (for notifications).' }),
  })
  .openapi('WatchRequest');

export const TrackingSchema = z
  .object({
    id: z.string(),
    shopId: z.string(),
    carrier: z
      .string()
      .nullable()
      .openapi({ description: 'Null while the carrier is not yet known (an ambiguous number before its first answer).' }),
    trackingNumber: z.string(),
    orderId: z.string().nullable(),
    orderShipmentId: z.string().nullable().openapi({ description: 'The order’s own id for this parcel (`shipments[].id` of the order).' }),
    status: z.enum(SHIPMENT_STATUSES).openapi({ description: 'wismo status; `pending` before the first carrier answer.' }),
    substatus: z.string().nullable(),
    shipment: ShipmentSchema.nullable().openapi({ description: 'The last normalised answer of the carrier, null before the first one.' }),
    watchedBy: z.enum(['poll', 'push', 'both']),
    lastCheckedAt: z.string().nullable().openapi({ description: 'ISO instant (UTC) of the last carrier check.' }),
    nextCheckAt: z
      .string()
      .nullable()
      .openapi({ description: 'ISO instant (UTC) of the next scheduled check; null once watching stopped.' }),
    stoppedReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why watching stopped (`finished`, `not_found` after giving up, `unwatched`, …), else null.' }),
    delays: z.array(z.string()).openapi({
      description:
        'Active delays from the order view’s rules as of the last check: stalled, late, never_scanned, carrier_exception, carrier_delay.',
    }),
    notFoundCount: z.number().int().openapi({ description: 'Consecutive `not_found` answers (the checks back off).' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Tracking', { description: 'A tracking number the store watches for this shop.' });

export const TrackingListQuerySchema = z.object({
  status: z
    .enum(SHIPMENT_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, example: 'in_transit' }),
  carrier: carrierIdSchema.optional().openapi({ param: { name: 'carrier', in: 'query' } }),
  delay: z
    .enum(TRACKING_DELAY_FILTERS)
    .optional()
    .openapi({ param: { name: 'delay', in: 'query' }, description: 'Only parcels with this delay.' }),
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `nextCursor` of the previous page.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_TRACKINGS_PAGE)
    .optional()
    .openapi({
      param: { name: 'limit', in: 'query' },
      type: 'integer',
      description: `Page size, ${DEFAULT_TRACKINGS_PAGE} by default, at most ${MAX_TRACKINGS_PAGE}.`,
    }),
});

export const TrackingPageSchema = z
  .object({
    items: z.array(TrackingSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('TrackingPage', { description: 'One page, in a stable order (keyset paging: rows added meanwhile never shift a page).' });

export const OrderParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ord_1003', description: 'Your order id.' }),
});

// order-view's schema is the contract; the copy made by `.and` carries @hono/zod-openapi's `.openapi()`.
export const OrderSchema = orderSchema.and(z.object({})).openapi('Order', {
  description:
    'An order with its customer, items and parcels, as @wismo/order-view reads it (fields with defaults may be left out). Parcels with a tracking number are watched.',
});

export const UpsertOrderResponseSchema = z
  .object({
    order: OrderSchema,
    watched: z.array(TrackingSchema).openapi({ description: 'The trackings of the order’s parcels, as the store now watches them.' }),
  })
  .openapi('UpsertedOrder');
