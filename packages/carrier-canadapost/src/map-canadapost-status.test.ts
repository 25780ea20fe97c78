import { SUBSTATUSES, type StatusTableEntry } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { CANADAPOST_EVENT_CODES } from './canadapost-status-tables';
import { canadaPostEventKey, mapCanadaPostEvent } from './map-canadapost-status';

// karrio's buckets (docs/research/carrier-codes/misc-codes.md) and the recorded sample's 20.
const KARRIO_BUCKETS = {
  delivered: '1408 1409 1421 1422 1423 1424 1425 1426 1427 1428 1429 1430 1431 1432 1433 1434 1441 1442 1496 1497 1498 1499',
  in_transit: '100 101 102 103 104 105 106 107 1400 1401 1402 1403 1404 1405 159 160 161 162 163 172 173 2412',
  exception: '117 120 121 125 127 810 1411 1414 1443 1484 1487 1494 2411 2414 4700',
  available_for_pickup: '118 156 1407 1410 1435 1436 1437 1438 1479 1488 1701 2410',
  attempt_failed:
    '150 154 167 168 169 179 181 182 183 184 190 1100 1415 1416 1417 1418 1419 1420 1450 1481 1482 1483 1491 1492 1493 2600 2802 3001 4650',
  out_for_delivery: '174 500',
} as const;

describe('Canada Post status table', () => {
  it("has every identifier of karrio buckets, in its bucket, plus the sample's signature event", () => {
    const listed = new Set<string>(['20']);
    for (const [status, codes] of Object.entries(KARRIO_BUCKETS)) {
      for (const code of codes.split(' ')) {
        listed.add(code);
        expect(mapCanadaPostEvent(code)?.status, code).toBe(status);
      }
    }
    expect(new Set(Object.keys(CANADAPOST_EVENT_CODES))).toEqual(listed);
  });

  it('every substatus belongs to its status', () => {
    for (const [code, entry] of Object.entries(CANADAPOST_EVENT_CODES) as Array<[string, StatusTableEntry]>)
      if (entry.substatus) expect(SUBSTATUSES[entry.substatus].status, code).toBe(entry.status);
  });

  it('reads identifiers with leading zeros of any width', () => {
    expect(canadaPostEventKey('0174')).toBe('174');
    expect(canadaPostEventKey('000100')).toBe('100');
    expect(canadaPostEventKey('20')).toBe('20');
    expect(canadaPostEventKey('0')).toBe('0');
    expect(mapCanadaPostEvent(' 01496 ')).toEqual({ status: 'delivered', substatus: 'delivered' });
  });

  it('prototype keys are unmapped', () => {
    for (const key of ['constructor', '__proto__', 'toString']) expect(mapCanadaPostEvent(key)).toBeUndefined();
  });
});
