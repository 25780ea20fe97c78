import { readFileSync } from 'node:fs';
import { SUBSTATUSES } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { HERMES_STATUS_CODES } from './hermes-status-tables';
import { mapHermesStatus, normaliseHermesCode } from './map-hermes-status';

// The 128 "2x2" codes of Hermes' list, read from the comment lines of the table file would be circular:
// the list below is copied from docs/research/carrier-codes/hermes-de-eventcodes.md (section A).
const HERMES_LIST = `0000 0600 0700 0800 0900 1000 1510 1520 1610 1710 1720 1730 1751 1810 1820 1900 1901 1910 2000 2100 2300 2400
3000 3010 3300 3410 3430 3500 3510 3511 3520 3530 3710 3715 3720 3731 3732 3733 3734 3740 3750 3751 3752 3753 3754 3760 3761
3780 3782 3783 3784 3785 3786 3787 3795 4010 4015 4020 4024 4025 4031 4032 4033 4034 4035 4040 4050 4051 4052 4053 4054 4060
4061 4062 4070 4072 4080 4081 4082 4083 4084 4085 4086 4087 4095 4100 4500 4610 4620 4630 4690 6080 6081 6082 6083 6084 6085
6086 6087 6088 6089 6090 6092 6093 6094 6096 6098 6099 7500 9040 9041 9311 9315 9321 9322 9323 9324 9325 9327 9328 9340 9341
9381 9385 9391 9394 9395 9399`.split(/\s+/);

describe('HERMES_STATUS_CODES', () => {
  it('has every code of Hermes’ list and nothing else, each substatus of its status', () => {
    expect(HERMES_LIST).toHaveLength(128);
    expect(Object.keys(HERMES_STATUS_CODES).sort()).toEqual([...HERMES_LIST].sort());
    for (const entry of Object.values(HERMES_STATUS_CODES)) expect(SUBSTATUSES[entry.substatus].status).toBe(entry.status);
  });

  it('the table file names each code with Hermes’ own English text', () => {
    const source = readFileSync(new URL('./hermes-status-tables.ts', import.meta.url), 'utf8');
    expect(source).toContain("// The shipment has been delivered in the letterbox.\n  '3511'");
    expect(source).toContain("// Shipment stored (stocktaking) — The shipment is being kept #AM# #ORT#.\n  '4500'");
  });

  it('the corrections over karrio: 3410 pickup, 373x not present, 4500 stored (not failed), 60xx returning, 7500 returned', () => {
    expect(mapHermesStatus('3410')?.status).toBe('available_for_pickup');
    for (const code of ['3731', '3732', '3733', '3734'])
      expect(mapHermesStatus(code)).toEqual({ status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' });
    expect(mapHermesStatus('4500')?.status).toBe('in_transit');
    expect(mapHermesStatus('6093')?.status).toBe('returning');
    expect(mapHermesStatus('7500')).toEqual({ status: 'returned', substatus: 'returned_to_sender' });
    for (const code of ['4000', '5000', '6000', '7000']) expect(mapHermesStatus(code)).toBeUndefined();
  });

  it('dashes and spaces are dropped (the spec writes 0-0-0); prototype keys find nothing', () => {
    expect(normaliseHermesCode('3-5-0-0')).toBe('3500');
    expect(mapHermesStatus(' 3500 ')?.status).toBe('delivered');
    for (const code of ['constructor', '__proto__', 'toString', '', null, undefined, '350']) expect(mapHermesStatus(code)).toBeUndefined();
  });
});
