import type { Shipment } from '@wismo/core';
import { parseOrder, type Order, type OrderInput } from '../order-schema';
import type { DelayKind, NextActionId, OrderActor, OrderStage } from '../order-view-schema';
import { at, scan, trackedShipment } from './scan';

/** A support situation: an order, what the carriers report, and what the view must say about it. */
export interface Scenario {
  name: string;
  order: Order;
  shipments: Shipment[];
  now: string;
  notReceivedReported?: string[];
  expected: {
    stage: OrderStage;
    delays: DelayKind[];
    actor: OrderActor;
    nextAction: NextActionId;
    /** ETA source of the parcel the next action is about (or of the only parcel). */
    etaSource: 'carrier' | 'predicted' | 'none';
  };
}

const TUESDAY_MORNING_BERLIN = '2026-03-31T10:00:00+02:00';

const DHL_PARCEL = { code: 'V01PAK', name: 'DHL Paket' };
const WAREHOUSE_BIELEFELD = { countryCode: 'DE', region: 'NW' };

function germanCustomer(id: string, name: string, email: string, city: string, region: string, postalCode: string) {
  return {
    customer: {
      id,
      name,
      email,
      phone: '+49 170 5550123',
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
      accountUrl: `https://shop.example.de/konto/${id}`,
    },
    shippingAddress: { city, region, postalCode, countryCode: 'DE' },
  };
}

// DHL Paket status codes as the DHL unified tracking API sends them, with DHL's German texts.
const DHL = {
  announced: (time: string) =>
    scan(
      at(time),
      'pre-transit',
      'Die Sendung wurde elektronisch angekündigt. Sobald die Sendung von uns bearbeitet wurde, erhalten Sie weitere Informationen.',
      { status: 'info_received', substatus: 'label_created' },
    ),
  pickedUp: (time: string, city: string) =>
    scan(at(time), 'transit', 'Die Sendung wurde abgeholt.', { status: 'in_transit', substatus: 'picked_up' }, { city, countryCode: 'DE' }),
  droppedOff: (time: string, city: string) =>
    scan(
      at(time),
      'transit',
      'Die Sendung wurde vom Absender in der Filiale eingeliefert.',
      { status: 'in_transit', substatus: 'picked_up' },
      { city, countryCode: 'DE' },
    ),
  originHub: (time: string, city: string) =>
    scan(
      at(time),
      'transit',
      'Die Sendung wurde im Start-Paketzentrum bearbeitet.',
      { status: 'in_transit', substatus: 'arrived_at_facility' },
      { city, countryCode: 'DE' },
    ),
  regionReached: (time: string, city: string) =>
    scan(
      at(time),
      'transit',
      'Die Sendung ist in der Region des Empfängers angekommen und wird im nächsten Schritt zur Zustellbasis transportiert.',
      { status: 'in_transit', substatus: 'arrived_at_facility' },
      { city, countryCode: 'DE' },
    ),
  destinationHub: (time: string, city: string) =>
    scan(
      at(time),
      'transit',
      'Die Sendung wurde im Ziel-Paketzentrum bearbeitet.',
      { status: 'in_transit', substatus: 'arrived_at_facility' },
      { city, countryCode: 'DE' },
    ),
  outForDelivery: (time: string, city: string) =>
    scan(
      at(time),
      'transit',
      'Die Sendung wurde in das Zustellfahrzeug geladen. Die Zustellung erfolgt voraussichtlich heute.',
      { status: 'out_for_delivery' },
      { city, countryCode: 'DE' },
    ),
  delivered: (time: string, city: string) =>
    scan(
      at(time),
      'delivered',
      'Die Sendung wurde erfolgreich zugestellt.',
      { status: 'delivered', substatus: 'delivered' },
      { city, countryCode: 'DE' },
    ),
  deliveredToNeighbour: (time: string, city: string) =>
    scan(
      at(time),
      'delivered',
      'Die Sendung wurde an den Nachbarn übergeben.',
      { status: 'delivered', substatus: 'delivered_to_neighbour' },
      { city, countryCode: 'DE' },
    ),
};

function dhlParcel(
  trackingNumber: string,
  scans: ReturnType<typeof scan>[],
  extra: Partial<Parameters<typeof trackedShipment>[0]> = {},
): Shipment {
  return trackedShipment({
    carrier: 'dhl',
    trackingNumber,
    service: DHL_PARCEL,
    origin: { city: 'Bielefeld', region: 'NW', postalCode: '33609', countryCode: 'DE', raw: null },
    scans,
    ...extra,
  });
}

function order(input: OrderInput): Order {
  return parseOrder(input);
}

/** The journey of one parcel, stage by stage (order 1003, Leipzig). */
export function journeyScenarios(): Array<{ stage: OrderStage; order: Order; shipments: Shipment[]; now: string }> {
  const base = {
    id: 'ord_1003',
    number: '1003',
    placedAt: '2026-03-23T09:12:00+01:00',
    ...germanCustomer('cus_301', 'Anna Schmidt', 'anna.schmidt@example.de', 'Leipzig', 'SN', '04109'),
    items: [{ id: 'li_1', sku: 'TR-42-BLK', name: 'Trailrunner GTX, Gr. 42', quantity: 1 }],
    salesChannel: 'web',
    promisedDeliveryDate: '2026-03-26',
  };
  const parcel = {
    id: 'ful_1003_1',
    carrier: 'dhl',
    service: DHL_PARCEL,
    items: [{ itemId: 'li_1', quantity: 1 }],
    origin: WAREHOUSE_BIELEFELD,
  };
  const tracking = '00340434161094015902';
  const scans = [
    DHL.announced('2026-03-23T16:05:00'),
    DHL.pickedUp('2026-03-23T18:45:00', 'Bielefeld'),
    DHL.originHub('2026-03-23T21:10:00', 'Herford'),
    DHL.destinationHub('2026-03-24T04:31:00', 'Radefeld'),
    DHL.outForDelivery('2026-03-24T07:58:00', 'Leipzig'),
    DHL.delivered('2026-03-24T13:21:00', 'Leipzig'),
  ];
  const confirmed = { confirmed: '2026-03-23T09:13:00+01:00' };
  const packed = { ...confirmed, packed: '2026-03-23T14:40:00+01:00' };
  return [
    { stage: 'placed', now: '2026-03-23T09:12:30+01:00', order: order({ ...base }), shipments: [] },
    { stage: 'confirmed', now: '2026-03-23T09:30:00+01:00', order: order({ ...base, milestones: confirmed }), shipments: [] },
    {
      stage: 'packed',
      now: '2026-03-23T15:00:00+01:00',
      order: order({ ...base, milestones: packed, shipments: [{ ...parcel }] }),
      shipments: [],
    },
    {
      stage: 'shipped',
      now: '2026-03-23T17:00:00+01:00',
      order: order({
        ...base,
        milestones: packed,
        shipments: [{ ...parcel, trackingNumber: tracking, shippedAt: '2026-03-23T16:02:00+01:00' }],
      }),
      shipments: [dhlParcel(tracking, scans.slice(0, 1))],
    },
    {
      stage: 'in_transit',
      now: '2026-03-24T06:00:00+01:00',
      order: order({
        ...base,
        milestones: packed,
        shipments: [{ ...parcel, trackingNumber: tracking, shippedAt: '2026-03-23T16:02:00+01:00' }],
      }),
      shipments: [dhlParcel(tracking, scans.slice(0, 4))],
    },
    {
      stage: 'out_for_delivery',
      now: '2026-03-24T10:00:00+01:00',
      order: order({
        ...base,
        milestones: packed,
        shipments: [{ ...parcel, trackingNumber: tracking, shippedAt: '2026-03-23T16:02:00+01:00' }],
      }),
      shipments: [dhlParcel(tracking, scans.slice(0, 5))],
    },
    {
      stage: 'delivered',
      now: '2026-03-24T15:00:00+01:00',
      order: order({
        ...base,
        milestones: packed,
        shipments: [{ ...parcel, trackingNumber: tracking, shippedAt: '2026-03-23T16:02:00+01:00' }],
      }),
      shipments: [dhlParcel(tracking, scans)],
    },
  ];
}

function splitOrderPartiallyDelivered(): Scenario {
  return {
    name: 'split order, one parcel delivered to a neighbour, one on its way',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1042',
      number: '1042',
      placedAt: '2026-03-27T20:41:00+01:00',
      ...germanCustomer('cus_188', 'Jonas Weber', 'Jonas.Weber@example.de', 'Hamburg', 'HH', '20259'),
      items: [
        { id: 'li_1', sku: 'TR-44-GRN', name: 'Trailrunner GTX', quantity: 1 },
        { id: 'li_2', sku: 'MS-4346', name: 'Merino-Socken', quantity: 2 },
        { id: 'li_3', sku: 'TS-L-NVY', name: 'Logo-T-Shirt', quantity: 1 },
      ],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-04-01',
      milestones: { confirmed: '2026-03-27T20:41:30+01:00', packed: '2026-03-28T09:15:00+01:00' },
      shipments: [
        {
          id: 'ful_1042_1',
          carrier: 'dhl',
          trackingNumber: '00340434161094027318',
          service: DHL_PARCEL,
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-28T10:02:00+01:00',
          origin: WAREHOUSE_BIELEFELD,
        },
        {
          id: 'ful_1042_2',
          carrier: 'dhl',
          trackingNumber: '00340434161094031193',
          service: DHL_PARCEL,
          items: [
            { itemId: 'li_2', quantity: 2 },
            { itemId: 'li_3', quantity: 1 },
          ],
          shippedAt: '2026-03-30T11:20:00+02:00',
          origin: WAREHOUSE_BIELEFELD,
        },
      ],
    }),
    shipments: [
      dhlParcel(
        '00340434161094027318',
        [
          DHL.announced('2026-03-28T09:58:00'),
          DHL.pickedUp('2026-03-28T12:40:00', 'Bielefeld'),
          DHL.originHub('2026-03-28T17:55:00', 'Herford'),
          DHL.destinationHub('2026-03-30T03:12:00', 'Hamburg'),
          DHL.outForDelivery('2026-03-30T08:03:00', 'Hamburg'),
          DHL.deliveredToNeighbour('2026-03-30T12:47:00', 'Hamburg'),
        ],
        { proofOfDelivery: { deliveryLocation: 'Nachbar, Hausnr. 14' } },
      ),
      dhlParcel(
        '00340434161094031193',
        [
          DHL.announced('2026-03-30T11:16:00'),
          DHL.pickedUp('2026-03-30T17:30:00', 'Bielefeld'),
          DHL.originHub('2026-03-30T21:48:00', 'Herford'),
          DHL.destinationHub('2026-03-31T05:12:00', 'Hamburg'),
        ],
        { estimatedDelivery: { from: '2026-04-01', to: '2026-04-01', timeKind: 'date', source: 'carrier', confidence: null } },
      ),
    ],
    expected: { stage: 'partially_delivered', delays: [], actor: 'carrier', nextAction: 'wait_for_delivery', etaSource: 'carrier' },
  };
}

export const DHL_ECOMMERCE_NUMBER = 'GM2951173225174494';
export const USPS_LAST_MILE_NUMBER = '9261290339425015400510';

function dhlEcommerceToUspsHandoff(): Scenario {
  const dhlPlace = (city: string) => ({ city, region: 'NJ', countryCode: 'US' });
  return {
    name: 'DHL eCommerce hands over to USPS for the last mile',
    now: '2026-03-31T11:00:00-04:00',
    order: order({
      id: 'ord_us_58211',
      number: 'US-58211',
      placedAt: '2026-03-26T09:40:00-04:00',
      customer: { id: 'cus_us_77', name: 'Maria Lopez', email: 'maria.lopez@example.com', locale: 'en-US', timeZone: 'America/New_York' },
      shippingAddress: { city: 'Brooklyn', region: 'NY', postalCode: '11215', countryCode: 'US' },
      items: [{ id: 'li_1', sku: 'CK-12-SS', name: 'Cast-iron skillet, 12"', quantity: 1 }],
      salesChannel: 'amazon',
      promisedDeliveryDate: '2026-04-02',
      milestones: { confirmed: '2026-03-26T09:41:00-04:00', packed: '2026-03-26T13:30:00-04:00' },
      shipments: [
        {
          id: 'ful_58211_1',
          carrier: 'dhl_ecommerce',
          trackingNumber: DHL_ECOMMERCE_NUMBER,
          service: { code: 'EXP', name: 'DHL Parcel Expedited' },
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-26T14:00:00-04:00',
          origin: { countryCode: 'US', region: 'NJ' },
        },
      ],
    }),
    shipments: [
      trackedShipment({
        carrier: 'dhl_ecommerce',
        trackingNumber: DHL_ECOMMERCE_NUMBER,
        service: { code: 'EXP', name: 'DHL Parcel Expedited' },
        origin: { city: 'Edison', region: 'NJ', postalCode: '08817', countryCode: 'US', raw: null },
        destination: { city: 'Brooklyn', region: 'NY', postalCode: '11215', countryCode: 'US', raw: null },
        legs: [{ carrier: 'usps', carrierName: 'USPS', trackingNumber: USPS_LAST_MILE_NUMBER, role: 'last_mile' }],
        scans: [
          scan(
            at('2026-03-26T14:02:00', '-04:00'),
            'DR',
            'Shipment information received',
            { status: 'info_received', substatus: 'label_created' },
            dhlPlace('Edison'),
          ),
          scan(
            at('2026-03-26T19:47:00', '-04:00'),
            'PU',
            'Picked up by DHL eCommerce',
            { status: 'in_transit', substatus: 'picked_up' },
            dhlPlace('Edison'),
          ),
          scan(
            at('2026-03-27T02:15:00', '-04:00'),
            'PR',
            'Processed at DHL eCommerce Distribution Center',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            dhlPlace('Edison'),
          ),
          scan(
            at('2026-03-27T05:40:00', '-04:00'),
            'DF',
            'Departed DHL eCommerce Distribution Center',
            { status: 'in_transit', substatus: 'departed_facility' },
            dhlPlace('Edison'),
          ),
          scan(
            at('2026-03-28T07:11:00', '-04:00'),
            'TD',
            'Tendered to Delivery Service Provider',
            { status: 'in_transit', substatus: 'handed_over_to_carrier' },
            { city: 'Brooklyn', region: 'NY', countryCode: 'US' },
          ),
        ],
      }),
      trackedShipment({
        carrier: 'usps',
        trackingNumber: USPS_LAST_MILE_NUMBER,
        service: { code: 'PM', name: 'Parcel Select' },
        scans: [
          scan(
            at('2026-03-28T07:35:00', '-04:00'),
            'AD',
            'Accepted at USPS Regional Destination Facility',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            { city: 'BROOKLYN NY DISTRIBUTION CENTER', countryCode: 'US' },
          ),
          scan(
            at('2026-03-30T05:12:00', '-04:00'),
            '07',
            'Arrived at Post Office',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            { city: 'BROOKLYN', region: 'NY', postalCode: '11215', countryCode: 'US' },
          ),
          scan(
            at('2026-03-31T07:48:00', '-04:00'),
            'OF',
            'Out for Delivery',
            { status: 'out_for_delivery' },
            { city: 'BROOKLYN', region: 'NY', postalCode: '11215', countryCode: 'US' },
          ),
        ],
      }),
    ],
    expected: { stage: 'out_for_delivery', delays: [], actor: 'carrier', nextAction: 'wait_for_delivery', etaSource: 'predicted' },
  };
}

function returnInProgress(): Scenario {
  return {
    name: 'the customer sent part of the order back; the return is on its way',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1017',
      number: '1017',
      placedAt: '2026-03-16T18:03:00+01:00',
      ...germanCustomer('cus_412', 'Sophie Wagner', 'sophie.wagner@example.de', 'Berlin', 'BE', '10437'),
      items: [
        { id: 'li_1', sku: 'RJ-M-BLU', name: 'Regenjacke', quantity: 1 },
        { id: 'li_2', sku: 'FL-S-GRY', name: 'Fleecepullover', quantity: 1 },
      ],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-03-19',
      milestones: { confirmed: '2026-03-16T18:03:20+01:00', packed: '2026-03-17T08:30:00+01:00' },
      shipments: [
        {
          id: 'ful_1017_1',
          carrier: 'dhl',
          trackingNumber: '00340434161093986421',
          service: DHL_PARCEL,
          items: [
            { itemId: 'li_1', quantity: 1 },
            { itemId: 'li_2', quantity: 1 },
          ],
          shippedAt: '2026-03-17T09:10:00+01:00',
          origin: WAREHOUSE_BIELEFELD,
        },
        {
          id: 'ret_1017_1',
          carrier: 'dhl',
          trackingNumber: '00340434161094044519',
          direction: 'return',
          service: { code: 'V07PAK', name: 'DHL Retoure' },
          items: [{ itemId: 'li_2', quantity: 1 }],
          destination: WAREHOUSE_BIELEFELD,
        },
      ],
    }),
    shipments: [
      dhlParcel('00340434161093986421', [
        DHL.announced('2026-03-17T09:05:00'),
        DHL.pickedUp('2026-03-17T17:20:00', 'Bielefeld'),
        DHL.originHub('2026-03-17T22:02:00', 'Herford'),
        DHL.destinationHub('2026-03-18T04:40:00', 'Börnicke'),
        DHL.outForDelivery('2026-03-18T08:15:00', 'Berlin'),
        DHL.delivered('2026-03-18T12:34:00', 'Berlin'),
      ]),
      trackedShipment({
        carrier: 'dhl',
        trackingNumber: '00340434161094044519',
        direction: 'return',
        service: { code: 'V07PAK', name: 'DHL Retoure' },
        scans: [
          scan(at('2026-03-27T19:12:00'), 'pre-transit', 'Die Retourenmarke wurde erstellt.', {
            status: 'info_received',
            substatus: 'label_created',
          }),
          DHL.droppedOff('2026-03-28T11:04:00', 'Berlin'),
          DHL.originHub('2026-03-28T21:40:00', 'Börnicke'),
          DHL.destinationHub('2026-03-30T23:10:00', 'Herford'),
        ],
      }),
    ],
    expected: { stage: 'return_in_progress', delays: [], actor: 'carrier', nextAction: 'wait_for_return', etaSource: 'none' },
  };
}

function stalledInTransit(): Scenario {
  return {
    name: 'stalled: no scan for four days after reaching the destination region',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1051',
      number: '1051',
      placedAt: '2026-03-25T10:22:00+01:00',
      ...germanCustomer('cus_519', 'Tom Becker', 'tom.becker@example.de', 'München', 'BY', '80331'),
      items: [{ id: 'li_1', sku: 'ZL-2P', name: 'Trekkingzelt für 2 Personen', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-03-27',
      milestones: { confirmed: '2026-03-25T10:22:40+01:00', packed: '2026-03-25T13:50:00+01:00' },
      shipments: [
        {
          id: 'ful_1051_1',
          carrier: 'dhl',
          trackingNumber: '00340434161094009871',
          service: DHL_PARCEL,
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-25T14:10:00+01:00',
          origin: WAREHOUSE_BIELEFELD,
        },
      ],
    }),
    shipments: [
      dhlParcel('00340434161094009871', [
        DHL.announced('2026-03-25T14:12:00'),
        DHL.pickedUp('2026-03-25T18:50:00', 'Bielefeld'),
        DHL.originHub('2026-03-25T22:31:00', 'Herford'),
        DHL.regionReached('2026-03-26T21:40:00', 'Aschheim'),
      ]),
    ],
    expected: {
      stage: 'in_transit',
      delays: ['stalled', 'late'],
      actor: 'carrier',
      nextAction: 'open_carrier_trace',
      etaSource: 'predicted',
    },
  };
}

function neverScanned(): Scenario {
  return {
    name: 'never scanned: label created six days ago, DHL has not picked the parcel up',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1063',
      number: '1063',
      placedAt: '2026-03-25T08:47:00+01:00',
      ...germanCustomer('cus_530', 'Lukas Hoffmann', 'lukas.hoffmann@example.de', 'Köln', 'NW', '50667'),
      items: [{ id: 'li_1', sku: 'KB-75-MX', name: 'Mechanische Tastatur', quantity: 1 }],
      salesChannel: 'web',
      milestones: { confirmed: '2026-03-25T08:47:30+01:00', packed: '2026-03-25T15:30:00+01:00' },
      shipments: [
        {
          id: 'ful_1063_1',
          carrier: 'dhl',
          trackingNumber: '00340434161094012650',
          service: DHL_PARCEL,
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-25T16:18:00+01:00',
          origin: WAREHOUSE_BIELEFELD,
        },
      ],
    }),
    shipments: [dhlParcel('00340434161094012650', [DHL.announced('2026-03-25T16:20:00')])],
    expected: {
      stage: 'shipped',
      delays: ['never_scanned'],
      actor: 'shipper',
      nextAction: 'check_handover_with_warehouse',
      etaSource: 'predicted',
    },
  };
}

function lateAgainstPromise(): Scenario {
  const ups = (city: string, region: string) => ({ city, region, countryCode: 'US' });
  return {
    name: 'late: past the promised date, UPS still moving with a new estimate',
    now: '2026-03-31T10:00:00-05:00',
    order: order({
      id: 'ord_us_58240',
      number: 'US-58240',
      placedAt: '2026-03-25T12:15:00-04:00',
      customer: { id: 'cus_us_91', name: 'James Carter', email: 'jcarter@example.com', locale: 'en-US', timeZone: 'America/Chicago' },
      shippingAddress: { city: 'Chicago', region: 'IL', postalCode: '60614', countryCode: 'US' },
      items: [{ id: 'li_1', sku: 'ESP-PRO', name: 'Espresso machine', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-03-30',
      milestones: { confirmed: '2026-03-25T12:16:00-04:00', packed: '2026-03-25T18:40:00-04:00' },
      shipments: [
        {
          id: 'ful_58240_1',
          carrier: 'ups',
          trackingNumber: '1Z999AA10123456784',
          service: { code: '03', name: 'UPS Ground' },
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-25T19:00:00-04:00',
          origin: { countryCode: 'US', region: 'NJ' },
        },
      ],
    }),
    shipments: [
      trackedShipment({
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456784',
        service: { code: '03', name: 'UPS Ground' },
        estimatedDelivery: { from: '2026-04-01', to: '2026-04-01', timeKind: 'date', source: 'carrier', confidence: null },
        // UPS sends local date and time without an offset.
        scans: [
          scan(
            at('2026-03-25T19:02:00'),
            'MP',
            'Shipper created a label, UPS has not received the package yet.',
            { status: 'info_received', substatus: 'label_created' },
            ups('Edison', 'NJ'),
          ),
          scan(at('2026-03-26T18:40:00'), 'OR', 'Pickup Scan', { status: 'in_transit', substatus: 'picked_up' }, ups('Edison', 'NJ')),
          scan(
            at('2026-03-27T02:12:00'),
            'DP',
            'Departed from Facility',
            { status: 'in_transit', substatus: 'departed_facility' },
            ups('Edison', 'NJ'),
          ),
          scan(
            at('2026-03-30T21:33:00'),
            'AR',
            'Arrived at Facility',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            ups('Chicago', 'IL'),
          ),
          scan(
            at('2026-03-31T04:02:00'),
            'OR',
            'Processing at UPS Facility',
            { status: 'in_transit', substatus: 'in_transit' },
            ups('Chicago', 'IL'),
          ),
        ],
      }),
    ],
    expected: { stage: 'in_transit', delays: ['late'], actor: 'carrier', nextAction: 'apologise_and_share_estimate', etaSource: 'carrier' },
  };
}

function carrierEstimatePassed(): Scenario {
  const ups = (city: string, region: string) => ({ city, region, countryCode: 'US' });
  return {
    name: 'carrier estimate passed: UPS expected delivery last Friday, the parcel is still moving',
    now: '2026-03-31T10:00:00-04:00',
    order: order({
      id: 'ord_us_58277',
      number: 'US-58277',
      placedAt: '2026-03-23T15:20:00-04:00',
      customer: {
        id: 'cus_us_103',
        name: 'Daniel Reyes',
        email: 'daniel.reyes@example.com',
        locale: 'en-US',
        timeZone: 'America/New_York',
      },
      shippingAddress: { city: 'Miami', region: 'FL', postalCode: '33130', countryCode: 'US' },
      items: [{ id: 'li_1', sku: 'TENT-4P', name: 'Four-person tent', quantity: 1 }],
      salesChannel: 'web',
      milestones: { confirmed: '2026-03-23T15:21:00-04:00', packed: '2026-03-24T11:05:00-04:00' },
      shipments: [
        {
          id: 'ful_58277_1',
          carrier: 'ups',
          trackingNumber: '1Z999AA10123456791',
          service: { code: '03', name: 'UPS Ground' },
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-24T12:00:00-04:00',
          origin: { countryCode: 'US', region: 'NJ' },
        },
      ],
    }),
    shipments: [
      trackedShipment({
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456791',
        service: { code: '03', name: 'UPS Ground' },
        // UPS still reports the date it gave at pickup, now four days old.
        estimatedDelivery: { from: '2026-03-27', to: '2026-03-27', timeKind: 'date', source: 'carrier', confidence: null },
        scans: [
          scan(
            at('2026-03-24T12:04:00'),
            'MP',
            'Shipper created a label, UPS has not received the package yet.',
            { status: 'info_received', substatus: 'label_created' },
            ups('Edison', 'NJ'),
          ),
          scan(at('2026-03-25T18:30:00'), 'OR', 'Pickup Scan', { status: 'in_transit', substatus: 'picked_up' }, ups('Edison', 'NJ')),
          scan(
            at('2026-03-26T01:40:00'),
            'DP',
            'Departed from Facility',
            { status: 'in_transit', substatus: 'departed_facility' },
            ups('Edison', 'NJ'),
          ),
          scan(
            at('2026-03-30T06:10:00'),
            'AR',
            'Arrived at Facility',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            ups('Jacksonville', 'FL'),
          ),
          scan(
            at('2026-03-30T23:15:00'),
            'DP',
            'Departed from Facility',
            { status: 'in_transit', substatus: 'departed_facility' },
            ups('Jacksonville', 'FL'),
          ),
        ],
      }),
    ],
    expected: {
      stage: 'in_transit',
      delays: ['late'],
      actor: 'carrier',
      nextAction: 'apologise_and_share_estimate',
      etaSource: 'predicted',
    },
  };
}

function failedAttemptNeedsRecipient(): Scenario {
  const place = (city: string) => ({ city, countryCode: 'NL' });
  return {
    name: 'failed attempt: nobody home, the customer must arrange a new delivery',
    now: '2026-03-31T09:00:00+02:00',
    order: order({
      id: 'ord_nl_3381',
      number: 'NL-3381',
      placedAt: '2026-03-27T11:02:00+01:00',
      customer: { id: 'cus_nl_12', name: 'Sanne de Vries', email: 'sanne@example.nl', locale: 'nl-NL', timeZone: 'Europe/Amsterdam' },
      shippingAddress: { city: 'Utrecht', region: 'UT', postalCode: '3511 AB', countryCode: 'NL' },
      items: [{ id: 'li_1', sku: 'LAMP-OAK', name: 'Bureaulamp eiken', quantity: 1 }],
      salesChannel: 'bol.com',
      promisedDeliveryDate: '2026-03-31',
      milestones: { confirmed: '2026-03-27T11:02:30+01:00', packed: '2026-03-27T16:00:00+01:00' },
      shipments: [
        {
          id: 'ful_nl_3381_1',
          carrier: 'postnl',
          trackingNumber: '3SDEVC6659234',
          service: { code: '3085', name: 'Standaard pakket' },
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-27T18:00:00+01:00',
          origin: { countryCode: 'NL', region: 'UT' },
        },
      ],
    }),
    shipments: [
      trackedShipment({
        carrier: 'postnl',
        trackingNumber: '3SDEVC6659234',
        service: { code: '3085', name: 'Standaard pakket' },
        scans: [
          scan(at('2026-03-27T18:20:00'), '01', 'Zending is aangemeld maar nog niet ontvangen door PostNL', {
            status: 'info_received',
            substatus: 'label_created',
          }),
          scan(
            at('2026-03-27T20:45:00'),
            '02',
            'Zending is ontvangen door PostNL',
            { status: 'in_transit', substatus: 'picked_up' },
            place('Nieuwegein'),
          ),
          scan(
            at('2026-03-28T02:10:00'),
            '05',
            'Zending is gesorteerd',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            place('Nieuwegein'),
          ),
          scan(at('2026-03-30T08:05:00'), '07', 'Zending is in distributieproces', { status: 'out_for_delivery' }, place('Utrecht')),
          scan(
            at('2026-03-30T14:37:00'),
            '08',
            'Zending niet afgeleverd: geadresseerde niet thuis',
            { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
            place('Utrecht'),
          ),
        ],
      }),
    ],
    expected: { stage: 'exception', delays: [], actor: 'recipient', nextAction: 'ask_customer_to_rearrange_delivery', etaSource: 'none' },
  };
}

function customsDocumentsNeeded(): Scenario {
  return {
    name: 'customs documents needed: DHL Express from the UK held at Leipzig customs',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1077',
      number: '1077',
      placedAt: '2026-03-25T21:14:00+01:00',
      ...germanCustomer('cus_544', 'Felix Braun', 'felix.braun@example.de', 'Berlin', 'BE', '10115'),
      items: [{ id: 'li_1', sku: 'TWEED-JKT-50', name: 'Harris-Tweed-Sakko', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-04-02',
      milestones: { confirmed: '2026-03-25T21:15:00+01:00', packed: '2026-03-26T11:00:00+00:00' },
      shipments: [
        {
          id: 'ful_1077_1',
          carrier: 'dhl_express',
          trackingNumber: '1234567890',
          service: { code: 'P', name: 'EXPRESS WORLDWIDE' },
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-26T12:00:00+00:00',
          origin: { countryCode: 'GB', region: 'ENG' },
        },
      ],
    }),
    shipments: [
      trackedShipment({
        carrier: 'dhl_express',
        trackingNumber: '1234567890',
        service: { code: 'P', name: 'EXPRESS WORLDWIDE' },
        origin: { city: 'London', region: null, postalCode: 'EC1V 9BP', countryCode: 'GB', raw: null },
        destination: { city: 'Berlin', region: null, postalCode: '10115', countryCode: 'DE', raw: null },
        scans: [
          scan(
            at('2026-03-26T16:40:00', '+00:00'),
            'PU',
            'Shipment picked up',
            { status: 'in_transit', substatus: 'picked_up' },
            { city: 'LONDON', countryCode: 'GB' },
          ),
          scan(
            at('2026-03-26T21:05:00', '+00:00'),
            'PL',
            'Processed at LONDON-HEATHROW - UK',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            { city: 'LONDON-HEATHROW', countryCode: 'GB' },
          ),
          scan(
            at('2026-03-27T01:22:00', '+00:00'),
            'DF',
            'Departed Facility in LONDON-HEATHROW - UK',
            { status: 'in_transit', substatus: 'departed_origin_country' },
            { city: 'LONDON-HEATHROW', countryCode: 'GB' },
          ),
          scan(
            at('2026-03-27T06:10:00', '+01:00'),
            'AF',
            'Arrived at Sort Facility LEIPZIG - GERMANY',
            { status: 'in_transit', substatus: 'arrived_in_destination_country' },
            { city: 'LEIPZIG', countryCode: 'DE' },
          ),
          scan(
            at('2026-03-27T07:45:00', '+01:00'),
            'CR',
            'Customs status updated',
            { status: 'in_transit', substatus: 'customs_processing' },
            { city: 'LEIPZIG', countryCode: 'DE' },
          ),
          scan(
            at('2026-03-27T11:31:00', '+01:00'),
            'OH',
            'Shipment is on hold - Commercial invoice or other customs documents are required',
            { status: 'exception', substatus: 'customs_documents_needed' },
            { city: 'LEIPZIG', countryCode: 'DE' },
          ),
        ],
      }),
    ],
    expected: {
      stage: 'exception',
      delays: ['carrier_exception'],
      actor: 'shipper',
      nextAction: 'send_customs_documents',
      etaSource: 'none',
    },
  };
}

function customsInformationFromImporter(): Scenario {
  return {
    name: 'customs needs information from the importer: UPS from the US held at Cologne customs',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1081',
      number: '1081',
      placedAt: '2026-03-24T18:02:00+01:00',
      ...germanCustomer('cus_551', 'Lena Vogt', 'lena.vogt@example.de', 'Köln', 'NW', '50667'),
      items: [{ id: 'li_1', sku: 'CAST-IRON-28', name: 'Gusseisenpfanne 28 cm', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-04-03',
      milestones: { confirmed: '2026-03-24T18:03:00+01:00', packed: '2026-03-25T10:00:00-04:00' },
      shipments: [
        {
          id: 'ful_1081_1',
          carrier: 'ups',
          trackingNumber: '1Z5R89390357567127',
          service: { code: '65', name: 'UPS Worldwide Saver' },
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-25T16:00:00-04:00',
          origin: { countryCode: 'US', region: 'NY' },
        },
      ],
    }),
    shipments: [
      trackedShipment({
        carrier: 'ups',
        trackingNumber: '1Z5R89390357567127',
        service: { code: '65', name: 'UPS Worldwide Saver' },
        origin: { city: 'New York', region: 'NY', postalCode: '10001', countryCode: 'US', raw: null },
        destination: { city: 'Köln', region: null, postalCode: '50667', countryCode: 'DE', raw: null },
        scans: [
          scan(
            at('2026-03-25T17:40:00', '-04:00'),
            'OR',
            'Origin Scan',
            { status: 'in_transit', substatus: 'picked_up' },
            { city: 'Secaucus', region: 'NJ', countryCode: 'US' },
          ),
          scan(
            at('2026-03-26T03:15:00', '-04:00'),
            'EP',
            'Export Scan',
            { status: 'in_transit', substatus: 'departed_origin_country' },
            { city: 'Philadelphia', region: 'PA', countryCode: 'US' },
          ),
          scan(
            at('2026-03-26T14:20:00', '+01:00'),
            'IP',
            'Import Scan',
            { status: 'in_transit', substatus: 'arrived_in_destination_country' },
            { city: 'Köln', countryCode: 'DE' },
          ),
          scan(
            at('2026-03-26T16:05:00', '+01:00'),
            '7U',
            'UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.',
            { status: 'exception', substatus: 'customs_recipient_information_needed' },
            { city: 'Köln', countryCode: 'DE' },
          ),
        ],
      }),
    ],
    expected: {
      stage: 'exception',
      delays: ['carrier_exception'],
      actor: 'recipient',
      nextAction: 'ask_customer_for_customs_information',
      etaSource: 'none',
    },
  };
}

export const USPS_MAILBOX_NUMBER = '9400111899223344556677';

function deliveredButNotReceived(): Scenario {
  const usps = (city: string, postalCode?: string) => ({
    city,
    region: postalCode ? 'OR' : null,
    postalCode: postalCode ?? null,
    countryCode: 'US',
  });
  return {
    name: 'delivered into the mailbox three days ago, the customer says it never arrived',
    now: '2026-03-30T10:00:00-07:00',
    notReceivedReported: [USPS_MAILBOX_NUMBER],
    order: order({
      id: 'ord_us_58302',
      number: 'US-58302',
      placedAt: '2026-03-24T08:05:00-07:00',
      customer: { id: 'cus_us_140', name: 'Emily Chen', email: 'emily.chen@example.com', locale: 'en-US', timeZone: 'America/Los_Angeles' },
      shippingAddress: { city: 'Portland', region: 'OR', postalCode: '97214', countryCode: 'US' },
      items: [{ id: 'li_1', sku: 'HP-NC-700', name: 'Noise-cancelling headphones', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-03-28',
      milestones: { confirmed: '2026-03-24T08:05:40-07:00', packed: '2026-03-24T11:50:00-07:00' },
      shipments: [
        {
          id: 'ful_58302_1',
          carrier: 'usps',
          trackingNumber: USPS_MAILBOX_NUMBER,
          service: { code: 'GA', name: 'USPS Ground Advantage' },
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-24T15:00:00-04:00',
          origin: { countryCode: 'US', region: 'NJ' },
        },
      ],
    }),
    shipments: [
      trackedShipment({
        carrier: 'usps',
        trackingNumber: USPS_MAILBOX_NUMBER,
        service: { code: 'GA', name: 'USPS Ground Advantage' },
        proofOfDelivery: { deliveryLocation: 'In/At Mailbox' },
        scans: [
          scan(
            at('2026-03-24T15:10:00', '-04:00'),
            'GX',
            'Shipping Label Created, USPS Awaiting Item',
            { status: 'info_received', substatus: 'label_created' },
            { city: 'EDISON', region: 'NJ', postalCode: '08817', countryCode: 'US' },
          ),
          scan(
            at('2026-03-24T19:22:00', '-04:00'),
            '03',
            'USPS in possession of item',
            { status: 'in_transit', substatus: 'picked_up' },
            { city: 'EDISON', region: 'NJ', postalCode: '08817', countryCode: 'US' },
          ),
          scan(
            at('2026-03-25T03:40:00', '-04:00'),
            'T1',
            'Departed USPS Regional Facility',
            { status: 'in_transit', substatus: 'departed_facility' },
            { city: 'KEARNY NJ DISTRIBUTION CENTER', countryCode: 'US' },
          ),
          scan(
            at('2026-03-26T22:05:00', '-07:00'),
            'A1',
            'Arrived at USPS Regional Facility',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            { city: 'PORTLAND OR DISTRIBUTION CENTER', countryCode: 'US' },
          ),
          scan(
            at('2026-03-27T06:50:00', '-07:00'),
            '07',
            'Arrived at Post Office',
            { status: 'in_transit', substatus: 'arrived_at_facility' },
            usps('PORTLAND', '97214'),
          ),
          scan(at('2026-03-27T08:12:00', '-07:00'), 'OF', 'Out for Delivery', { status: 'out_for_delivery' }, usps('PORTLAND', '97214')),
          scan(
            at('2026-03-27T14:31:00', '-07:00'),
            '01',
            'Delivered, In/At Mailbox',
            { status: 'delivered', substatus: 'delivered_to_mailbox' },
            usps('PORTLAND', '97214'),
          ),
        ],
      }),
    ],
    expected: {
      stage: 'delivered',
      delays: ['not_received_reported'],
      actor: 'carrier',
      nextAction: 'open_carrier_trace',
      etaSource: 'none',
    },
  };
}

function readyForPickup(): Scenario {
  return {
    name: 'waiting at a DHL Packstation: collect by the deadline',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1088',
      number: '1088',
      placedAt: '2026-03-27T13:30:00+01:00',
      ...germanCustomer('cus_610', 'Mia Schulz', 'mia.schulz@example.de', 'Dresden', 'SN', '01069'),
      items: [{ id: 'li_1', sku: 'BK-ATLAS', name: 'Fahrradrucksack 22 l', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-03-31',
      milestones: { confirmed: '2026-03-27T13:30:30+01:00', packed: '2026-03-27T14:55:00+01:00' },
      shipments: [
        {
          id: 'ful_1088_1',
          carrier: 'dhl',
          trackingNumber: '00340434161094055874',
          service: DHL_PARCEL,
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-27T15:05:00+01:00',
          origin: WAREHOUSE_BIELEFELD,
        },
      ],
    }),
    shipments: [
      dhlParcel('00340434161094055874', [
        DHL.announced('2026-03-27T15:10:00'),
        DHL.pickedUp('2026-03-27T19:02:00', 'Bielefeld'),
        DHL.originHub('2026-03-28T01:40:00', 'Herford'),
        DHL.destinationHub('2026-03-30T04:55:00', 'Ottendorf-Okrilla'),
        DHL.outForDelivery('2026-03-30T08:12:00', 'Dresden'),
        scan(
          at('2026-03-30T11:48:00'),
          'transit',
          'Die Sendung konnte nicht zugestellt werden und wurde in die Packstation eingeliefert. Sie liegt dort zur Abholung bereit.',
          { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
          {
            raw: 'Packstation 118, Wiener Str. 12, 01069 Dresden',
            city: 'Dresden',
            postalCode: '01069',
            countryCode: 'DE',
          },
        ),
      ]),
    ],
    expected: { stage: 'out_for_delivery', delays: [], actor: 'recipient', nextAction: 'ask_customer_to_collect', etaSource: 'none' },
  };
}

function lostParcel(): Scenario {
  return {
    name: 'lost: DHL reports the parcel lost, the shop reships or refunds',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1012',
      number: '1012',
      placedAt: '2026-03-12T19:40:00+01:00',
      ...germanCustomer('cus_233', 'Paul Richter', 'paul.richter@example.de', 'Stuttgart', 'BW', '70173'),
      items: [{ id: 'li_1', sku: 'CAM-35-F2', name: 'Kompaktkamera', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-03-16',
      milestones: { confirmed: '2026-03-12T19:40:30+01:00', packed: '2026-03-13T09:00:00+01:00' },
      shipments: [
        {
          id: 'ful_1012_1',
          carrier: 'dhl',
          trackingNumber: '00340434161093911385',
          service: DHL_PARCEL,
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-13T09:30:00+01:00',
          origin: WAREHOUSE_BIELEFELD,
        },
      ],
    }),
    shipments: [
      dhlParcel('00340434161093911385', [
        DHL.announced('2026-03-13T09:31:00'),
        DHL.pickedUp('2026-03-13T17:44:00', 'Bielefeld'),
        DHL.originHub('2026-03-13T22:20:00', 'Herford'),
        scan(at('2026-03-30T10:05:00'), 'failure', 'Die Sendung konnte trotz Nachforschung nicht gefunden werden und gilt als verloren.', {
          status: 'exception',
          substatus: 'lost',
        }),
      ]),
    ],
    expected: {
      stage: 'exception',
      delays: ['carrier_exception'],
      actor: 'shipper',
      nextAction: 'offer_reshipment_or_refund',
      etaSource: 'none',
    },
  };
}

function cancelledBeforeHandover(): Scenario {
  return {
    name: 'cancelled after the label was printed, before DHL picked it up',
    now: TUESDAY_MORNING_BERLIN,
    order: order({
      id: 'ord_1095',
      number: '1095',
      placedAt: '2026-03-30T08:15:00+02:00',
      ...germanCustomer('cus_701', 'Lea Neumann', 'lea.neumann@example.de', 'Freiburg im Breisgau', 'BW', '79098'),
      items: [{ id: 'li_1', sku: 'TH-1L', name: 'Thermoskanne 1 l', quantity: 1 }],
      salesChannel: 'web',
      promisedDeliveryDate: '2026-04-01',
      milestones: { confirmed: '2026-03-30T08:15:30+02:00', packed: '2026-03-30T13:00:00+02:00', cancelled: '2026-03-30T16:42:00+02:00' },
      shipments: [
        {
          id: 'ful_1095_1',
          carrier: 'dhl',
          trackingNumber: '00340434161094061120',
          service: DHL_PARCEL,
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-30T13:10:00+02:00',
          origin: WAREHOUSE_BIELEFELD,
        },
      ],
    }),
    shipments: [dhlParcel('00340434161094061120', [DHL.announced('2026-03-30T13:12:00')])],
    expected: { stage: 'cancelled', delays: [], actor: 'nobody', nextAction: 'confirm_cancellation', etaSource: 'none' },
  };
}

/** The scenario table of issue 5. */
export function supportScenarios(): Scenario[] {
  return [
    splitOrderPartiallyDelivered(),
    dhlEcommerceToUspsHandoff(),
    returnInProgress(),
    stalledInTransit(),
    neverScanned(),
    lateAgainstPromise(),
    carrierEstimatePassed(),
    failedAttemptNeedsRecipient(),
    customsDocumentsNeeded(),
    customsInformationFromImporter(),
    deliveredButNotReceived(),
    readyForPickup(),
    lostParcel(),
    cancelledBeforeHandover(),
  ];
}
