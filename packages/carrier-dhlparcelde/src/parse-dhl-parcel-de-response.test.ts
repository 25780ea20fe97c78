import { readFileSync } from 'node:fs';
import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDhlParcelDeBody } from './dhl-parcel-de-api';
import { parseDhlParcelDeResponse, parseDhlParcelDeSignatureResponse } from './parse-dhl-parcel-de-response';

const FETCHED_AT = new Date('2026-01-15T12:00:00.000Z');

function body(name: string, status = 200): unknown {
  const text = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
  return readDhlParcelDeBody({ status, headers: { 'content-type': 'application/xml' }, body: text, url: 'https://dhl.test' });
}

function parse(name: string, trackingNumbers: string[], httpStatus = 200): TrackOutcome[] {
  return parseDhlParcelDeResponse({ httpStatus, body: body(name, httpStatus), trackingNumbers, fetchedAt: FETCHED_AT });
}

function shipmentOf(outcome: TrackOutcome | undefined): Shipment {
  if (!outcome?.ok) throw new Error(`expected a shipment, got ${outcome?.error.code}: ${outcome?.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

function one(name: string, trackingNumber: string): Shipment {
  return shipmentOf(parse(name, [trackingNumber])[0]);
}

function timeline(shipment: Shipment): string[] {
  return shipment.events.map((event) => `${event.raw.code} ${event.status}/${event.substatus}`);
}

describe('the real sandbox answer (d-get-piece-detail-delivered.xml)', () => {
  const shipment = one('d-get-piece-detail-delivered.xml', '00340434161094015902');

  it('is delivered to another person present, with every event mapped, newest first', () => {
    expect(shipment.carrier).toBe('dhlparcelde');
    expect(shipment.status).toBe('delivered');
    expect(shipment.substatus).toBe('delivered');
    expect(timeline(shipment)).toEqual([
      'DLVRD/OTHER/ZU delivered/delivered',
      'SRTED/NRQRD/PO out_for_delivery/out_for_delivery',
      'ULFMV/UNLDD/EE in_transit/arrived_at_facility',
      'LDTMV/MVMTV/AA in_transit/departed_facility',
      'PCKDU/PUBCR/AE in_transit/picked_up',
      'LDTMV/MVMTV/AA in_transit/departed_facility',
      'SHRCU/PCKST/ES in_transit/picked_up',
    ]);
    expect(shipment.events.every((event) => !event.unmapped)).toBe(true);
  });

  it('keeps DHL times as German wall-clock times, never stamped Z', () => {
    expect(shipment.events[0]).toMatchObject({ occurredAt: null, localTime: '2016-03-18T10:02:00', timeKind: 'local' });
    expect(shipment.events.at(-1)).toMatchObject({ occurredAt: null, localTime: '2016-03-17T11:44:00', timeKind: 'local' });
    expect(shipment.deliveredAt).toEqual({ occurredAt: null, localTime: '2016-03-18T10:02:00', timeKind: 'local' });
    // Only fetchedAt (wismo's own clock) is a UTC instant.
    const { fetchedAt, ...carrierFields } = shipment;
    expect(fetchedAt).toBe('2026-01-15T12:00:00.000Z');
    expect(JSON.stringify(carrierFields)).not.toMatch(/Z"/);
  });

  it('reads who took it, the signature offer, the product, places and DHL words', () => {
    expect(shipment.signedBy).toBe('Kraemer');
    expect(shipment.proofOfDelivery).toEqual({
      available: true,
      signatureAvailable: true,
      url: null,
      deliveryLocation: 'different person present',
    });
    expect(shipment.service).toEqual({ code: '00', name: 'DHL PAKET (parcel)' });
    expect(shipment.destination).toMatchObject({ city: 'Bonn', postalCode: '53113', countryCode: 'DE' });
    expect(shipment.events[0]!.location).toMatchObject({ city: 'Bonn', countryCode: 'DE' });
    expect(shipment.events[0]!.description).toBe('The shipment has been successfully delivered');
    expect(shipment.events[0]!.raw.codes).toEqual({ ice: 'DLVRD', ric: 'OTHER', 'standard-event-code': 'ZU' });
    expect(shipment.trackingUrl).toBe('https://www.dhl.de/de/privatkunden.html?piececode=00340434161094015902');
    expect(shipment.contact?.phone).toBe('+49 228 4333112');
    expect(shipment.direction).toBe('outbound');
  });

  it('answers the number in its 18-digit form too (piece-identifier)', () => {
    expect(one('d-get-piece-detail-delivered.xml', '340434161094015902').status).toBe('delivered');
  });

  it('matches the snapshot', () => {
    expect(shipment).toMatchSnapshot();
  });
});

describe('the real not-found answer (error-response.xml, code 100)', () => {
  it('is not_found for every number of the request', () => {
    const outcomes = parse('error-response.xml', ['00340434161094015902', '00340434161094022115']);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.error?.code, outcome.error?.carrierCodes])).toEqual([
      ['00340434161094015902', 'not_found', ['100']],
      ['00340434161094022115', 'not_found', ['100']],
    ]);
    expect(outcomes[0]!.error?.message).toContain('No data found');
  });
});

describe('composed answers, one per status family', () => {
  it('pre-transit: electronic advice only', () => {
    const shipment = one('composed-pre-transit-electronic-advice.xml', '00340434161094022115');
    expect([shipment.status, shipment.substatus]).toEqual(['info_received', 'label_created']);
    expect(shipment).toMatchSnapshot();
  });

  it('in transit, with the announced delivery window as a local ETA', () => {
    const shipment = one('composed-in-transit-delivery-timeframe.xml', '00340434161094027318');
    expect([shipment.status, shipment.substatus]).toEqual(['in_transit', 'arrived_at_facility']);
    expect(shipment.estimatedDelivery).toEqual({
      from: '2016-03-18T10:00:00',
      to: '2016-03-18T13:00:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment).toMatchSnapshot();
  });

  it('out for delivery', () => {
    const shipment = one('composed-out-for-delivery.xml', '00340434161094032954');
    expect([shipment.status, shipment.substatus]).toEqual(['out_for_delivery', 'out_for_delivery']);
    expect(shipment.signedBy).toBeNull();
    expect(shipment.proofOfDelivery.available).toBe(false);
  });

  it('failed attempt: recipient not at home (NTDEL/NHOME/ZN)', () => {
    const shipment = one('composed-failed-attempt-not-home.xml', '00340434161094038253');
    expect([shipment.status, shipment.substatus]).toEqual(['attempt_failed', 'attempt_failed_recipient_absent']);
    expect(shipment).toMatchSnapshot();
  });

  it('ready for pickup at a Packstation, the Packstation kept as the location', () => {
    const shipment = one('composed-ready-for-pickup-packstation.xml', '00340434161094042557');
    expect([shipment.status, shipment.substatus]).toEqual(['available_for_pickup', 'arrived_at_pickup_point']);
    expect(shipment.events[0]!.location).toMatchObject({ city: 'Packstation 105 Bonn', countryCode: 'DE' });
    // An empty preferred day is no ETA.
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment).toMatchSnapshot();
  });

  it('exception: damaged in processing', () => {
    const shipment = one('composed-exception-damaged.xml', '00340434161094027318');
    expect([shipment.status, shipment.substatus]).toEqual(['exception', 'damaged']);
  });

  it('returned: back at the sender, the way back marked by ruecksendung', () => {
    const shipment = one('composed-returned-to-sender.xml', '00340434161094038253');
    expect([shipment.status, shipment.substatus]).toEqual(['returned', 'returned_to_sender']);
    expect(shipment.direction).toBe('return');
    expect(timeline(shipment).slice(0, 3)).toEqual([
      'DLVRD/ACCPT/ZU returned/returned_to_sender',
      'LDTMV/MVMTV/AA returning/returning_to_sender',
      'RETRN/NHOME/ZN returning/return_requested',
    ]);
    expect(shipment.deliveredAt).toEqual({ occurredAt: null, localTime: '2016-03-22T10:05:00', timeKind: 'local' });
    expect(shipment).toMatchSnapshot();
  });

  it('several pieces in one answer: each number gets its piece, a missing one is not_found', () => {
    const outcomes = parse('composed-two-pieces-one-unknown.xml', ['00340434161094042557', '00340434161094099999', '00340434161094032954']);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok ? outcome.shipment.status : outcome.error.code])).toEqual([
      ['00340434161094042557', 'available_for_pickup'],
      ['00340434161094099999', 'not_found'],
      ['00340434161094032954', 'out_for_delivery'],
    ]);
  });

  it('an unknown code is kept as an unmapped event with its raw codes', () => {
    const shipment = one('composed-unknown-code.xml', '00340434161094015902');
    const unknown = shipment.events.find((event) => event.unmapped);
    expect(unknown).toMatchObject({
      status: 'unknown',
      substatus: 'unknown',
      raw: { code: 'ZZZZZ/ZZZZZ/QQ' },
      description: 'A new kind of event',
    });
    // The unmapped event does not move the shipment.
    expect(shipment.status).toBe('in_transit');
  });

  it('a piece without an event list still reports its latest state as an event', () => {
    const shipment = one('composed-status-only.xml', '00340434161094022115');
    expect(timeline(shipment)).toEqual(['ULFMV/UNLDD/EE in_transit/arrived_at_facility']);
    expect(shipment.events[0]!.localTime).toBe('2016-03-18T03:32:00');
  });
});

describe('result codes and HTTP errors', () => {
  it.each([
    ['composed-error-login-failed.xml', 'auth_failed', false],
    ['composed-error-technical.xml', 'carrier_unavailable', true],
    ['composed-error-checksum-invalid.xml', 'invalid_number', false],
  ])('%s → %s for every number', (name, code, retryable) => {
    const outcomes = parse(name, ['00340434161094015902', '00340434161094022115']);
    expect(outcomes.map((outcome) => [outcome.error?.code, outcome.error?.retryable])).toEqual([
      [code, retryable],
      [code, retryable],
    ]);
  });

  it('401 and 403 are auth_failed whatever the body', () => {
    for (const httpStatus of [401, 403]) {
      for (const anyBody of [undefined, { data: { code: '0' } }, '<html>401</html>', { error: 'invalid_client' }]) {
        const outcomes = parseDhlParcelDeResponse({ httpStatus, body: anyBody, trackingNumbers: ['A1', 'B2'] });
        expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(['auth_failed', 'auth_failed']);
      }
    }
  });

  it('a body of another shape is bad_response, never a crash', () => {
    for (const anyBody of [{ unexpected: ['shape'] }, 'text', 42, null, { data: { code: 7 } }]) {
      const outcomes = parseDhlParcelDeResponse({ httpStatus: 200, body: anyBody, trackingNumbers: ['00340434161094015902'] });
      expect(outcomes[0]!.error?.code).toBe('bad_response');
    }
  });

  it('readDhlParcelDeBody: HTML and broken XML on a 2xx are bad_response; a JSON gateway error is left to the status', () => {
    const read = (status: number, text: string) => () => readDhlParcelDeBody({ status, headers: {}, body: text, url: 'https://dhl.test' });
    expect(read(200, '<!DOCTYPE html><html><body>Maintenance</body></html>')).toThrow(/HTML page/);
    expect(read(200, '<data name="piece-shipment-list" code="0"><data name="piece-shipment"')).toThrow(
      /ends before its root element is closed/,
    );
    expect(read(200, '{"status":200}')).toThrow(/a body that is not XML/);
    expect(read(400, '{"title":"Bad Request"}')()).toBeUndefined();
    const outcomes = parseDhlParcelDeResponse({ httpStatus: 400, body: undefined, trackingNumbers: ['00340434161094015902'] });
    expect(outcomes[0]!.error).toMatchObject({ code: 'bad_response', httpStatus: 400 });
  });

  it('readDhlParcelDeBody: XML the validator passes but the parser refuses (two DOCTYPEs) is bad_response, not a plain Error', () => {
    // Found by test/fuzz/carrier-parsers.fuzz.test.ts: fast-xml-parser's XMLValidator accepts it, XMLParser throws.
    const text =
      '<?xml version="1.0"?><!DOCTYPE data [<!ENTITY a "x">]><!DOCTYPE data [<!ENTITY b "y">]><data name="piece-shipment-list" code="0">&a;</data>';
    const read = (status: number) => () => readDhlParcelDeBody({ status, headers: {}, body: text, url: 'https://dhl.test' });
    expect(read(200)).toThrow(expect.objectContaining({ code: 'bad_response', httpStatus: 200, carrierId: 'dhlparcelde' }));
    expect(read(503)()).toBeUndefined();
  });
});

describe('d-get-signature', () => {
  it('decodes the hex image', () => {
    const result = parseDhlParcelDeSignatureResponse(200, body('composed-signature.xml'), '00340434161094015902');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.signature.mimeType).toBe('image/gif');
    expect(Buffer.from(result.signature.image).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(result.signature.deliveredOn).toEqual({ occurredAt: null, localTime: '2016-03-18', timeKind: 'date' });
  });

  it('code 63 is carrier_unavailable, a 401 auth_failed, code 100 not_found', () => {
    const unavailable = parseDhlParcelDeSignatureResponse(200, body('composed-signature-unavailable.xml'), 'X');
    expect(unavailable.ok ? null : unavailable.error.code).toBe('carrier_unavailable');
    const denied = parseDhlParcelDeSignatureResponse(401, undefined, 'X');
    expect(denied.ok ? null : denied.error.code).toBe('auth_failed');
    const missing = parseDhlParcelDeSignatureResponse(200, body('error-response.xml'), 'X');
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});

describe('hostile answers (property)', () => {
  const base = body('d-get-piece-detail-delivered.xml') as {
    data: { data: Array<Record<string, unknown> & { data: Array<{ data: Array<Record<string, unknown>> }> }> };
  };
  const attributeNames = ['event-timestamp', 'ice', 'ric', 'standard-event-code', 'event-status', 'event-country', 'ruecksendung'];
  const pieceNames = [
    'status-timestamp',
    'delivery-event-flag',
    'dest-country',
    'delivery-date',
    'delivery-timeframe-from',
    'delivery-timeframe-to',
    'piece-code',
    'recipient-name',
  ];
  const value = fc.oneof(
    fc.string(),
    fc.constantFrom('', '31.02.2016 10:00', '18.03.2016 25:61', '00.00.0000 00:00', 'constructor', '__proto__', 'DLVRD', 'ZU', 'true', '1'),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
  );

  it('never throws: one outcome per number, each a valid shipment or a typed error, times never stamped Z', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(6), fc.constantFrom(...attributeNames), value), { maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom(...pieceNames), value), { maxLength: 4 }),
        (eventEdits, pieceEdits) => {
          const mutated = structuredClone(base);
          const piece = mutated.data.data[0]!;
          const events = piece.data[0]!.data;
          for (const [index, name, replacement] of eventEdits) events[index % events.length]![name] = replacement;
          for (const [name, replacement] of pieceEdits) piece[name] = replacement;
          const outcomes = parseDhlParcelDeResponse({
            httpStatus: 200,
            body: mutated,
            trackingNumbers: ['00340434161094015902'],
            fetchedAt: FETCHED_AT,
          });
          expect(outcomes).toHaveLength(1);
          const [outcome] = outcomes;
          if (!outcome!.ok) {
            expect(['not_found', 'bad_response']).toContain(outcome!.error.code);
            return;
          }
          const shipment = shipmentSchema.parse(outcome!.shipment);
          for (const event of shipment.events) {
            expect(event.occurredAt).toBeNull();
            if (event.unmapped) expect(event.status).toBe('unknown');
          }
        },
      ),
      { numRuns: 300, seed: 20_261_204 },
    );
  });
});
