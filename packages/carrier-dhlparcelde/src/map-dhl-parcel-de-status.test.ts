import { SUBSTATUSES, type Substatus } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import {
  DHL_PARCEL_DE_COMBINATIONS,
  DHL_PARCEL_DE_EVENTS,
  DHL_PARCEL_DE_REASON_CODES,
  DHL_PARCEL_DE_STANDARD_EVENT_CODES,
} from './dhl-parcel-de-status-tables';
import { mapDhlParcelDeStatus } from './parse-dhl-parcel-de-response';

describe('the tables cover DHL July 2024 code list', () => {
  it('has all 16 standard event codes, 105 ICE/group pairs, 136 RIC codes', () => {
    expect(Object.keys(DHL_PARCEL_DE_STANDARD_EVENT_CODES)).toHaveLength(16);
    expect(Object.keys(DHL_PARCEL_DE_EVENTS)).toHaveLength(105);
    expect(Object.keys(DHL_PARCEL_DE_REASON_CODES)).toHaveLength(136);
    // 52 distinct ICE codes appear in the pairs.
    expect(new Set(Object.keys(DHL_PARCEL_DE_EVENTS).map((key) => key.split('/')[0]))).toHaveProperty('size', 52);
  });

  it('pairs and combinations only use known standard event codes and RICs', () => {
    for (const key of Object.keys(DHL_PARCEL_DE_EVENTS))
      expect(Object.hasOwn(DHL_PARCEL_DE_STANDARD_EVENT_CODES, key.split('/')[1]!), key).toBe(true);
    for (const key of Object.keys(DHL_PARCEL_DE_COMBINATIONS)) {
      const [ice, ric, group] = key.split('/');
      expect(Object.hasOwn(DHL_PARCEL_DE_EVENTS, `${ice}/${group}`), key).toBe(true);
      expect(Object.hasOwn(DHL_PARCEL_DE_REASON_CODES, ric!), key).toBe(true);
    }
  });

  it('every RIC refinement names a substatus of the status it is filed under', () => {
    for (const [ric, refinements] of Object.entries(DHL_PARCEL_DE_REASON_CODES)) {
      for (const [status, substatus] of Object.entries(refinements as Record<string, Substatus>))
        expect(SUBSTATUSES[substatus].status, ric).toBe(status);
    }
  });
});

describe('mapDhlParcelDeStatus', () => {
  it.each([
    [{ ice: 'DLVRD', ric: 'NGHBR', standardEventCode: 'ZU' }, 'delivered', 'delivered_to_neighbour', 'event'],
    [{ ice: 'DLVRD', ric: 'SERPT', standardEventCode: 'ZU' }, 'delivered', 'delivered_to_locker_or_parcel_shop', 'event'],
    [{ ice: 'DLVRD', ric: 'ACCPK', standardEventCode: 'ZU' }, 'delivered', 'picked_up_by_recipient', 'event'],
    [{ ice: 'DLVRD', ric: 'PKBOX', standardEventCode: 'ZU' }, 'delivered', 'delivered_to_mailbox', 'event'],
    [{ ice: 'CNRFC', ric: 'PCKST', standardEventCode: 'ZF' }, 'available_for_pickup', 'arrived_at_pickup_point', 'event'],
    [{ ice: 'HLDCC', ric: 'HDFCT', standardEventCode: 'LA' }, 'available_for_pickup', 'held_at_carrier_facility', 'event'],
    [{ ice: 'NTDEL', ric: 'NHOME', standardEventCode: 'ZN' }, 'attempt_failed', 'attempt_failed_recipient_absent', 'event'],
    [{ ice: 'NTDEL', ric: 'BDADD', standardEventCode: 'ZN' }, 'attempt_failed', 'attempt_failed_address_issue', 'event'],
    [{ ice: 'ALERT', ric: 'BDADD', standardEventCode: 'BV' }, 'exception', 'address_problem', 'event'],
    [{ ice: 'DLVRF', ric: 'OTHER', standardEventCode: 'ZN' }, 'attempt_failed', 'attempt_failed_refused', 'event'],
    [{ ice: 'LDTMV', ric: 'MVMTV', standardEventCode: 'PO' }, 'out_for_delivery', 'out_for_delivery', 'event'],
    [{ ice: 'LDTMV', ric: 'MVMTV', standardEventCode: 'AA' }, 'in_transit', 'departed_facility', 'event'],
    [{ ice: 'ULFMV', ric: 'UNLDD', standardEventCode: 'PO' }, 'in_transit', 'arrived_at_facility', 'event'],
    [{ ice: 'RETRN', ric: 'NHOME', standardEventCode: 'ZN' }, 'returning', 'return_requested', 'event'],
    [{ ice: 'OFWRD', ric: 'RTSCR', standardEventCode: 'PO' }, 'returning', 'returning_to_sender', 'combination'],
    [{ ice: 'OFWRD', ric: 'RDRCR', standardEventCode: 'PO' }, 'in_transit', 'rerouted', 'event'],
    [{ ice: 'PARCV', ric: 'NRQRD', standardEventCode: 'VA' }, 'info_received', 'label_created', 'event'],
    [{ ice: 'ADVIS', ric: 'DLVTM', standardEventCode: 'DD' }, 'unknown', 'unknown', 'event'],
    // A new ICE still lands in its group; the RIC refines it.
    [{ ice: 'NEWXX', ric: 'NHOME', standardEventCode: 'ZN' }, 'attempt_failed', 'attempt_failed_recipient_absent', 'standard-event-code'],
    [{ ice: ' dlvrd ', ric: 'accpt', standardEventCode: 'zu' }, 'delivered', 'delivered', 'event'],
  ])('%j → %s / %s (%s)', (codes, status, substatus, source) => {
    const mapping = mapDhlParcelDeStatus(codes);
    expect([
      mapping.entry?.status,
      mapping.entry?.substatus ?? (mapping.entry?.status === 'delivered' ? 'delivered' : undefined),
      mapping.source,
    ]).toEqual([status, substatus, source]);
  });

  it('keeps the three codes as the raw code', () => {
    expect(mapDhlParcelDeStatus({ ice: 'DLVRD', ric: 'OTHER', standardEventCode: 'ZU' }).rawCode).toBe('DLVRD/OTHER/ZU');
    expect(mapDhlParcelDeStatus({ standardEventCode: 'ZU' }).rawCode).toBe('//ZU');
  });

  it('unknown codes give no entry (the event becomes unmapped)', () => {
    expect(mapDhlParcelDeStatus({ ice: 'ZZZZZ', ric: 'ZZZZZ', standardEventCode: 'QQ' })).toEqual({
      entry: undefined,
      source: null,
      rawCode: 'ZZZZZ/ZZZZZ/QQ',
    });
    expect(mapDhlParcelDeStatus({}).entry).toBeUndefined();
  });

  it('prototype keys find nothing', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(mapDhlParcelDeStatus({ ice: code, ric: code, standardEventCode: code }).entry).toBeUndefined();
      expect(mapDhlParcelDeStatus({ ice: 'DLVRD', ric: code, standardEventCode: 'ZU' }).entry).toEqual({ status: 'delivered' });
    }
  });
});
