import { describe, expect, it } from 'vitest';
import { createEvent } from './build-shipment';
import { createStatusTable, lookupStatus, statusEntry, type StatusTable, type StatusTableEntry } from './status-table';

describe('status tables', () => {
  const table = createStatusTable({
    DL: { status: 'delivered', substatus: 'delivered' },
    AR: { status: 'in_transit', substatus: 'arrived_at_facility' },
    IT: { status: 'in_transit' },
  });

  it('finds nothing for prototype keys: constructor, __proto__, toString map to unmapped', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect((table as StatusTable)[code], code).toBeUndefined();
      expect(lookupStatus(table, code), code).toBeUndefined();
      const event = createEvent({ time: null, description: 'odd', code, mapped: lookupStatus(table, code) });
      expect(event.unmapped, code).toBe(true);
      expect(event.status, code).toBe('unknown');
    }
    expect(Object.getPrototypeOf(table)).toBeNull();
  });

  it('keeps the entries, frozen', () => {
    expect(lookupStatus(table, 'DL')).toEqual({ status: 'delivered', substatus: 'delivered' });
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.DL)).toBe(true);
    expect(Object.keys(table)).toEqual(['DL', 'AR', 'IT']);
  });

  it('builds a run-time entry only when the substatus belongs to the status', () => {
    expect(statusEntry('in_transit', 'picked_up')).toEqual({ status: 'in_transit', substatus: 'picked_up' });
    expect(statusEntry('delivered', 'picked_up')).toBeNull();
  });

  it('does not compile an entry whose substatus belongs to another status', () => {
    // Type-level checks: each line below must fail to compile (tsc runs over test files in `pnpm test`).
    // @ts-expect-error rerouted belongs to in_transit, not delivered
    const wrongEntry: StatusTableEntry = { status: 'delivered', substatus: 'rerouted' };
    createStatusTable({
      // @ts-expect-error attempt_failed_refused belongs to attempt_failed
      XX: { status: 'exception', substatus: 'attempt_failed_refused' },
    });
    // @ts-expect-error not a substatus at all
    const unknownSubstatus: StatusTableEntry = { status: 'in_transit', substatus: 'teleported' };
    const rightEntry: StatusTableEntry = { status: 'exception', substatus: 'customs_held' };
    expect([wrongEntry, unknownSubstatus, rightEntry]).toHaveLength(3);
  });
});
