import { readFileSync } from 'node:fs';
import { RateLimitedError, shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { millisecondsUntilUtcMidnight } from '@wismo/core/internal';
import {
  describeFedexErrorBody,
  fedexDailyQuota,
  fedexRequestError,
  parseFedexProofOfDeliveryResponse,
  parseFedexTime,
  parseFedexTrackResponse,
  parseFedexTrackResults,
} from './parse-fedex-response';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Json;
}

const fetchedAt = new Date('2024-09-01T18:30:00.000Z');

function shipmentOf(outcome: TrackOutcome | undefined): Shipment {
  if (!outcome?.ok) throw new Error(`expected a shipment, got ${outcome?.error?.code}`);
  return shipmentSchema.parse(outcome.shipment);
}

/** A minimal trackResult in FedEx's shape, for the rules below. */
function trackResult(uniqueId: string, scans: Array<[date: string, eventType: string]>, extra: Json = {}): Json {
  return {
    trackingNumberInfo: { trackingNumber: '111111111111', trackingNumberUniqueId: uniqueId, carrierCode: 'FDXE' },
    scanEvents: scans.map(([date, eventType]) => ({
      date,
      eventType,
      eventDescription: eventType,
      derivedStatusCode: 'IT',
      scanLocation: { city: 'MEMPHIS', countryCode: 'US' },
    })),
    ...extra,
  };
}

function body(...completes: Json[]): Json {
  return { transactionId: 't', output: { completeTrackResults: completes } };
}

describe('parseFedexTime', () => {
  it('reads an ISO time with an offset as an instant', () => {
    expect(parseFedexTime('2024-04-26T07:50:00-07:00')).toEqual({
      occurredAt: '2024-04-26T07:50:00-07:00',
      localTime: '2024-04-26T07:50:00',
      timeKind: 'instant',
    });
  });

  it('reads a time without an offset as local time, never adding Z', () => {
    expect(parseFedexTime('2024-08-15T13:05:00')).toEqual({ occurredAt: null, localTime: '2024-08-15T13:05:00', timeKind: 'local' });
  });

  it('reads midnight without an offset as a date (FedEx writes dates as T00:00:00)', () => {
    expect(parseFedexTime('2024-08-15T00:00:00')).toEqual({ occurredAt: null, localTime: '2024-08-15', timeKind: 'date' });
  });

  it('keeps a scan at midnight with an offset as an instant, but reads shipment dates at midnight as dates', () => {
    expect(parseFedexTime('2024-04-24T00:00:00-06:00')?.timeKind).toBe('instant');
    expect(parseFedexTime('2024-04-24T00:00:00-06:00', true)).toEqual({ occurredAt: null, localTime: '2024-04-24', timeKind: 'date' });
    expect(parseFedexTime('2024-04-24T16:05:00-07:00', true)?.timeKind).toBe('instant');
  });

  it('keeps a UTC time as an instant without pretending to know the local clock', () => {
    expect(parseFedexTime('2024-04-24T16:05:00Z')).toEqual({ occurredAt: '2024-04-24T16:05:00Z', localTime: null, timeKind: 'instant' });
  });

  it('returns null for nothing or nonsense', () => {
    expect(parseFedexTime(undefined)).toBeNull();
    expect(parseFedexTime('  ')).toBeNull();
    expect(parseFedexTime('yesterday')).toBeNull();
    expect(parseFedexTime('2024-13-40T10:00:00-05:00')).toBeNull();
  });
});

describe('choosing between several trackResults for one number', () => {
  const older = trackResult('A~111111111111~FX', [['2024-04-25T10:00:00-07:00', 'PU']], {
    dateAndTimes: [{ type: 'SHIP', dateTime: '2024-04-25T00:00:00-06:00' }],
  });
  const newer = trackResult('B~111111111111~FX', [['2024-04-26T09:26:00-07:00', 'DL']], {
    dateAndTimes: [{ type: 'SHIP', dateTime: '2024-04-26T00:00:00-06:00' }],
  });

  it('picks the most recent activity whatever FedEx order is, and keeps the other as an alternative', () => {
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const [result] = parseFedexTrackResults({
        httpStatus: 200,
        body: body({ trackingNumber: '111111111111', trackResults: order }),
        trackingNumbers: ['111111111111'],
        fetchedAt,
      });
      expect(result!.uniqueId).toBe('B~111111111111~FX');
      expect(shipmentOf(result!.outcome).status).toBe('delivered');
      expect(result!.alternatives.map((alternative) => alternative.uniqueId)).toEqual(['A~111111111111~FX']);
      expect(result!.alternatives[0]!.shipment.status).toBe('in_transit');
    }
  });

  it('uses the ship date when a result has no scans, and keeps FedEx order on a tie', () => {
    const shippedLater = {
      trackingNumberInfo: { trackingNumberUniqueId: 'C' },
      latestStatusDetail: { code: 'OC', derivedCode: 'IN' },
      dateAndTimes: [{ type: 'SHIP', dateTime: '2024-05-01T00:00:00-06:00' }],
    };
    const [result] = parseFedexTrackResults({
      httpStatus: 200,
      body: body({ trackingNumber: '111111111111', trackResults: [older, shippedLater] }),
      trackingNumbers: ['111111111111'],
      fetchedAt,
    });
    expect(result!.uniqueId).toBe('C');
    expect(shipmentOf(result!.outcome).status).toBe('info_received');

    const twin = { ...older, trackingNumberInfo: { trackingNumberUniqueId: 'A2' } };
    const [tie] = parseFedexTrackResults({
      httpStatus: 200,
      body: body({ trackingNumber: '111111111111', trackResults: [older, twin] }),
      trackingNumbers: ['111111111111'],
      fetchedAt,
    });
    expect(tie!.uniqueId).toBe('A~111111111111~FX');
  });

  it('prefers any result with data over one that only carries an error', () => {
    const errorOnly = {
      trackingNumberInfo: { trackingNumber: '111111111111' },
      error: { code: 'TRACKING.TRACKINGNUMBER.NOTFOUND', message: 'not found' },
    };
    const [result] = parseFedexTrackResults({
      httpStatus: 200,
      body: body({ trackingNumber: '111111111111', trackResults: [errorOnly, older] }),
      trackingNumbers: ['111111111111'],
      fetchedAt,
    });
    expect(result!.outcome.ok).toBe(true);
    expect(result!.alternatives).toEqual([]);
  });
});

describe('matching results to the requested numbers', () => {
  it('ignores spaces and case, and keeps the order of the request', () => {
    const completes = [
      { trackingNumber: '222222222222', trackResults: [trackResult('2', [['2024-01-02T10:00:00-05:00', 'PU']])] },
      { trackingNumber: 'DT106798246430', trackResults: [trackResult('1', [['2024-01-02T10:00:00-05:00', 'OD']])] },
    ];
    const outcomes = parseFedexTrackResponse({
      httpStatus: 200,
      body: body(...completes),
      trackingNumbers: ['dt 1067 9824 6430', '222222222222'],
      fetchedAt,
    });
    expect(outcomes.map((outcome) => outcome.trackingNumber)).toEqual(['dt 1067 9824 6430', '222222222222']);
    expect(shipmentOf(outcomes[0]).status).toBe('out_for_delivery');
    expect(shipmentOf(outcomes[1]).status).toBe('in_transit');
  });

  it('falls back to the position when FedEx echoes a number in another form', () => {
    const completes = [
      { trackingNumber: '9612019059802940053839', trackResults: [trackResult('x', [['2024-01-02T10:00:00-05:00', 'DL']])] },
    ];
    const [outcome] = parseFedexTrackResponse({
      httpStatus: 200,
      body: body(...completes),
      trackingNumbers: ['059802940053839'],
      fetchedAt,
    });
    expect(shipmentOf(outcome).trackingNumber).toBe('059802940053839');
  });

  it('reports a number FedEx left out as not_found when FedEx alerts say so, else bad_response', () => {
    const alerted = {
      transactionId: 't',
      output: { completeTrackResults: [], alerts: 'TRACKING.DATA.NOTFOUND -  Tracking data unavailable' },
    };
    expect(parseFedexTrackResponse({ httpStatus: 200, body: alerted, trackingNumbers: ['333333333333'] })[0]!.error?.code).toBe(
      'not_found',
    );
    expect(parseFedexTrackResponse({ httpStatus: 200, body: body(), trackingNumbers: ['333333333333'] })[0]!.error?.code).toBe(
      'bad_response',
    );
  });

  it('confines a strangely shaped result to its own number', () => {
    const completes = [
      { trackingNumber: '444444444444', trackResults: [{ scanEvents: 'not a list' }] },
      { trackingNumber: '555555555555', trackResults: [trackResult('5', [['2024-01-02T10:00:00-05:00', 'PU']])] },
    ];
    const outcomes = parseFedexTrackResponse({
      httpStatus: 200,
      body: body(...completes),
      trackingNumbers: ['444444444444', '555555555555'],
      fetchedAt,
    });
    expect(outcomes[0]!.error?.code).toBe('bad_response');
    expect(outcomes[0]!.error?.message).toContain('scanEvents');
    expect(outcomes[1]!.ok).toBe(true);
  });

  it('keeps an unknown event as unmapped with its raw codes', () => {
    const unknown = trackResult('u', [['2024-01-02T10:00:00-05:00', 'Q7']]);
    unknown.scanEvents[0].derivedStatusCode = 'Q8';
    const shipment = shipmentOf(
      parseFedexTrackResponse({
        httpStatus: 200,
        body: body({ trackingNumber: '666666666666', trackResults: [unknown] }),
        trackingNumbers: ['666666666666'],
        fetchedAt,
      })[0],
    );
    expect(shipment.events[0]).toMatchObject({
      status: 'unknown',
      substatus: 'unknown',
      unmapped: true,
      raw: { code: 'Q7', codes: { eventType: 'Q7', derivedStatusCode: 'Q8' } },
    });
    expect(shipment.status).toBe('unknown');
  });

  it('does not modify the body it reads', () => {
    const input = fixture('two-results-same-number-delay-DY-and-delivered-after-DE.json');
    const copy = structuredClone(input);
    parseFedexTrackResults({ httpStatus: 200, body: input, trackingNumbers: ['776094337676'], fetchedAt, includeRaw: true });
    expect(input).toEqual(copy);
  });
});

describe('request-level errors', () => {
  it('maps FedEx error codes and HTTP statuses to wismo errors', () => {
    const cases: Array<[number, string, string]> = [
      [400, 'TRACKING.TRACKINGNUMBER.EMPTY', 'invalid_number'],
      [400, 'TRACKING.TRACKINGNUMBER.INVALID', 'invalid_number'],
      [404, 'TRACKING.TRACKINGNUMBER.NOTFOUND', 'not_found'],
      [401, 'NOT.AUTHORIZED.ERROR', 'auth_failed'],
      [403, 'FORBIDDEN.ERROR', 'auth_failed'],
      [429, 'TOO.MANY.REQUESTS', 'rate_limited'],
      [503, 'SERVICE.UNAVAILABLE.ERROR', 'carrier_unavailable'],
      [404, 'NOT.FOUND.ERROR', 'bad_response'],
      [400, 'TRACKING.REFERENCETYPE.INVALID', 'bad_response'],
    ];
    for (const [status, code, expected] of cases) {
      const outcomes = parseFedexTrackResponse({
        httpStatus: status,
        body: { transactionId: 't', errors: [{ code, message: 'message' }] },
        trackingNumbers: ['1', '2'],
      });
      expect(
        outcomes.map((outcome) => outcome.error?.code),
        `${status} ${code}`,
      ).toEqual([expected, expected]);
      expect(outcomes[0]!.error?.carrierCodes).toEqual([code]);
      expect(outcomes[0]!.error?.httpStatus).toBe(status);
      expect(outcomes.map((outcome) => outcome.error?.trackingNumber)).toEqual(['1', '2']);
    }
  });

  it('reports bodies of the wrong shape as bad_response', () => {
    for (const value of [null, 'text', [], { unexpected: ['shape'] }, { output: { completeTrackResults: 'no' } }]) {
      expect(parseFedexTrackResponse({ httpStatus: 200, body: value, trackingNumbers: ['1'] })[0]!.error?.code).toBe('bad_response');
    }
  });

  it('turns a spent daily quota into rate_limited until 00:00 GMT', () => {
    const nowMs = Date.parse('2024-09-01T18:30:00Z');
    expect(millisecondsUntilUtcMidnight(nowMs)).toBe(5.5 * 3_600_000);
    const error = fedexRequestError(429, fixture('composed-429-daily-quota.json').errors, undefined, new Date(nowMs));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(5.5 * 3_600_000);
    expect(error.message).toContain('daily transaction quota');

    const fromTransport = new RateLimitedError(
      'FedEx is rate limiting requests (HTTP 429): Daily transaction quota exceeded. Retry after 12:00AM GMT',
      { carrierId: 'fedex', httpStatus: 429 },
    );
    expect(fedexDailyQuota.refine(fromTransport, new Date(nowMs)).retryAfterMs).toBe(5.5 * 3_600_000);
    const shortBurst = new RateLimitedError(
      'FedEx is rate limiting requests (HTTP 429): We have received too many requests in a short duration.',
      { carrierId: 'fedex', httpStatus: 429, retryAfterMs: 2_000 },
    );
    expect(fedexDailyQuota.refine(shortBurst, new Date(nowMs))).toBe(shortBurst);
  });

  it('describes FedEx error bodies for the transport', () => {
    expect(describeFedexErrorBody(JSON.stringify(fixture('error-401-NOT.AUTHORIZED.ERROR-spec-example.json')))).toEqual({
      message: 'NOT.AUTHORIZED.ERROR: Access token expired. Please modify your request and try again.',
      codes: ['NOT.AUTHORIZED.ERROR'],
    });
    // 18:30 GMT: the quota resets in 5.5 h, which the transport must wait for rather than retry.
    expect(describeFedexErrorBody('Daily transaction quota exceeded. Retry after 12:00AM GMT', new Date('2024-05-01T18:30:00Z'))).toEqual({
      message: 'Daily transaction quota exceeded. Retry after 12:00AM GMT',
      retryAfterMs: 5.5 * 3_600_000,
      retryable: false,
    });
    expect(describeFedexErrorBody('{"message":"Too Many Requests"}')).toEqual({ message: 'Too Many Requests' });
    expect(describeFedexErrorBody('<html><body>Bad gateway</body></html>')).toBeUndefined();
    expect(describeFedexErrorBody('')).toBeUndefined();
  });
});

describe('shipment details', () => {
  function single(result: Json, options = {}): Shipment {
    return shipmentOf(
      parseFedexTrackResponse({
        httpStatus: 200,
        body: body({ trackingNumber: '111111111111', trackResults: [result] }),
        trackingNumbers: ['111111111111'],
        fetchedAt,
        ...options,
      })[0],
    );
  }

  it('prefers an appointment, then the estimated window, then the estimated date, then the commitment', () => {
    const scans: Array<[string, string]> = [['2024-05-10T10:00:00-05:00', 'PU']];
    const dates = [
      { type: 'COMMITMENT', dateTime: '2024-05-16T10:30:00-05:00' },
      { type: 'ESTIMATED_DELIVERY', dateTime: '2024-05-14T00:00:00-06:00' },
    ];
    const window = { window: { begins: '2024-05-13T09:00:00-05:00', ends: '2024-05-13T12:00:00-05:00' } };
    const appointment = { type: 'APPOINTMENT_DELIVERY', dateTime: '2024-05-12T14:00:00-05:00' };
    expect(
      single(trackResult('a', scans, { dateAndTimes: [...dates, appointment], estimatedDeliveryTimeWindow: window })).estimatedDelivery,
    ).toEqual({
      from: '2024-05-12T14:00:00-05:00',
      to: '2024-05-12T14:00:00-05:00',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
    expect(single(trackResult('a', scans, { dateAndTimes: dates, estimatedDeliveryTimeWindow: window })).estimatedDelivery).toMatchObject({
      from: '2024-05-13T09:00:00-05:00',
      to: '2024-05-13T12:00:00-05:00',
      timeKind: 'instant',
    });
    expect(
      single(trackResult('a', scans, { dateAndTimes: dates, estimatedDeliveryTimeWindow: { window: {} } })).estimatedDelivery,
    ).toMatchObject({ from: '2024-05-14', to: '2024-05-14', timeKind: 'date' });
    expect(single(trackResult('a', scans, { dateAndTimes: [dates[0]] })).estimatedDelivery).toMatchObject({
      from: null,
      to: '2024-05-16T10:30:00-05:00',
      timeKind: 'instant',
    });
  });

  it('gives a window whose ends differ in precision at the coarser one', () => {
    const shipment = single(
      trackResult('a', [['2024-05-10T10:00:00-05:00', 'PU']], {
        estimatedDeliveryTimeWindow: { window: { begins: '2024-05-13T09:00:00', ends: '2024-05-13T17:00:00-05:00' } },
      }),
    );
    expect(shipment.estimatedDelivery).toMatchObject({ from: '2024-05-13T09:00:00', to: '2024-05-13T17:00:00', timeKind: 'local' });
  });

  it('keeps who signed as FedEx sent it, and where it was left only once delivered', () => {
    const deliveryDetails = { receivedByName: 'D.HERRERA', signedByName: 'DANA HERRERA', locationDescription: 'Front Door' };
    const delivered = single(
      trackResult('a', [['2024-05-10T10:00:00-05:00', 'DL']], {
        deliveryDetails,
        availableImages: [{ type: 'SIGNATURE_PROOF_OF_DELIVERY' }],
      }),
    );
    expect(delivered.signedBy).toBe('DANA HERRERA');
    expect(delivered.proofOfDelivery).toEqual({ available: true, signatureAvailable: true, url: null, deliveryLocation: 'Front Door' });
    const moving = single(trackResult('a', [['2024-05-10T10:00:00-05:00', 'PU']], { deliveryDetails }));
    // As every adapter does: the name FedEx sent is kept even before delivery (issue 12, compared with karrio).
    expect(moving.signedBy).toBe('DANA HERRERA');
    expect(moving.proofOfDelivery.deliveryLocation).toBeNull();
  });

  it('applies the latest status ancillary reason to the newest scan of that type when it has no exception code', () => {
    const result = trackResult(
      'a',
      [
        ['2024-06-04T15:22:00-07:00', 'DE'],
        ['2024-06-04T08:01:00-07:00', 'OD'],
      ],
      {
        latestStatusDetail: {
          code: 'DE',
          derivedCode: 'DE',
          ancillaryDetails: [{ reason: '15', reasonDescription: 'Customer not available or business closed' }],
        },
      },
    );
    const shipment = single(result);
    expect(shipment.status).toBe('attempt_failed');
    expect(shipment.substatus).toBe('attempt_failed_recipient_absent');
    expect(shipment.events[0]!.raw.codes).toMatchObject({ eventType: 'DE', ancillaryReason: '15' });

    // When the newest scan of that type has its own exception code, the ancillary reason is not moved to an older one.
    const older = trackResult(
      'b',
      [
        ['2024-06-05T15:22:00-07:00', 'DE'],
        ['2024-06-04T15:22:00-07:00', 'DE'],
      ],
      {
        latestStatusDetail: { code: 'DE', ancillaryDetails: [{ reason: '15' }] },
      },
    );
    older.scanEvents[0].exceptionCode = 'A47';
    const redirected = single(older);
    expect(redirected.events.map((event) => event.substatus)).toEqual(['carrier_exception', 'carrier_exception']);
    expect(redirected.events[0]!.raw.codes).toMatchObject({ exceptionCode: 'A47' });
    expect(redirected.events[1]!.raw.codes.ancillaryReason).toBeUndefined();
  });

  it('uses the latest status when FedEx sends no scans', () => {
    const shipment = single({ latestStatusDetail: { code: 'OC', derivedCode: 'IN' } });
    expect(shipment.events).toEqual([]);
    expect([shipment.status, shipment.substatus, shipment.statusSince]).toEqual(['info_received', 'label_created', null]);
  });

  it('adds a last-mile leg for partner deliveries', () => {
    const partner = {
      additionalTrackingInfo: { packageIdentifiers: [{ type: 'PARTNER_CARRIER_NUMBER', values: ['9261290100130435082151'] }] },
    };
    expect(
      single(trackResult('a', [['2024-05-10T10:00:00-05:00', 'IT']], { ...partner, serviceDetail: { type: 'SMART_POST' } })).legs,
    ).toEqual([{ carrier: 'usps', carrierName: 'USPS', trackingNumber: '9261290100130435082151', role: 'last_mile' }]);
    expect(single(trackResult('a', [['2024-05-10T10:00:00-05:00', 'AC']])).legs).toEqual([
      { carrier: 'canadapost', carrierName: 'Canada Post', trackingNumber: null, role: 'last_mile' },
    ]);
    expect(single(trackResult('a', [['2024-05-10T10:00:00-05:00', 'IT']], partner)).legs).toEqual([
      { carrier: 'unknown', carrierName: null, trackingNumber: '9261290100130435082151', role: 'last_mile' },
    ]);
    expect(single(trackResult('a', [['2024-05-10T10:00:00-05:00', 'IT']])).legs).toEqual([]);
  });

  it('keeps the raw FedEx result only when asked', () => {
    const result = trackResult('a', [['2024-05-10T10:00:00-05:00', 'IT']]);
    expect(single(result).raw).toBeUndefined();
    expect(single(result, { includeRaw: true }).raw).toEqual({ trackingNumber: '111111111111', trackResults: [result] });
  });

  it('chooses the contact by destination country', () => {
    const toUk = trackResult('a', [['2024-05-10T10:00:00+01:00', 'IT']], {
      recipientInformation: { address: { city: 'LONDON', countryCode: 'GB' } },
    });
    expect(single(toUk).contact?.phone).toBe('+44 345 607 0809');
    expect(single(trackResult('a', [['2024-05-10T10:00:00-05:00', 'IT']])).contact?.phone).toBe('+1 800 463 3339');
  });
});

describe('parseFedexProofOfDeliveryResponse', () => {
  it('reads the SPOD document of the sandbox sample', () => {
    const outcome = parseFedexProofOfDeliveryResponse(200, fixture('spod-document-response-virtual.json'), '123456789012');
    expect(outcome.ok).toBe(true);
    expect(outcome.document).toMatchObject({
      trackingNumber: '123456789012',
      documentType: 'SIGNATURE_PROOF_OF_DELIVERY',
      format: 'PDF',
      virtual: true,
      alerts: ['VIRTUAL.RESPONSE: This is a Virtual Response.'],
    });
    expect(outcome.document!.documents).toHaveLength(1);
    expect(Buffer.from(outcome.document!.documents[0]!, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('accepts the spec spelling `document`, and reports no document as not_found', () => {
    expect(
      parseFedexProofOfDeliveryResponse(200, { output: { documentFormat: 'PNG', document: ['aGVsbG8='] } }, '1').document?.format,
    ).toBe('PNG');
    const none = parseFedexProofOfDeliveryResponse(
      200,
      { output: { documents: [], alerts: [{ code: 'TRACKING.DATA.NOTFOUND', message: 'Tracking data unavailable' }] } },
      '1',
    );
    expect(none.error?.code).toBe('not_found');
    expect(none.error?.trackingNumber).toBe('1');
    expect(
      parseFedexProofOfDeliveryResponse(400, { errors: [{ code: 'TRACKING.TRACKINGNUMBER.INVALID', message: 'bad' }] }, '1').error?.code,
    ).toBe('invalid_number');
    const notYet = {
      errors: [
        {
          code: 'TRACKINGDOCUMENT.DOCUMENT.UNAVAILABLE',
          message: 'Signature Proof of Delivery is not currently available for this Tracking Number.',
        },
      ],
    };
    expect(parseFedexProofOfDeliveryResponse(400, notYet, '1').error).toMatchObject({
      code: 'not_found',
      carrierCodes: ['TRACKINGDOCUMENT.DOCUMENT.UNAVAILABLE'],
    });
    expect(parseFedexProofOfDeliveryResponse(200, { nothing: true }, '1').error?.code).toBe('bad_response');
  });
});
