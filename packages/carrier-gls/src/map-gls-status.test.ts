import { SUBSTATUSES, lookupStatus } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { GLS_EVENT_CODES, GLS_PARCEL_STATUSES } from './gls-status-tables';
import { mapGlsEvent } from './parse-gls-response';

// The `ParcelDTO.status` enum of GLS Track And Trace V1 1.0.7, verbatim.
const DOCUMENTED_STATUSES = [
  'PLANNEDPICKUP',
  'INPICKUP',
  'NOTPICKEDUP',
  'PREADVICE',
  'INTRANSIT',
  'INDELIVERY',
  'DELIVEREDPS',
  'DELIVERED',
  'INWAREHOUSE',
  'NOTDELIVERED',
  'CANCELED',
  'FINAL',
];
// Every event code in the spec's examples (parcels and GET /tracking/events/codes).
const DOCUMENTED_EVENT_CODES = [
  'INTIAL.PREADVICE',
  'INTIAL.E48_DATA',
  'INTIAL.NORMAL',
  'DELIVD.PARCELSHOP',
  'CANCEL.NORMAL',
  'CHANGD.MONEWADDR',
  'CHANGD.PARCELBOX',
];

describe('GLS status tables', () => {
  it('cover exactly the documented status enum and event codes', () => {
    expect(Object.keys(GLS_PARCEL_STATUSES).sort()).toEqual([...DOCUMENTED_STATUSES].sort());
    expect(Object.keys(GLS_EVENT_CODES).sort()).toEqual([...DOCUMENTED_EVENT_CODES].sort());
  });

  it('every substatus belongs to its status', () => {
    for (const entry of [...Object.values(GLS_PARCEL_STATUSES), ...Object.values(GLS_EVENT_CODES)]) {
      if (entry.substatus) expect(SUBSTATUSES[entry.substatus].status).toBe(entry.status);
    }
  });

  it('prototype keys are not codes', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(lookupStatus(GLS_PARCEL_STATUSES, key)).toBeUndefined();
      expect(mapGlsEvent(key, null, {}).entry).toBeUndefined();
    }
  });

  it('event code first, parcel status only at the status change, else nothing', () => {
    const parcel = { status: 'DELIVERED', statusDateTime: '2025-03-11T13:18:44+0100' };
    expect(mapGlsEvent('intial.normal', '2025-03-11T13:18:44+0100', parcel)).toEqual({
      code: 'INTIAL.NORMAL',
      entry: { status: 'in_transit', substatus: 'picked_up' },
      source: 'eventCode',
    });
    expect(mapGlsEvent('DELIVD.NORMAL', '2025-03-11T13:18:44+0100', parcel)).toEqual({
      code: 'DELIVD.NORMAL',
      entry: { status: 'delivered', substatus: 'delivered' },
      source: 'parcelStatus',
    });
    expect(mapGlsEvent('DELIVD.NORMAL', '2025-03-11T13:00:00+0100', parcel)).toEqual({
      code: 'DELIVD.NORMAL',
      entry: undefined,
      source: null,
    });
    expect(
      mapGlsEvent('DELIVD.NORMAL', '2025-03-11T13:18:44+0100', { status: 'SOMETHINGNEW', statusDateTime: '2025-03-11T13:18:44+0100' })
        .entry,
    ).toBeUndefined();
  });
});
