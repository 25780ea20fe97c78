import { readFileSync } from 'node:fs';
import { SUBSTATUSES, createEvent, type StatusTable } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import {
  FEDEX_ANCILLARY_REASONS,
  FEDEX_DELAY_TYPES,
  FEDEX_DERIVED_STATUS_CODES,
  FEDEX_EVENT_TYPES,
  FEDEX_EXCEPTION_CODES,
  FEDEX_POSSESSION_CODES,
} from './fedex-status-tables';
import { mapFedexEvent, mapFedexLatestStatus } from './map-fedex-status';

/*
 * The documented code lists, kept here verbatim so the test does not depend on files outside the repository.
 * [CODES] FedEx "Tracking Status Codes" (developer.fedex.com API reference; karrio vendor/Tracking-Status-Codes.html
 * @ 0f7414f0, extracted to docs/research/carrier-codes/fedex-codes.md). The extraction writes `Ow`; FedEx's current
 * page writes `OW`. Codes are compared upper case.
 */
const MOVEMENT_CODES = [
  'AA',
  'AC',
  'AD',
  'AF',
  'AO',
  'AP',
  'AR',
  'AX',
  'CA',
  'CH',
  'DD',
  'DE',
  'DL',
  'DP',
  'DR',
  'DS',
  'DY',
  'EA',
  'ED',
  'EO',
  'EP',
  'FD',
  'HL',
  'HP',
  'IT',
  'IX',
  'LO',
  'OC',
  'OD',
  'OF',
  'OW',
  'OX',
  'PD',
  'PF',
  'PL',
  'PM',
  'PU',
  'PX',
  'RR',
  'RM',
  'RC',
  'RS',
  'RP',
  'LP',
  'RG',
  'RD',
  'SE',
  'SF',
  'SP',
  'TR',
];
const REGULATORY_CODES = ['CC', 'CD', 'CP', 'EA', 'SP'];
const POSSESSION_CODES = ['CA', 'RC', 'SH', 'CU', 'BR', 'TP', 'SP'];
/** [WEBHOOK] FedEx API reference, "Status Code and Statuses for Webhook Tracking Events". */
const WEBHOOK_CODES = [
  'OC',
  'DO',
  'LC',
  'DS',
  'PD',
  'CA',
  'PU',
  'US',
  'RD',
  'IP',
  'HP',
  'RG',
  'RP',
  'RS',
  'AR',
  'AF',
  'AC',
  'IT',
  'OX',
  'PM',
  'DP',
  'DR',
  'CP',
  'EA',
  'IN',
  'MD',
  'TR',
  'CC',
  'RC',
  'CH',
  'OD',
  'DL',
  'DD',
  'DE',
  'SE',
  'CD',
  'AE',
  'AO',
  'DY',
  'RR',
  'RM',
  'HA',
  'RT',
  'RA',
  'PR',
  'AS',
];
/** derivedStatusCode / derivedCode values seen in real responses (docs/research/carrier-samples/fedex, karrio tests). */
const DERIVED_CODES_SEEN = ['IN', 'PU', 'IT', 'OD', 'DY', 'DE', 'DL', 'RL'];
/** exceptionCode values seen in real responses and the spec example. */
const EXCEPTION_CODES_SEEN = ['08', 'A3', 'A47', 'A52', 'A25'];

const TABLES: Record<string, StatusTable> = {
  FEDEX_EVENT_TYPES,
  FEDEX_DERIVED_STATUS_CODES,
  FEDEX_EXCEPTION_CODES,
  FEDEX_ANCILLARY_REASONS,
  FEDEX_DELAY_TYPES,
};

describe('FedEx status tables', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: every substatus belongs to its status and makes a valid event`, () => {
      expect(Object.keys(table).length).toBeGreaterThan(0);
      for (const [code, entry] of Object.entries(table)) {
        if (entry.substatus) expect(SUBSTATUSES[entry.substatus].status, `${name}.${code}`).toBe(entry.status);
        expect(() => createEvent({ time: null, description: code, code, mapped: entry })).not.toThrow();
      }
    });
  }

  it('maps every code of the FedEx tracking status code list', () => {
    const missing = [...MOVEMENT_CODES, ...REGULATORY_CODES].filter((code) => !Object.hasOwn(FEDEX_EVENT_TYPES, code));
    expect(missing).toEqual([]);
  });

  it('maps every code of the FedEx webhook status list', () => {
    expect(WEBHOOK_CODES.filter((code) => !Object.hasOwn(FEDEX_EVENT_TYPES, code))).toEqual([]);
  });

  it('accounts for every possession code, without giving it a status', () => {
    expect(POSSESSION_CODES.filter((code) => !Object.hasOwn(FEDEX_POSSESSION_CODES, code))).toEqual([]);
    for (const description of Object.values(FEDEX_POSSESSION_CODES)) expect(typeof description).toBe('string');
  });

  it('maps every derived status code and exception code seen in real responses', () => {
    expect(DERIVED_CODES_SEEN.filter((code) => !Object.hasOwn(FEDEX_DERIVED_STATUS_CODES, code))).toEqual([]);
    expect(EXCEPTION_CODES_SEEN.filter((code) => !Object.hasOwn(FEDEX_EXCEPTION_CODES, code))).toEqual([]);
  });

  it('keeps every table key upper case (lookups upper-case the carrier code)', () => {
    for (const table of Object.values(TABLES)) for (const code of Object.keys(table)) expect(code).toBe(code.toUpperCase());
  });

  // The research extraction, copied into the repository (docs/research/README.md).
  const researchList = new URL('../../../docs/research/carrier-codes/fedex-codes.md', import.meta.url);
  it('agrees with the research extraction of the code list', () => {
    const codes = new Set<string>();
    for (const line of readFileSync(researchList, 'utf8').split('\n')) {
      if (!line.startsWith('|')) continue;
      for (const cell of line.split('|').map((part) => part.trim())) if (/^[A-Z][A-Za-z]$/.test(cell)) codes.add(cell.toUpperCase());
    }
    expect(codes.size).toBeGreaterThan(50);
    const unaccounted = [...codes].filter(
      (code) => !Object.hasOwn(FEDEX_EVENT_TYPES, code) && !Object.hasOwn(FEDEX_POSSESSION_CODES, code),
    );
    expect(unaccounted).toEqual([]);
  });
});

describe('mapFedexEvent precedence', () => {
  it('maps the eventType', () => {
    expect(mapFedexEvent({ eventType: 'OD', derivedStatusCode: 'IT' })).toEqual({
      status: 'out_for_delivery',
      substatus: 'out_for_delivery',
    });
    expect(mapFedexEvent({ eventType: 'ow' })).toEqual({ status: 'in_transit' });
  });

  it('lets the exception code decide for reason-driven types (DE, SE, DD, DY, PD, CD)', () => {
    expect(mapFedexEvent({ eventType: 'DE', exceptionCode: '08' })).toEqual({
      status: 'attempt_failed',
      substatus: 'attempt_failed_recipient_absent',
    });
    // A47 "FedEx redirected your package to a nearby FedEx location" follows a failed attempt and FedEx derives "Delivery
    // exception": not `rerouted` (core: "on request"), not yet held for pickup (HP says that): a carrier exception.
    expect(mapFedexEvent({ eventType: 'DE', exceptionCode: 'A47' })).toEqual({ status: 'exception', substatus: 'carrier_exception' });
    expect(mapFedexEvent({ eventType: 'DE', exceptionCode: 'A47' })?.substatus).not.toBe('rerouted');
    expect(mapFedexEvent({ eventType: 'DE', exceptionCode: '07' })).toEqual({
      status: 'attempt_failed',
      substatus: 'attempt_failed_refused',
    });
    expect(mapFedexEvent({ eventType: 'DY', exceptionCode: 'A52' })).toEqual({ status: 'in_transit', substatus: 'delayed' });
  });

  it('keeps the eventType when the exception code is unknown', () => {
    expect(mapFedexEvent({ eventType: 'DE', exceptionCode: 'Z99' })).toEqual({ status: 'exception', substatus: 'carrier_exception' });
  });

  it('lets an exception code only sharpen the substatus of other types, never move their status', () => {
    expect(mapFedexEvent({ eventType: 'AF', exceptionCode: 'A3' })).toEqual({ status: 'in_transit', substatus: 'picked_up' });
    expect(mapFedexEvent({ eventType: 'DL', exceptionCode: '08' })).toEqual({ status: 'delivered', substatus: 'delivered' });
    expect(mapFedexEvent({ eventType: 'OD', exceptionCode: 'A47' })).toEqual({ status: 'out_for_delivery', substatus: 'out_for_delivery' });
  });

  it('uses the ancillary reason only when there is no exception code', () => {
    expect(mapFedexEvent({ eventType: 'DE', ancillaryReason: '15' })).toEqual({
      status: 'attempt_failed',
      substatus: 'attempt_failed_recipient_absent',
    });
    expect(mapFedexEvent({ eventType: 'DE', exceptionCode: 'A47', ancillaryReason: '15' })).toEqual({
      status: 'exception',
      substatus: 'carrier_exception',
    });
  });

  it('sharpens a delay by delayDetail.type', () => {
    expect(mapFedexEvent({ eventType: 'DY', delayType: 'WEATHER' })).toEqual({ status: 'in_transit', substatus: 'delayed_weather' });
    expect(mapFedexEvent({ eventType: 'DD', delayType: 'OPERATIONAL' })).toEqual({
      status: 'in_transit',
      substatus: 'delayed_carrier_issue',
    });
    expect(mapFedexEvent({ eventType: 'DY', delayType: 'SOMETHING_NEW' })).toEqual({ status: 'in_transit', substatus: 'delayed' });
    // A delay type on an event that is not a delay changes nothing.
    expect(mapFedexEvent({ eventType: 'PU', delayType: 'WEATHER' })).toEqual({ status: 'in_transit', substatus: 'picked_up' });
  });

  it('falls back to the derived status code for an unknown eventType, and maps nothing when both are unknown', () => {
    expect(mapFedexEvent({ eventType: 'Q7', derivedStatusCode: 'IT' })).toEqual({ status: 'in_transit' });
    expect(mapFedexEvent({ eventType: 'Q7', derivedStatusCode: 'Q7' })).toBeUndefined();
    expect(mapFedexEvent({ eventType: null, derivedStatusCode: null, exceptionCode: '08' })).toBeUndefined();
  });

  it('maps the latest status by its code, else its derived code', () => {
    expect(mapFedexLatestStatus('FD', 'RL')).toEqual({ status: 'in_transit', substatus: 'arrived_at_facility' });
    expect(mapFedexLatestStatus('Q7', 'RL')).toEqual({ status: 'in_transit', substatus: 'delayed' });
    expect(mapFedexLatestStatus(undefined, undefined)).toBeUndefined();
  });
});

describe('prototype keys', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'maps %s in any code field to unmapped, never to a prototype property',
    (code) => {
      for (const codes of [
        { eventType: code },
        { derivedStatusCode: code },
        { eventType: code, derivedStatusCode: code, exceptionCode: code, ancillaryReason: code, delayType: code },
      ]) {
        const entry = mapFedexEvent(codes);
        expect(entry, JSON.stringify(codes)).toBeUndefined();
        const event = createEvent({ time: null, description: 'odd', code, mapped: entry });
        expect(event.unmapped).toBe(true);
        expect(event.status).toBe('unknown');
      }
      expect(mapFedexLatestStatus(code, code)).toBeUndefined();
      // Beside a known event type the odd reason is ignored: DE decides, nothing from a prototype.
      expect(mapFedexEvent({ eventType: 'DE', exceptionCode: code, delayType: code })).toEqual({
        status: 'exception',
        substatus: 'carrier_exception',
      });
    },
  );

  it('keeps every table without a prototype', () => {
    for (const table of [
      FEDEX_EVENT_TYPES,
      FEDEX_DERIVED_STATUS_CODES,
      FEDEX_EXCEPTION_CODES,
      FEDEX_ANCILLARY_REASONS,
      FEDEX_DELAY_TYPES,
      FEDEX_POSSESSION_CODES,
    ]) {
      expect(Object.getPrototypeOf(table)).toBeNull();
    }
  });
});
