import { SUBSTATUSES } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { BPOST_STATE_CODES } from './bpost-status-tables';
import { mapBpostState } from './map-bpost-status';

/** Every code karrio's bpost connector buckets (research/carrier-codes/misc-codes.md). */
const KARRIO_CODES = [
  ...['B00', 'B01', 'B02', 'C00', 'I03', 'I10', 'I11', 'I12', 'I18', 'I19', 'I58', 'I61', 'I66', 'I67', 'I68', 'I72', 'I88', 'L00'],
  ...['U00', 'U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'U08'],
  ...['B04', 'N14', 'R00', 'R01', 'R02', 'R03', 'R04', 'R05', 'T00'],
  ...['B03', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'B12', 'B13', 'B18', 'B23', 'B24', 'B28', 'R11', 'R12', 'T03', 'S00'],
  ...[
    'N01',
    'N02',
    'N03',
    'N04',
    'N05',
    'N06',
    'N07',
    'N08',
    'N10',
    'N11',
    'N12',
    'N13',
    'N16',
    'N28',
    'N32',
    'N91',
    'N92',
    'N93',
    'N94',
    'N95',
    'N96',
    'P00',
  ],
  ...['N74', 'R13'],
];

describe('bpost stateCode table', () => {
  it('covers every documented code, and no other', () => {
    expect(Object.keys(BPOST_STATE_CODES).sort()).toEqual([...new Set(KARRIO_CODES)].sort());
    expect(Object.keys(BPOST_STATE_CODES)).toHaveLength(78);
  });

  it('reads the codes bpost describes in its own answer', () => {
    expect(mapBpostState('T00')).toEqual({ status: 'in_transit', substatus: 'arrived_at_facility' });
    // "BoundToRound - out_for_distribution": out for delivery (karrio: on hold).
    expect(mapBpostState('L00')).toEqual({ status: 'out_for_delivery', substatus: 'out_for_delivery' });
    expect(mapBpostState(' u01 ')).toEqual({ status: 'delivered', substatus: 'delivered' });
  });

  it('every entry has a substatus of its own status', () => {
    for (const [code, entry] of Object.entries(BPOST_STATE_CODES)) expect(SUBSTATUSES[entry.substatus].status, code).toBe(entry.status);
  });

  it('leaves unknown codes and prototype keys unmapped', () => {
    for (const code of ['Z99', 'constructor', '__proto__', 'toString', '', null, undefined])
      expect(mapBpostState(code), String(code)).toBeUndefined();
  });
});
