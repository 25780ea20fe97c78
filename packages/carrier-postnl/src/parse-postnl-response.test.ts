import { readFileSync } from 'node:fs';
import { shipmentSchema, type TrackOutcome } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { parsePostnlStatusResponse, postnlTime } from './parse-postnl-response';

const FETCHED_AT = new Date('2025-03-13T16:00:00.000Z');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
}

function parseOne(name: string, barcode: string, httpStatus = 200): TrackOutcome {
  const outcomes = parsePostnlStatusResponse({ httpStatus, body: fixture(name), trackingNumbers: [barcode], fetchedAt: FETCHED_AT });
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

function shipment(name: string, barcode: string) {
  const outcome = parseOne(name, barcode);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

describe('every status family', () => {
  it.each([
    ['composed-pre-alerted.json', '3SDEVC100000011', 'info_received', 'label_created'],
    ['composed-sorted-in-transit.json', '3SDEVC100000022', 'in_transit', 'arrived_at_facility'],
    ['composed-delivered-neighbour.json', '3SDEVC100000033', 'delivered', 'delivered_to_neighbour'],
    ['composed-failed-attempt.json', '3SDEVC100000044', 'attempt_failed', 'attempt_failed_recipient_absent'],
    ['composed-at-pickup-location.json', '3SDEVC100000055', 'available_for_pickup', 'arrived_at_pickup_point'],
    ['composed-customs.json', 'CD123456785NL', 'in_transit', 'customs_processing'],
    ['composed-returned-to-sender.json', '3SDEVC100000066', 'returned', 'returned_to_sender'],
    ['composed-missing.json', '3SDEVC100000077', 'exception', 'lost'],
    ['composed-delivered-01A-not-in-table.json', '3SDEVC100000088', 'delivered', 'delivered'],
  ])('%s → %s / %s', (name, barcode, status, substatus) => {
    const result = shipment(name, barcode);
    expect([result.status, result.substatus]).toEqual([status, substatus]);
    expect(result).toMatchSnapshot();
  });

  it('a delivered parcel has its local delivery time and no ETA', () => {
    const result = shipment('composed-delivered-neighbour.json', '3SDEVC100000033');
    expect(result.deliveredAt).toEqual({ occurredAt: null, localTime: '2025-03-13T15:02:44', timeKind: 'local' });
    expect(result.estimatedDelivery).toBeNull();
  });

  it('the pick-up location is named where the parcel waits', () => {
    const result = shipment('composed-at-pickup-location.json', '3SDEVC100000055');
    expect(result.proofOfDelivery.deliveryLocation).toBe('Primera Utrecht Biltstraat, Biltstraat 12, Utrecht');
    expect(result.destination?.city).toBe('Utrecht');
  });

  it('01A (not in the table) at the Status moment takes the status; the code and status code are kept', () => {
    const [delivered] = shipment('composed-delivered-01A-not-in-table.json', '3SDEVC100000088').events;
    expect(delivered).toMatchObject({
      status: 'delivered',
      unmapped: false,
      raw: { code: '01A', codes: { Code: '01A', StatusCode: '11' } },
    });
  });

  it('an unknown code elsewhere stays unmapped, never guessed', () => {
    const result = shipment('composed-unknown-code.json', '3SDEVC288882229');
    expect(result.events.find((event) => event.raw.code === 'ZZ9')).toMatchObject({ status: 'unknown', unmapped: true });
    expect(result.status).toBe('in_transit');
  });

  it('an international shipment from China: origin CN, destination NL, a customs event', () => {
    const result = shipment('composed-customs.json', 'CD123456785NL');
    expect(result.origin?.countryCode).toBe('CN');
    expect(result.events.map((event) => event.raw.code)).toEqual(['X60', 'A76', 'A75']);
  });

  it('the SDK-doc ETA form MM/DD/YYYY is read as local too', () => {
    expect(shipment('composed-eta-sdk-date-format.json', '3SDEVC100000099').estimatedDelivery).toEqual({
      from: '2025-03-13T10:00:00',
      to: '2025-03-13T12:00:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
  });
});

describe('errors', () => {
  it.each([401, 403])('HTTP %i is auth_failed whatever the body', (status) => {
    for (const body of [fixture('composed-401-missing-api-key.json'), '<html>no</html>', undefined, { fault: {} }]) {
      expect(parsePostnlStatusResponse({ httpStatus: status, body, trackingNumbers: ['3SDEVC288882229'] })[0]!.error?.code).toBe(
        'auth_failed',
      );
    }
  });

  it('a 500 fault is carrier_unavailable; an unexpected warning without a shipment is bad_response', () => {
    expect(parseOne('composed-400-validation-fault.json', '3SDEVC288882229', 500).error?.code).toBe('carrier_unavailable');
    const [other] = parsePostnlStatusResponse({
      httpStatus: 200,
      body: { CompleteStatus: {}, Warnings: [{ Message: 'Something else', Code: '7' }] },
      trackingNumbers: ['3SDEVC288882229'],
    });
    expect(other!.error).toMatchObject({ code: 'bad_response', carrierCodes: ['7'] });
  });

  it('a multi-parcel answer keeps the other barcodes as legs', () => {
    const body = fixture('status-barcode-out-for-delivery.json') as { CompleteStatus: { Shipment: Record<string, unknown> } };
    const second = { ...body.CompleteStatus.Shipment, Barcode: '3SDEVC288882230' };
    const [outcome] = parsePostnlStatusResponse({
      httpStatus: 200,
      body: { CompleteStatus: { Shipment: [body.CompleteStatus.Shipment, second] } },
      trackingNumbers: ['3SDEVC288882229'],
    });
    expect(outcome!.shipment!.legs).toEqual([
      { carrier: 'postnl', carrierName: 'PostNL', trackingNumber: '3SDEVC288882230', role: 'other' },
    ]);
  });
});

describe('PostNL times', () => {
  it('DD-MM-YYYY HH:mm:ss(.SSS) is Amsterdam wall time: local, never Z; impossible dates are null', () => {
    expect(postnlTime('08-11-2022 10:13:20')).toEqual({ occurredAt: null, localTime: '2022-11-08T10:13:20', timeKind: 'local' });
    expect(postnlTime('08-11-2022 00:10:11.081')).toEqual({ occurredAt: null, localTime: '2022-11-08T00:10:11', timeKind: 'local' });
    expect(postnlTime('31-02-2022 10:00:00')).toBeNull();
    expect(postnlTime('')).toBeNull();
  });
});
