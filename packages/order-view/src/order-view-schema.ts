import {
  carrierTimeSchema,
  contactSchema,
  estimatedDeliverySchema,
  legSchema,
  locationSchema,
  shipmentStatusSchema,
  substatusSchema,
} from '@wismo/core';
import { z } from 'zod';
import { LANE_LEVELS } from './history/lanes';
import { calendarDateSchema, instantSchema } from './order-schema';
import { SUPPORTED_LANGUAGES } from './words/languages';

/** Version of the `OrderView` shape. A breaking change bumps it. */
export const ORDER_VIEW_SCHEMA_VERSION = 1;

export const ORDER_STAGES = [
  'placed',
  'confirmed',
  'packed',
  'shipped',
  'partially_shipped',
  'in_transit',
  'out_for_delivery',
  'partially_delivered',
  'delivered',
  'exception',
  'return_in_progress',
  'returned',
  'cancelled',
] as const;
export const orderStageSchema = z.enum(ORDER_STAGES);
export type OrderStage = z.infer<typeof orderStageSchema>;

/**
 * Who must act, from the order's point of view: `shipper` is the merchant, `recipient` the customer — also
 * on returns, where the customer sends and the merchant receives.
 */
export const ORDER_ACTORS = ['carrier', 'shipper', 'recipient', 'customs', 'nobody'] as const;
export const orderActorSchema = z.enum(ORDER_ACTORS);
export type OrderActor = z.infer<typeof orderActorSchema>;

/** The agent's next step, most urgent first (the order's action is the most urgent of its parcels'). */
export const NEXT_ACTION_IDS = [
  'offer_reshipment_or_refund',
  'send_customs_documents',
  'confirm_address_with_customer',
  'ask_customer_to_pay_charges',
  'ask_customer_for_customs_information',
  'ask_customer_to_rearrange_delivery',
  'ask_customer_to_collect',
  'check_delivery_place_with_customer',
  'open_carrier_trace',
  'check_handover_with_warehouse',
  'check_fulfilment_with_warehouse',
  'process_return_refund',
  'remind_customer_to_send_return',
  'wait_for_customs',
  'apologise_and_share_estimate',
  'wait_for_return',
  'wait_for_delivery',
  'wait_for_carrier_pickup',
  'wait_for_dispatch',
  'confirm_cancellation',
  'share_delivery_details',
] as const;
export const nextActionIdSchema = z.enum(NEXT_ACTION_IDS);
export type NextActionId = z.infer<typeof nextActionIdSchema>;

export const TIME_SHOWN_AS = ['customer_time_zone', 'carrier_local_time', 'date_only', 'unknown'] as const;

/**
 * How a time reads for the customer: an instant converted to the customer's zone; a carrier wall time
 * without offset kept as the carrier's local time (never shifted as if it were UTC); a bare date as a date.
 */
export const customerTimeSchema = z.object({
  date: calendarDateSchema.nullable(),
  /** `HH:mm`, null for a date. */
  time: z.string().nullable(),
  /** The customer's offset at that instant; null when the time is not an instant. */
  utcOffset: z.string().nullable(),
  shownAs: z.enum(TIME_SHOWN_AS),
});
export type CustomerTime = z.infer<typeof customerTimeSchema>;

export const ageSchema = z.object({
  /** Best estimate in whole hours. */
  hours: z.number().int(),
  minimumHours: z.number().int(),
  maximumHours: z.number().int(),
  /** False when the carrier gave no offset: the age is then bounded by the zones of the scan's country. */
  exact: z.boolean(),
});
export type Age = z.infer<typeof ageSchema>;

export const lastScanSchema = z.object({
  carrier: z.string(),
  time: carrierTimeSchema,
  customerTime: customerTimeSchema,
  /** The carrier's own words. */
  description: z.string(),
  location: locationSchema.nullable(),
  age: ageSchema.nullable(),
});
export type LastScan = z.infer<typeof lastScanSchema>;

export const DELAY_KINDS = ['stalled', 'never_scanned', 'late', 'carrier_exception', 'carrier_delay', 'not_received_reported'] as const;

export const delaySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stalled'),
    reason: z.literal('no_scan_while_moving'),
    parcelId: z.string(),
    /** Hours since the last scan, the lower bound when the scan time has no offset. */
    hoursWithoutScan: z.number().int(),
    thresholdHours: z.number(),
    status: shipmentStatusSchema,
  }),
  z.object({
    kind: z.literal('never_scanned'),
    reason: z.literal('label_not_picked_up'),
    parcelId: z.string(),
    labelCreatedOn: calendarDateSchema,
    businessDaysWaiting: z.number().int(),
    thresholdBusinessDays: z.number(),
  }),
  z.object({
    kind: z.literal('late'),
    reason: z.enum(['past_promised_date', 'past_carrier_estimate']),
    /** Null for an order with nothing shipped yet. */
    parcelId: z.string().nullable(),
    dueDate: calendarDateSchema,
    daysLate: z.number().int(),
  }),
  z.object({
    kind: z.literal('carrier_exception'),
    reason: substatusSchema,
    parcelId: z.string(),
    since: carrierTimeSchema.nullable(),
  }),
  z.object({
    kind: z.literal('carrier_delay'),
    reason: substatusSchema,
    parcelId: z.string(),
    since: carrierTimeSchema.nullable(),
  }),
  z.object({
    kind: z.literal('not_received_reported'),
    reason: z.literal('agent_flag'),
    parcelId: z.string(),
    deliveredAt: carrierTimeSchema.nullable(),
    hoursSinceDelivery: z.number().int().nullable(),
  }),
]);
export type Delay = z.infer<typeof delaySchema>;
export type DelayKind = Delay['kind'];

export const predictionBasisSchema = z.object({
  kind: z.literal('delivery_history'),
  level: z.enum(LANE_LEVELS),
  sampleSize: z.number().int(),
  startDate: calendarDateSchema,
  businessDaysElapsed: z.number().int(),
  transitDaysP50: z.number().int(),
  transitDaysP90: z.number().int(),
});

export const etaSchema = estimatedDeliverySchema.extend({
  /**
   * For predictions, what they rest on: past deliveries of the lane, or a parcel loaded on the van today.
   * Null for the carrier's own estimate.
   */
  basis: z.discriminatedUnion('kind', [predictionBasisSchema, z.object({ kind: z.literal('out_for_delivery_today') })]).nullable(),
});
export type Eta = z.infer<typeof etaSchema>;

export const carrierPerformanceSchema = z.object({
  carrier: z.string(),
  service: z.string().nullable(),
  level: z.enum(LANE_LEVELS),
  lane: z.object({
    originCountry: z.string().nullish(),
    originRegion: z.string().nullish(),
    destinationCountry: z.string().nullish(),
    destinationRegion: z.string().nullish(),
  }),
  sampleSize: z.number().int(),
  onTimeRate: z.number().nullable(),
  onTimeSampleSize: z.number().int(),
  transitDays: z.object({ p50: z.number().int(), p90: z.number().int() }).nullable(),
});

export const actionParametersSchema = z.object({
  carrierName: z.string().nullable(),
  carrierPhone: z.string().nullable(),
  carrierUrl: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  /** Pickup point or delivery place, in the carrier's words. */
  place: z.string().nullable(),
  /** Last day to collect. */
  deadline: calendarDateSchema.nullable(),
  /** The date the action refers to: label date, promised date, delivery date, trace-from date. */
  date: calendarDateSchema.nullable(),
  eta: etaSchema.nullable(),
});
export type ActionParameters = z.infer<typeof actionParametersSchema>;

export const nextActionSchema = z.object({
  id: nextActionIdSchema,
  actor: orderActorSchema,
  /** The parcel it is about; null for the whole order. */
  parcelId: z.string().nullable(),
  parameters: actionParametersSchema,
});
export type NextAction = z.infer<typeof nextActionSchema>;

export const parcelLegSchema = legSchema.extend({
  /** The directory's name, else the carrier's own, else the id. */
  carrierName: z.string(),
  status: shipmentStatusSchema.nullable(),
  trackingUrl: z.string().nullable(),
  /** The leg the parcel is on now. */
  current: z.boolean(),
});
export type ParcelLeg = z.infer<typeof parcelLegSchema>;

export const TRACKING_STATES = ['tracked', 'no_tracking_number', 'no_tracking_result'] as const;

export const parcelViewSchema = z.object({
  id: z.string(),
  direction: z.enum(['outbound', 'return']),
  /** The carrier of the current leg (the last-mile carrier once handed over). */
  carrier: z.string(),
  carrierName: z.string(),
  trackingNumber: z.string().nullable(),
  service: z.object({ code: z.string().nullable(), name: z.string().nullable() }).nullable(),
  items: z.array(z.object({ itemId: z.string(), name: z.string(), quantity: z.number().int() })),
  /** `no_tracking_number`: packed, no label yet; `no_tracking_result`: labelled, the carrier has nothing yet. */
  tracking: z.enum(TRACKING_STATES),
  status: shipmentStatusSchema,
  substatus: substatusSchema,
  statusSince: carrierTimeSchema.nullable(),
  contact: contactSchema.nullable(),
  trackingUrl: z.string().nullable(),
  eta: etaSchema.nullable(),
  etaSource: z.enum(['carrier', 'predicted', 'none']),
  lastScan: lastScanSchema.nullable(),
  delivered: z
    .object({
      time: carrierTimeSchema,
      customerTime: customerTimeSchema,
      signedBy: z.string().nullable(),
      /** Where it was left, in the carrier's words. */
      place: z.string().nullable(),
    })
    .nullable(),
  delays: z.array(delaySchema),
  legs: z.array(parcelLegSchema),
  performance: carrierPerformanceSchema.nullable(),
  actor: orderActorSchema,
  nextAction: nextActionSchema,
  /** The shipments wismo tracked for this parcel, by carrier and number. */
  trackedShipments: z.array(z.object({ carrier: z.string(), trackingNumber: z.string() })),
});
export type ParcelView = z.infer<typeof parcelViewSchema>;

export const timelineEntrySchema = z.object({
  kind: z.enum(['milestone', 'scan']),
  milestone: z.enum(['placed', 'confirmed', 'packed', 'cancelled']).nullable(),
  parcelId: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  status: shipmentStatusSchema.nullable(),
  substatus: substatusSchema.nullable(),
  /** The carrier's own text, unchanged. */
  description: z.string().nullable(),
  location: locationSchema.nullable(),
  rawCode: z.string().nullable(),
  unmapped: z.boolean(),
  time: carrierTimeSchema,
  customerTime: customerTimeSchema,
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const orderViewSchema = z.object({
  schemaVersion: z.literal(ORDER_VIEW_SCHEMA_VERSION),
  generatedAt: instantSchema,
  order: z.object({
    id: z.string(),
    number: z.string(),
    placedAt: instantSchema,
    salesChannel: z.string().nullable(),
    promisedDeliveryDate: calendarDateSchema.nullable(),
    itemCount: z.number().int(),
  }),
  customer: z.object({
    id: z.string(),
    name: z.string(),
    givenName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    locale: z.string(),
    /** The catalogue language the locale negotiates to (`de-AT` → `de`). */
    language: z.enum(SUPPORTED_LANGUAGES),
    timeZone: z.string(),
    countryCode: z.string().nullable(),
    accountUrl: z.string().nullable(),
  }),
  /** Today in the customer's time zone. */
  today: calendarDateSchema,
  stage: orderStageSchema,
  /** The id of the stage rule that decided (see `ORDER_STAGE_RULES`). */
  stageRule: z.string(),
  parcels: z.array(parcelViewSchema),
  unshippedItems: z.array(z.object({ itemId: z.string(), name: z.string(), quantity: z.number().int() })),
  timeline: z.array(timelineEntrySchema),
  delays: z.array(delaySchema),
  actor: orderActorSchema,
  nextAction: nextActionSchema,
  /** Tracked shipments given to `buildOrderView` that belong to none of the order's parcels. */
  unmatchedShipments: z.array(z.object({ carrier: z.string(), trackingNumber: z.string() })),
});
export type OrderView = z.infer<typeof orderViewSchema>;
