import { describe, expect, it } from 'vitest';
import { dpdLoginEnvelope, dpdTrackingEnvelope, readDpdBody } from './dpd-api';

describe('readDpdBody', () => {
  it('parses a SOAP body with repeated elements as arrays, values as strings', () => {
    const body = readDpdBody({
      status: 200,
      body: '<soap:Envelope xmlns:soap="x"><soap:Body><getTrackingDataResponse><trackingresult><statusInfo><status>Courier</status><date><content>1/2/2026 9:05:00 AM</content></date></statusInfo></trackingresult></getTrackingDataResponse></soap:Body></soap:Envelope>',
    });
    expect(body).toEqual({
      Envelope: {
        Body: {
          getTrackingDataResponse: { trackingresult: { statusInfo: [{ status: 'Courier', date: { content: '1/2/2026 9:05:00 AM' } }] } },
        },
      },
    });
  });

  it('returns undefined for an empty body', () => {
    expect(readDpdBody({ status: 404, body: '  ' })).toBeUndefined();
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Maintenance</body></html>', /HTML page/],
    ['JSON', '{"unexpected":["shape"]}', /not XML/],
    ['a body cut short', '<soap:Envelope><soap:Body><getTrackingDataResponse><trackingresult>', /ends before its root element is closed/],
  ])('refuses %s as bad_response', (_what, body, message) => {
    expect(() => readDpdBody({ status: 200, body })).toThrow(message);
    try {
      readDpdBody({ status: 200, body });
    } catch (error) {
      expect((error as { code: string }).code).toBe('bad_response');
    }
  });
});

describe('SOAP envelopes', () => {
  it('escapes every value', () => {
    const envelope = dpdLoginEnvelope('user<1>', 'p&ss"word', 'en_US');
    expect(envelope).toContain('<delisId>user&lt;1&gt;</delisId>');
    expect(envelope).toContain('<password>p&amp;ss&quot;word</password>');
    expect(envelope).toContain('<ns:getAuth>');
  });

  it('puts the token into the authentication header and the number into the body', () => {
    const envelope = dpdTrackingEnvelope('delis', 'token-1', 'en_US', '05308801410058');
    expect(envelope).toMatch(
      /<soapenv:Header><ns:authentication><delisId>delis<\/delisId><authToken>token-1<\/authToken><messageLanguage>en_US<\/messageLanguage><\/ns:authentication><\/soapenv:Header>/,
    );
    expect(envelope).toContain('<ns1:getTrackingData><parcelLabelNumber>05308801410058</parcelLabelNumber></ns1:getTrackingData>');
  });
});
