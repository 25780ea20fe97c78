import { z } from 'zod';
import { carrierTimeSchema, timeKindSchema } from '../time/carrier-time';
import { shipmentStatusSchema, substatusSchema } from './statuses';

export const locationSchema = z.object({
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: z.string().length(2).nullable(),
  /** The location as the carrier wrote it, for display when the parts are thin. */
  raw: z.string().nullable(),
});
export type Location = z.infer<typeof locationSchema>;

/** What the carrier actually sent for an event: kept so that nothing is lost in mapping. */
export const rawEventSchema = z.object({
  /** The code the status table was looked up with (e.g. `D/F4/011` for UPS). */
  code: z.string().nullable(),
  /** Every code field the carrier sent, by the carrier's field name. */
  codes: z.record(z.string(), z.string()),
  text: z.string().nullable(),
});
export type RawEvent = z.infer<typeof rawEventSchema>;

export const trackingEventSchema = carrierTimeSchema.extend({
  status: shipmentStatusSchema,
  substatus: substatusSchema,
  /** The carrier's own words for the event. */
  description: z.string(),
  location: locationSchema.nullable(),
  raw: rawEventSchema,
  /** True when no status-table entry matched: status is `unknown` and `raw.code` says what came. */
  unmapped: z.boolean(),
});
export type TrackingEvent = z.infer<typeof trackingEventSchema>;

export const estimatedDeliverySchema = z.object({
  /** Start of the window: ISO instant, local time or date, as `timeKind` says. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  timeKind: timeKindSchema,
  source: z.enum(['carrier', 'predicted']),
  /** 0..1, for predictions; null for the carrier's own estimate. */
  confidence: z.number().min(0).max(1).nullable(),
});
export type EstimatedDelivery = z.infer<typeof estimatedDeliverySchema>;

export const contactSchema = z.object({
  phone: z.string().nullable(),
  url: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

/** Another carrier's part of the journey, e.g. DHL eCommerce handing over to USPS for the last mile. */
export const legSchema = z.object({
  carrier: z.string(),
  carrierName: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  role: z.enum(['first_mile', 'line_haul', 'last_mile', 'other']),
});
export type Leg = z.infer<typeof legSchema>;

export const proofOfDeliverySchema = z.object({
  available: z.boolean(),
  signatureAvailable: z.boolean(),
  /** Where the carrier serves the document or image, when it gives a link. */
  url: z.string().nullable(),
  /** Where the parcel was left, in the carrier's words ("Front Door", "Parcel locker"). */
  deliveryLocation: z.string().nullable(),
});
export type ProofOfDelivery = z.infer<typeof proofOfDeliverySchema>;

export const shipmentSchema = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  status: shipmentStatusSchema,
  substatus: substatusSchema,
  /** When the shipment entered its current status (the event that moved it there). */
  statusSince: carrierTimeSchema.nullable(),
  /** Newest first, de-duplicated. */
  events: z.array(trackingEventSchema),
  estimatedDelivery: estimatedDeliverySchema.nullable(),
  deliveredAt: carrierTimeSchema.nullable(),
  signedBy: z.string().nullable(),
  proofOfDelivery: proofOfDeliverySchema,
  service: z.object({ code: z.string().nullable(), name: z.string().nullable() }).nullable(),
  origin: locationSchema.nullable(),
  destination: locationSchema.nullable(),
  legs: z.array(legSchema),
  direction: z.enum(['outbound', 'return']),
  contact: contactSchema.nullable(),
  trackingUrl: z.string().nullable(),
  /** A true UTC instant: when wismo read this from the carrier. */
  fetchedAt: z.string(),
  /** The carrier's response body, only when asked for with `includeRaw`. */
  raw: z.unknown().optional(),
});
export type Shipment = z.infer<typeof shipmentSchema>;
