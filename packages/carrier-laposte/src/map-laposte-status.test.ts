import { SUBSTATUSES } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { LAPOSTE_EVENT_CODES, LAPOSTE_TIMELINE_STEPS } from './laposte-status-tables';
import { mapLaposteEventCode, mapLaposteTimeline } from './map-laposte-status';

// The 19 codes of the list (rigwild/suivi-poste index.ts), each with its timeline step.
const DOCUMENTED_CODES = [
  'DR1',
  'PC1',
  'PC2',
  'ET1',
  'ET2',
  'ET3',
  'ET4',
  'EP1',
  'DO1',
  'DO2',
  'DO3',
  'PB1',
  'PB2',
  'MD2',
  'ND1',
  'AG1',
  'RE1',
  'DI1',
  'DI2',
];

describe('LAPOSTE_EVENT_CODES', () => {
  it('has exactly the documented codes, each with a substatus of its status', () => {
    expect(Object.keys(LAPOSTE_EVENT_CODES).sort()).toEqual([...DOCUMENTED_CODES].sort());
    for (const entry of Object.values(LAPOSTE_EVENT_CODES)) expect(SUBSTATUSES[entry.substatus].status).toBe(entry.status);
  });

  it('the corrections over karrio: ET1 is in transit, MD2 out for delivery, DI2 returned', () => {
    expect(mapLaposteEventCode('ET1')).toEqual({ status: 'in_transit', substatus: 'in_transit' });
    expect(mapLaposteEventCode('MD2')?.status).toBe('out_for_delivery');
    expect(mapLaposteEventCode('DI2')?.status).toBe('returned');
    expect(mapLaposteEventCode(' di1 ')?.status).toBe('delivered');
  });

  it('prototype keys and unknown codes are not in the table', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'DI0', 'DI3', '', null, undefined])
      expect(mapLaposteEventCode(code)).toBeUndefined();
  });
});

describe('mapLaposteTimeline', () => {
  const step = (id: number, status: boolean, type = 1) => ({
    id,
    status,
    type,
    shortLabel: undefined,
    date: undefined,
    country: undefined,
  });

  it('the furthest step reached, whatever the order', () => {
    expect(mapLaposteTimeline([step(3, true), step(1, true), step(4, false), step(2, true), step(5, false)])).toEqual(
      LAPOSTE_TIMELINE_STEPS['3'],
    );
  });

  it('a KO step is an exception; nothing reached is nothing', () => {
    expect(mapLaposteTimeline([step(1, true), step(2, true, -1)])).toEqual({ status: 'exception', substatus: 'carrier_exception' });
    expect(mapLaposteTimeline([step(1, false)])).toBeUndefined();
    expect(mapLaposteTimeline(undefined)).toBeUndefined();
    expect(mapLaposteTimeline([step(9, true)])).toBeUndefined();
  });
});
