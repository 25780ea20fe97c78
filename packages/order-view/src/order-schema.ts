import { legSchema } from '@wismo/core';
import { z } from 'zod';
import { isCalendarDate } from './time/calendar-date';
import { isValidTimeZone } from './time/time-zone';

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** An ISO 8601 instant with an offset or `Z`: merchant systems always know when something happened. */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: 'Expected an ISO 8601 date-time with an offset, e.g. 2026-03-20T09:15:00+01:00',
});
export const calendarDateSchema = z.string().refine(isCalendarDate, 'Expected a calendar date YYYY-MM-DD');
export const timeZoneSchema = z.string().refine(isValidTimeZone, 'Expected an IANA time zone, e.g. Europe/Berlin');
export const localeSchema = z.string().refine(isLocale, 'Expected a BCP 47 locale, e.g. de-AT');
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code')
  .transform((code) => code.toUpperCase());

export const customerSchema = z.object({
  id: z.string().min(1),
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+$/, 'Expected an email address'),
  name: z.string().min(1),
  /** How to greet the customer; the first word of `name` when not given. */
  givenName: z.string().min(1).nullable().default(null),
  phone: z.string().nullable().default(null),
  locale: localeSchema,
  timeZone: timeZoneSchema,
  accountUrl: z.url().nullable().default(null),
});
export type Customer = z.output<typeof customerSchema>;

export const orderItemSchema = z.object({
  id: z.string().min(1),
  sku: z.string().nullable().default(null),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
});
export type OrderItem = z.output<typeof orderItemSchema>;

export const shippingAddressSchema = z.object({
  city: z.string().nullable().default(null),
  /** State, province or region code, as the integrator's delivery history records it (e.g. `CA`, `BY`). */
  region: z.string().nullable().default(null),
  postalCode: z.string().nullable().default(null),
  countryCode: countryCodeSchema,
});
export type ShippingAddress = z.output<typeof shippingAddressSchema>;

/** A lane end: where a parcel leaves from or goes to, as precise as delivery history is kept. */
export const lanePlaceSchema = z.object({
  countryCode: countryCodeSchema,
  region: z.string().nullable().default(null),
});
export type LanePlace = z.output<typeof lanePlaceSchema>;

export const orderShipmentSchema = z.object({
  /** The integrator's id for this parcel (fulfilment, package or return id). */
  id: z.string().min(1),
  /** wismo carrier id, lower case: `dhl`, `usps`, `dhl_ecommerce`, ... */
  carrier: z.string().min(1),
  /** Null while the parcel is packed but has no label yet. */
  trackingNumber: z.string().min(1).nullable().default(null),
  service: z.object({ code: z.string().nullable(), name: z.string().nullable() }).nullable().default(null),
  direction: z.enum(['outbound', 'return']).default('outbound'),
  items: z.array(z.object({ itemId: z.string().min(1), quantity: z.number().int().positive() })).default([]),
  /** Other carriers' parts of the journey known to the shop (e.g. the USPS number of a DHL eCommerce parcel). */
  legs: z.array(legSchema).default([]),
  /** When the shop marked it shipped (label printed, handed to the dock). */
  shippedAt: instantSchema.nullable().default(null),
  origin: lanePlaceSchema.nullable().default(null),
  destination: lanePlaceSchema.nullable().default(null),
});
export type OrderShipment = z.output<typeof orderShipmentSchema>;

export const MERCHANT_MILESTONES = ['placed', 'confirmed', 'packed', 'cancelled'] as const;
export type MerchantMilestone = (typeof MERCHANT_MILESTONES)[number];

export const milestonesSchema = z.object({
  /** Defaults to `placedAt`. */
  placed: instantSchema.nullable().default(null),
  confirmed: instantSchema.nullable().default(null),
  packed: instantSchema.nullable().default(null),
  cancelled: instantSchema.nullable().default(null),
});
export type Milestones = z.output<typeof milestonesSchema>;

export const orderSchema = z
  .object({
    id: z.string().min(1),
    /** The number the customer sees, e.g. `1042` or `DE-2026-00017`. */
    number: z.string().min(1),
    placedAt: instantSchema,
    customer: customerSchema,
    shippingAddress: shippingAddressSchema.nullable().default(null),
    items: z.array(orderItemSchema),
    salesChannel: z.string().nullable().default(null),
    /** The delivery date promised at checkout, in the customer's time zone. */
    promisedDeliveryDate: calendarDateSchema.nullable().default(null),
    milestones: milestonesSchema.default({ placed: null, confirmed: null, packed: null, cancelled: null }),
    shipments: z.array(orderShipmentSchema).default([]),
  })
  .superRefine((order, context) => {
    const itemIds = new Set(order.items.map((item) => item.id));
    const shipmentIds = new Set<string>();
    order.shipments.forEach((shipment, shipmentIndex) => {
      if (shipmentIds.has(shipment.id)) {
        context.addIssue({ code: 'custom', path: ['shipments', shipmentIndex, 'id'], message: `Duplicate shipment id ${shipment.id}` });
      }
      shipmentIds.add(shipment.id);
      shipment.items.forEach((item, itemIndex) => {
        if (!itemIds.has(item.itemId)) {
          context.addIssue({
            code: 'custom',
            path: ['shipments', shipmentIndex, 'items', itemIndex, 'itemId'],
            message: `Unknown order item ${item.itemId}`,
          });
        }
      });
    });
  });
export type Order = z.output<typeof orderSchema>;
/** What an integrator writes: fields with defaults may be left out. */
export type OrderInput = z.input<typeof orderSchema>;

/** Validates and completes an order (throws a `ZodError`; order sources wrap it in an `OrderSourceError`). */
export function parseOrder(input: OrderInput | unknown): Order {
  return orderSchema.parse(input);
}
