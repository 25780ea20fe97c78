import { createStatusTable, type StatusTableEntry } from '@wismo/core';

/**
 * DHL Shipment Tracking – Unified status tables, as data.
 *
 * Three layers, most specific first (see `mapDhlEvent`):
 * 1. `DHL_EXPRESS_CHECKPOINT_TABLE`: two-letter DHL Express checkpoint codes, when an express event
 *    carries one in `statusDetailed` (or as its whole `status`);
 * 2. `DHL_TEXT_RULES`: phrases DHL is known to send in `description`/`status`/`remark`, each with its
 *    source, refining a coarse code only where the words say more;
 * 3. `DHL_STATUS_CODE_TABLE`: the documented coarse `statusCode`.
 * An unknown `statusCode` is never guessed: the event becomes `unknown` + `unmapped` with the raw code.
 */

/** The documented `statusCode` values (Unified API spec enum; DHL developer FAQ 47001197243). */
export const DHL_STATUS_CODES = ['pre-transit', 'transit', 'delivered', 'failure', 'unknown'] as const;
export type DhlStatusCode = (typeof DHL_STATUS_CODES)[number];

/**
 * `statusCode` → status, following DHL's own definitions (FAQ 47001197243):
 * - pre-transit: "currently awaiting shipment, tracking will be updated when received";
 * - transit: "carrier has accepted or picked up the shipment ... on the way";
 * - delivered: "delivered successfully";
 * - failure: "could not be delivered" (no name on the doorbell, moved, address not found) *or* an
 *   unforeseen event (customs, expired at a service point, returned). Too broad for a specific
 *   substatus, so `exception` / `carrier_exception` unless a text rule says more;
 * - unknown: "a simplified status code is not available": mapped to `unknown` on purpose (documented,
 *   so not `unmapped`), which never moves the shipment's status.
 */
export const DHL_STATUS_CODE_TABLE = createStatusTable({
  'pre-transit': { status: 'info_received', substatus: 'label_created' },
  transit: { status: 'in_transit', substatus: 'in_transit' },
  delivered: { status: 'delivered', substatus: 'delivered' },
  failure: { status: 'exception', substatus: 'carrier_exception' },
  unknown: { status: 'unknown', substatus: 'unknown' },
} as const satisfies Record<DhlStatusCode, StatusTableEntry>);

/**
 * DHL Express checkpoint codes, for express events that carry one in `statusDetailed` (or as their
 * whole `status`). DHL does not document `statusDetailed` values for the Unified API, so this table
 * rests on third-party sources only (confidence L): karrio `dhl_express/units.py` (status buckets) and
 * code→text maps of public DHL Express integrations. A code is listed when two sources agree on its
 * status; the substatus is only as specific as a named, uncontradicted meaning. Codes with conflicting
 * or single-source meanings (CC, HP, BA, NH, RR, CD, RT, ...) are left out on purpose: their events keep
 * the coarse `statusCode` mapping.
 */
export const DHL_EXPRESS_CHECKPOINT_TABLE = createStatusTable({
  PU: { status: 'in_transit', substatus: 'picked_up' }, // "Shipment picked up"
  PL: { status: 'in_transit', substatus: 'in_transit' }, // "Processed" (karrio files it under picked_up: no substatus)
  AF: { status: 'in_transit', substatus: 'in_transit' }, // "Arrived at facility" in one map, "Departed facility" in another
  DF: { status: 'in_transit', substatus: 'departed_facility' }, // "Departed Facility"
  AR: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "Arrived"
  WC: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // "With delivery courier"
  OK: { status: 'delivered', substatus: 'delivered' }, // "Delivered"
  OH: { status: 'exception', substatus: 'held_by_carrier' }, // "On hold"
});

/** Where a text rule's phrase comes from; the README's source table explains each key. */
export type DhlTextSource = 'DHL-REAL' | 'DHL-DG' | 'DHL-SPEC' | 'DT' | 'DHL-EXPRESS-TEXT' | 'BLOODHOUND' | 'DHL-DE-TRACKERS';

export interface DhlTextRule {
  /** Stable name, for tests and the README. */
  id: string;
  /** Matched against the event's description, status and remark. */
  pattern: RegExp;
  /** The coarse codes the phrase may refine; any other code keeps its own mapping. */
  statusCodes: readonly DhlStatusCode[];
  /** The `service` values whose events carry the phrase; absent: every service. */
  services?: readonly string[];
  entry: StatusTableEntry;
  source: DhlTextSource;
  /** The phrase as the source shows it (tests check that the pattern matches it). */
  example: string;
}

/**
 * Phrases DHL sends, each traced to a recorded response or a public integration that saw it.
 * The first rule (in this order) that matches an event of one of its `statusCodes` (and, when set,
 * `services`) wins.
 * German texts come from the real parcel-de sample; English parcel-de texts from DHL's own FAQ
 * example and a published Unified sample; English express texts from integrations of the Unified API.
 */
export const DHL_TEXT_RULES: readonly DhlTextRule[] = [
  // customs inspection: the spec's own example remark (DHL-SPEC). Before "on hold": it names the actor.
  {
    id: 'customs-inspection-pending-held',
    pattern: /pending completion of customs inspection/i,
    statusCodes: ['failure'],
    entry: { status: 'exception', substatus: 'customs_held' },
    example: 'The shipment is pending completion of customs inspection.',
    source: 'DHL-SPEC',
  },
  {
    id: 'customs-inspection-pending-transit',
    pattern: /pending completion of customs inspection/i,
    statusCodes: ['transit'],
    entry: { status: 'in_transit', substatus: 'customs_processing' },
    example: 'The shipment is pending completion of customs inspection.',
    source: 'DHL-SPEC',
  },
  // parcel-de, German (real response, DHL-REAL)
  {
    id: 'parcel-de-de-loaded-for-delivery',
    pattern: /in das Zustellfahrzeug geladen/i,
    statusCodes: ['transit'],
    services: ['parcel-de'],
    entry: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
    example: 'Die Sendung wurde in das Zustellfahrzeug geladen. Die Zustellung erfolgt voraussichtlich heute.',
    source: 'DHL-REAL',
  },
  {
    id: 'parcel-de-de-posted-at-branch',
    pattern: /vom Absender in der Filiale eingeliefert/i,
    statusCodes: ['transit'],
    services: ['parcel-de'],
    entry: { status: 'in_transit', substatus: 'picked_up' },
    example: 'Die Sendung wurde vom Absender in der Filiale eingeliefert.',
    source: 'DHL-REAL',
  },
  {
    id: 'parcel-de-de-held-next-working-day',
    pattern: /Sendung wurde zur(?:ü|ue)ckgestellt/i,
    statusCodes: ['transit'],
    services: ['parcel-de'],
    entry: { status: 'in_transit', substatus: 'delivery_rescheduled' },
    example: 'Die Sendung wurde zurückgestellt. Die Zustellung erfolgt vrs. am nächsten Werktag.',
    source: 'DHL-REAL',
  },
  {
    id: 'parcel-de-de-arrived-recipient-region',
    pattern: /in der Region des Empf(?:ä|ae)ngers angekommen/i,
    statusCodes: ['transit'],
    services: ['parcel-de'],
    entry: { status: 'in_transit', substatus: 'arrived_at_facility' },
    example: 'Die Sendung ist in der Region des Empfängers angekommen und wird im nächsten Schritt zur Zustellbasis transportiert.',
    source: 'DHL-REAL',
  },
  // parcel-de pickup points (DHL-DE-TRACKERS): quoted the same way by several independent open-source trackers.
  {
    id: 'parcel-de-de-ready-at-packstation-or-branch',
    pattern: /liegt (?:ab sofort )?in der (?:PACKSTATION|Packstation|Filiale)\b[^.]{0,200}?(?:zur Abholung bereit|\.)/i,
    statusCodes: ['transit'],
    services: ['parcel-de'],
    entry: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
    example: 'Die Sendung liegt in der Packstation 119, Wernerwerkstr. 2b, 93049 Regensburg zur Abholung bereit.',
    source: 'DHL-DE-TRACKERS',
  },
  {
    id: 'parcel-de-en-ready-at-packstation',
    pattern: /ready for (?:pick-?up|collection) (?:at|from) (?:the )?PACKSTATION/i,
    statusCodes: ['transit'],
    services: ['parcel-de'],
    entry: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
    example: 'The shipment is ready for collection from PACKSTATION 119',
    source: 'DHL-DE-TRACKERS',
  },
  {
    id: 'parcel-de-de-collected-from-packstation',
    pattern: /Empf(?:ä|ae)nger hat die Sendung aus der PACKSTATION abgeholt/i,
    statusCodes: ['delivered'],
    services: ['parcel-de'],
    entry: { status: 'delivered', substatus: 'picked_up_by_recipient' },
    example: 'Der Empfänger hat die Sendung aus der PACKSTATION abgeholt.',
    source: 'DHL-DE-TRACKERS',
  },
  // parcel-de, English (published Unified sample, DHL-DG)
  {
    id: 'parcel-de-en-loaded-for-delivery',
    pattern: /loaded onto the delivery vehicle/i,
    statusCodes: ['transit'],
    services: ['parcel-de'],
    entry: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
    example: 'The shipment has been loaded onto the delivery vehicle',
    source: 'DHL-DG',
  },
  // express, English (Unified integrations, DT; DHL Express texts recorded elsewhere)
  {
    id: 'express-picked-up',
    pattern: /\bShipment picked up\b/i,
    statusCodes: ['transit'],
    services: ['express'],
    entry: { status: 'in_transit', substatus: 'picked_up' },
    example: 'Shipment picked up',
    source: 'DT',
  },
  {
    id: 'express-departed-facility',
    pattern: /\bDeparted Facility in\b|\bShipment has departed from a DHL facility\b/i,
    statusCodes: ['transit'],
    services: ['express'],
    entry: { status: 'in_transit', substatus: 'departed_facility' },
    example: 'Shipment has departed from a DHL facility',
    source: 'DT',
  },
  {
    id: 'express-arrived-facility',
    pattern: /\bArrived at (?:DHL )?(?:Sort|Delivery) Facility\b/i,
    statusCodes: ['transit'],
    services: ['express'],
    entry: { status: 'in_transit', substatus: 'arrived_at_facility' },
    example: 'Arrived at DHL Sort Facility',
    source: 'DT',
  },
  {
    id: 'express-with-courier',
    pattern: /\bWith delivery courier\b|\bShipment is out with courier for delivery\b/i,
    statusCodes: ['transit'],
    services: ['express'],
    entry: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
    example: 'Shipment is out with courier for delivery',
    source: 'DT',
  },
  {
    id: 'express-clearance-complete',
    pattern: /\bClearance processing complete\b/i,
    statusCodes: ['transit'],
    services: ['express'],
    entry: { status: 'in_transit', substatus: 'customs_cleared' },
    example: 'Clearance processing complete at ',
    source: 'DT',
  },
  {
    id: 'express-clearance-processing',
    pattern: /\bProcessed for clearance at\b|\bCustoms clearance status updated\b/i,
    statusCodes: ['transit'],
    services: ['express'],
    entry: { status: 'in_transit', substatus: 'customs_processing' },
    example: 'Processed for clearance at ',
    source: 'DT',
  },
  {
    id: 'express-on-hold',
    pattern: /\bShipment is on hold\b/i,
    statusCodes: ['failure'],
    services: ['express'],
    entry: { status: 'exception', substatus: 'held_by_carrier' },
    example: 'Shipment is on hold',
    source: 'DT',
  },
  {
    id: 'express-signed-for',
    pattern: /\bDelivered - Signed for by\b/i,
    statusCodes: ['delivered'],
    services: ['express'],
    entry: { status: 'delivered', substatus: 'signature_obtained' },
    example: 'Delivered - Signed for by',
    source: 'DHL-EXPRESS-TEXT',
  },
  {
    id: 'express-recipient-not-home',
    pattern: /\bDelivery attempted; recipient not home\b/i,
    statusCodes: ['transit', 'failure'],
    services: ['express'],
    entry: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
    example: 'Delivery attempted; recipient not home',
    source: 'DHL-EXPRESS-TEXT',
  },
  // ecommerce (US): the hand-over scan to USPS for the last mile (BLOODHOUND)
  {
    id: 'ecommerce-usps-sort-facility',
    pattern: /PROCESSED THROUGH USPS SORT FACILITY/i,
    statusCodes: ['transit'],
    services: ['ecommerce'],
    entry: { status: 'in_transit', substatus: 'handed_over_to_carrier' },
    example: 'PROCESSED THROUGH USPS SORT FACILITY',
    source: 'BLOODHOUND',
  },
];

/**
 * `details.provider.destinationProvider` values (Unified spec enum): DHL business units and partner posts. No
 * prototype, so a provider named `constructor` is simply unknown.
 */
export const DHL_DESTINATION_PROVIDERS: Readonly<Record<string, { carrier: string; name: string | null }>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, { carrier: string; name: string | null }>, {
    express: { carrier: 'dhl', name: 'DHL Express' },
    freight: { carrier: 'dhl', name: 'DHL Freight' },
    'freight-fr': { carrier: 'dhl', name: 'DHL Freight France' },
    'parcel-be': { carrier: 'dhl', name: 'DHL Parcel Belgium' },
    'parcel-bl': { carrier: 'dhl', name: 'DHL Parcel Benelux' },
    'parcel-cz': { carrier: 'dhl', name: 'DHL Parcel Czech Republic' },
    'parcel-de': { carrier: 'dhl', name: 'DHL Paket (Germany)' },
    'parcel-es': { carrier: 'dhl', name: 'DHL Parcel Spain' },
    'parcel-lu': { carrier: 'dhl', name: 'DHL Parcel Luxembourg' },
    'parcel-nl': { carrier: 'dhl', name: 'DHL Parcel Netherlands' },
    'parcel-pl': { carrier: 'dhl', name: 'DHL Parcel Poland' },
    'parcel-pt': { carrier: 'dhl', name: 'DHL Parcel Portugal' },
    'parcel-uk': { carrier: 'dhl', name: 'DHL Parcel UK' },
    oepag: { carrier: 'oepag', name: 'Österreichische Post' },
    bpost: { carrier: 'bpost', name: 'bpost' },
    'acs-courier': { carrier: 'acs-courier', name: 'ACS Courier' },
    'trans-o-flex': { carrier: 'trans-o-flex', name: 'trans-o-flex' },
    bring: { carrier: 'bring', name: 'Bring' },
    posti: { carrier: 'posti', name: 'Posti' },
    'relais-colis': { carrier: 'relais-colis', name: 'Relais Colis' },
    'colis-prive': { carrier: 'colis-prive', name: 'Colis Privé' },
    chronopost: { carrier: 'chronopost', name: 'Chronopost' },
    'hrvatska-posta': { carrier: 'hrvatska-posta', name: 'Hrvatska pošta' },
    'magyar-posta': { carrier: 'magyar-posta', name: 'Magyar Posta' },
    anpost: { carrier: 'anpost', name: 'An Post' },
    fastway: { carrier: 'fastway', name: 'Fastway' },
    'slovak-parcel-service': { carrier: 'slovak-parcel-service', name: 'Slovak Parcel Service' },
    'urgent-cargus': { carrier: 'urgent-cargus', name: 'Urgent Cargus' },
  }),
);
