import { SUBSTATUSES, lookupStatus, type StatusTableEntry } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { mapUspsEvent, parseUspsTrackResponse } from './parse-usps-response';
import {
  USPS_DELIVERED_REFINEMENTS,
  USPS_EVENT_CODES,
  USPS_EVENT_CODE_MEANINGS,
  USPS_EVENT_TYPES,
  USPS_PARTNER_LEG_CODES,
  USPS_RETURN_REASONS,
  USPS_SIGNED_DELIVERY,
  USPS_STATUS_CATEGORIES,
  USPS_TRACKING_ERROR_CODES,
} from './usps-status-tables';

/**
 * Every USPS eventCode listed in docs/research/carrier-codes/misc-codes.md, section "USPS (Tracking v3)":
 * the Pub 199 App. G-4 / Web Tools TrackV2 list, plus the codes seen in the karrio v3 sample (GX, A1, T1, TL).
 */
const RESEARCH_EVENT_CODES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '14',
  '15',
  '16',
  '17',
  '19',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '41',
  '42',
  '43',
  '44',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '71',
  '80',
  '81',
  '82',
  'MA',
  'OF',
  'PC',
  'DX',
  'TM',
  'PA',
  'EF',
  'SF',
  'GX',
  'A1',
  'T1',
  'TL',
];

/** Tracking error codes of USPS/api-examples "API Error Consolidated List.xlsx", sheet "Tracking" (misc-codes.md). */
const RESEARCH_ERROR_CODES = Array.from({ length: 13 }, (_, index) => String(150001 + index));

function expectEntryIsConsistent(where: string, entry: StatusTableEntry): void {
  expect(entry.substatus, `${where} needs an explicit substatus`).toBeDefined();
  expect(
    SUBSTATUSES[entry.substatus!].status,
    `${where}: ${entry.substatus} belongs to ${SUBSTATUSES[entry.substatus!].status}, not ${entry.status}`,
  ).toBe(entry.status);
}

describe('USPS status tables', () => {
  it('give every entry a substatus that belongs to its status', () => {
    const tables = { USPS_EVENT_CODES, USPS_EVENT_TYPES, USPS_STATUS_CATEGORIES };
    for (const [tableName, table] of Object.entries(tables)) {
      for (const [key, entry] of Object.entries(table)) expectEntryIsConsistent(`${tableName}[${key}]`, entry);
    }
    USPS_DELIVERED_REFINEMENTS.forEach((refinement, index) =>
      expectEntryIsConsistent(`USPS_DELIVERED_REFINEMENTS[${index}]`, refinement.entry),
    );
    expectEntryIsConsistent('USPS_SIGNED_DELIVERY', USPS_SIGNED_DELIVERY);
  });

  it('map every eventCode of the research code list', () => {
    const missing = RESEARCH_EVENT_CODES.filter((code) => !Object.hasOwn(USPS_EVENT_CODES, code));
    expect(missing).toEqual([]);
    expect(Object.keys(USPS_EVENT_CODES).length).toBeGreaterThanOrEqual(RESEARCH_EVENT_CODES.length);
  });

  it('name the meaning of exactly the codes it maps', () => {
    expect(Object.keys(USPS_EVENT_CODE_MEANINGS).sort()).toEqual(Object.keys(USPS_EVENT_CODES).sort());
  });

  it('map the return-to-sender codes to returning, with a reason for each', () => {
    for (const code of ['09', '21', '22', '23', '24', '25', '26', '27', '28', '29', '31']) {
      expect(lookupStatus(USPS_EVENT_CODES, code)).toEqual({ status: 'returning', substatus: 'returning_to_sender' });
      expect(USPS_RETURN_REASONS[code], `reason for ${code}`).toBeTruthy();
    }
    // 30 sits among the return codes but is a delivery attempt.
    expect(USPS_EVENT_CODES['30']).toEqual({ status: 'attempt_failed', substatus: 'attempt_failed_no_access' });
    expect(USPS_RETURN_REASONS['30']).toBeUndefined();
  });

  it('treat the shipping-partner codes as a leg handed over before USPS', () => {
    expect(USPS_PARTNER_LEG_CODES).toEqual({ '80': 'first_mile', '81': 'first_mile', '82': 'first_mile', '42': 'other' });
    expect(USPS_EVENT_CODES['80']!.status).toBe('in_transit');
  });

  it('classify every documented tracking error code', () => {
    expect(Object.keys(USPS_TRACKING_ERROR_CODES).sort()).toEqual(RESEARCH_ERROR_CODES);
    expect(USPS_TRACKING_ERROR_CODES['150002']!.outcome).toBe('not_found');
    expect(USPS_TRACKING_ERROR_CODES['150011']!.outcome).toBe('invalid_number');
  });
});

describe('mapUspsEvent', () => {
  it.each([
    ['Delivered, Parcel Locker', 'delivered_to_locker_or_parcel_shop'],
    ['Delivered, In/At Mailbox', 'delivered_to_mailbox'],
    ['Delivered, PO Box', 'delivered_to_mailbox'],
    ['Delivered, Front Door/Porch', 'delivered_to_safe_place'],
    ['Delivered, Front Desk/Reception/Mail Room', 'delivered_to_safe_place'],
    ['Delivered, Individual Picked Up at Post Office', 'picked_up_by_recipient'],
    ['Delivered, Left with Individual', 'delivered'],
    ['Delivered', 'delivered'],
  ])('refines code 01 "%s" to %s', (eventType, substatus) => {
    expect(mapUspsEvent({ eventCode: '01', eventType })).toEqual({ status: 'delivered', substatus });
  });

  it('reads "Delivered, To Original Sender" as returned', () => {
    expect(mapUspsEvent({ eventCode: '01', eventType: 'Delivered, To Original Sender' })).toEqual({
      status: 'returned',
      substatus: 'returned_to_sender',
    });
  });

  it('makes a signed delivery without a specific place signature_obtained', () => {
    expect(mapUspsEvent({ eventCode: '01', eventType: 'Delivered, Left with Individual', name: 'J SMITH' })).toEqual({
      status: 'delivered',
      substatus: 'signature_obtained',
    });
    // The place wins over the signature.
    expect(mapUspsEvent({ eventCode: '01', eventType: 'Delivered, Front Desk/Reception/Mail Room', name: 'J SMITH' })?.substatus).toBe(
      'delivered_to_safe_place',
    );
  });

  it('never maps an unknown code from its text', () => {
    expect(mapUspsEvent({ eventCode: 'Q7', eventType: 'Out for Delivery' })).toBeUndefined();
    expect(mapUspsEvent({ eventCode: '99', eventType: 'Delivered' })).toBeUndefined();
  });

  it('uses the exact eventType only when no code came', () => {
    expect(mapUspsEvent({ eventCode: null, eventType: 'Held in Customs' })).toEqual({ status: 'exception', substatus: 'customs_held' });
    expect(mapUspsEvent({ eventCode: null, eventType: '  OUT FOR DELIVERY ' })).toEqual({
      status: 'out_for_delivery',
      substatus: 'out_for_delivery',
    });
    expect(mapUspsEvent({ eventCode: null, eventType: 'Out for Delivery, Expected Delivery by 9:00pm' })).toBeUndefined();
    expect(mapUspsEvent({ eventCode: null, eventType: null })).toBeUndefined();
  });

  it('maps statusCategory case-insensitively and leaves unknown ones out', () => {
    const statusOf = (statusCategory: string | null) => {
      const [outcome] = parseUspsTrackResponse({
        httpStatus: 200,
        body: { trackingNumber: '9400100000000000000000', statusCategory, trackingEvents: [] },
        trackingNumbers: ['9400100000000000000000'],
      });
      return outcome?.ok ? { status: outcome.shipment.status, substatus: outcome.shipment.substatus } : outcome?.error.code;
    };
    expect(statusOf('Delivered')).toEqual({ status: 'delivered', substatus: 'delivered' });
    expect(statusOf('moving through network')).toEqual({ status: 'in_transit', substatus: 'in_transit' });
    // An unknown category counts as none: nothing known yet.
    expect(statusOf('Something New')).toEqual(statusOf(null));
    expect(statusOf(null)).toMatchObject({ status: 'pending' });
  });
});
