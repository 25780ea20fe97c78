import { SUBSTATUSES, type StatusTableEntry } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { mapRoyalMailEvent, mapRoyalMailStatusCategory } from './map-royalmail-status';
import { ROYALMAIL_EVENT_CODES } from './royalmail-status-tables';

// Every code in docs/research/carrier-codes/misc-codes.md (Royal Mail: elliotjreed's texts and jampez77's short names).
const LISTED = (
  'EVAIP EVAIE ASRXS EVBAH EVDAC EVDAV EVGMI EVGPD EVIAV EVIMC EVIPI EVKAA EVKAI EVKDN EVKGA EVKLC EVKNA EVKOP EVKRF EVKSF EVKSP EVKSU ' +
  'EVNAA EVNAR EVNDA EVNDN EVNGA EVNKS EVNMI EVNOC EVNRF EVNRT EVPLC EVRTS RFRXS RNRXS RORXS RPRXS RSRXS ' +
  'EVNSR EVKNR EVODO EVORI EVOAC EVPPA EVBAV EVOCO EVKLS EVPLA'
).split(' ');

describe('Royal Mail status tables', () => {
  it('cover every code of the collected lists, and nothing else', () => {
    for (const code of LISTED) expect(mapRoyalMailEvent(code), code).toBeDefined();
    expect(Object.keys(ROYALMAIL_EVENT_CODES).sort()).toEqual([...new Set(LISTED)].sort());
  });

  it('every substatus belongs to its status', () => {
    for (const [code, entry] of Object.entries(ROYALMAIL_EVENT_CODES) as Array<[string, StatusTableEntry]>)
      if (entry.substatus) expect(SUBSTATUSES[entry.substatus].status, code).toBe(entry.status);
  });

  it('looks codes up whatever their case; unknown categories and prototype keys are unmapped', () => {
    expect(mapRoyalMailEvent('evksf')).toEqual({ status: 'delivered', substatus: 'delivered_to_safe_place' });
    expect(mapRoyalMailStatusCategory('In Transit')).toEqual({ status: 'in_transit' });
    expect(mapRoyalMailStatusCategory('SOMETHING ELSE')).toBeUndefined();
    for (const key of ['constructor', '__proto__', 'toString', 'CONSTRUCTOR']) expect(mapRoyalMailEvent(key)).toBeUndefined();
  });
});
