import { SUBSTATUSES } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { DPD_STATUS_CODES } from './dpd-status-tables';
import { mapDpdStatus } from './map-dpd-status';

describe('DPD statusInfo states', () => {
  it('covers every state research/carriers.md §5 documents', () => {
    expect(Object.keys(DPD_STATUS_CODES).sort()).toEqual(
      ['BetweenDepots', 'Courier', 'Delivered', 'DeliveryFailure', 'Depot', 'ParcelShop', 'PickedUp', 'ReturningFromDelivery'].sort(),
    );
  });

  it('maps by the machine state, with the corrections over karrio', () => {
    expect(mapDpdStatus('PickedUp')).toEqual({ status: 'in_transit', substatus: 'picked_up' });
    expect(mapDpdStatus('Depot')).toEqual({ status: 'in_transit', substatus: 'arrived_at_facility' });
    expect(mapDpdStatus('Courier')).toEqual({ status: 'out_for_delivery', substatus: 'out_for_delivery' });
    expect(mapDpdStatus('ParcelShop')).toEqual({ status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' });
    // Back at the depot after a failed attempt: not out for delivery (karrio's mapping).
    expect(mapDpdStatus('ReturningFromDelivery')).toEqual({ status: 'attempt_failed', substatus: 'attempt_failed' });
    expect(mapDpdStatus(' Delivered ')).toEqual({ status: 'delivered', substatus: 'delivered' });
  });

  it('every entry has a substatus of its own status', () => {
    for (const [state, entry] of Object.entries(DPD_STATUS_CODES)) {
      expect(SUBSTATUSES[entry.substatus].status, state).toBe(entry.status);
    }
  });

  it('leaves unknown states, other spellings and prototype keys unmapped', () => {
    for (const state of ['ParcelDamaged', 'courier', 'SHIPMENT', 'constructor', '__proto__', 'toString', '', null, undefined]) {
      expect(mapDpdStatus(state), String(state)).toBeUndefined();
    }
  });
});
