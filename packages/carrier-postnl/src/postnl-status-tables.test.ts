import { readFileSync } from 'node:fs';
import { SUBSTATUSES, lookupStatus } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { POSTNL_EVENT_CODES, POSTNL_STATUS_CODES } from './postnl-status-tables';
import { mapPostnlStatus } from './parse-postnl-response';

// PostNL's own table, as copied into the repository (docs/research/carrier-codes).
const CODES_FILE = new URL('../../../docs/research/carrier-codes/postnl-codes.md', import.meta.url);

describe('PostNL status tables', () => {
  it('cover every status code of PostNL table 1 (1–9, 11–23, 99) and the three the event table names', () => {
    const documented = [
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '21',
      '22',
      '23',
      '99',
    ];
    expect(Object.keys(POSTNL_STATUS_CODES).sort()).toEqual([...documented, '27', '28', '31'].sort());
  });

  it('has 287 event codes (288 rows, J23 twice) and every substatus belongs to its status', () => {
    expect(Object.keys(POSTNL_EVENT_CODES)).toHaveLength(287);
    for (const entry of [...Object.values(POSTNL_EVENT_CODES), ...Object.values(POSTNL_STATUS_CODES)]) {
      if (entry.substatus) expect(SUBSTATUSES[entry.substatus].status).toBe(entry.status);
    }
  });

  it('matches the event codes of the research table exactly', () => {
    const codes = new Set([...readFileSync(CODES_FILE, 'utf8').matchAll(/^\| ([A-Z0-9]{3}) \|/gm)].map((match) => match[1]!));
    expect(Object.keys(POSTNL_EVENT_CODES).sort()).toEqual([...codes].sort());
  });

  it('reads PostNL, not karrio: 1 pre-alerted, 8 not delivered, 15–18 missing, 19 rejected', () => {
    expect(mapPostnlStatus({ StatusCode: '1' })).toEqual({ status: 'info_received', substatus: 'label_created' });
    expect(mapPostnlStatus({ StatusCode: '08' })).toEqual({ status: 'attempt_failed', substatus: 'attempt_failed' });
    for (const code of ['15', '16', '17', '18'])
      expect(mapPostnlStatus({ StatusCode: code })).toEqual({ status: 'exception', substatus: 'lost' });
    expect(mapPostnlStatus({ StatusCode: '19' })).toEqual({ status: 'exception', substatus: 'rejected_by_carrier' });
    // No status code 10: the phase decides.
    expect(mapPostnlStatus({ StatusCode: '10', PhaseCode: '3' })).toEqual({ status: 'in_transit' });
  });

  it('prototype keys are not codes', () => {
    for (const key of ['constructor', '__proto__', 'toString']) {
      expect(lookupStatus(POSTNL_EVENT_CODES, key)).toBeUndefined();
      expect(mapPostnlStatus({ StatusCode: key })).toBeUndefined();
    }
  });
});
