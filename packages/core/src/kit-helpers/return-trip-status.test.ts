import { describe, expect, it } from 'vitest';
import { returnTripStatus } from './return-trip-status';

describe('returnTripStatus', () => {
  it('turns a delivery into back at the sender, and moving or out for delivery into returning', () => {
    expect(returnTripStatus('delivered')).toEqual({ status: 'returned', substatus: 'returned_to_sender' });
    expect(returnTripStatus('in_transit')).toEqual({ status: 'returning', substatus: 'returning_to_sender' });
    expect(returnTripStatus('out_for_delivery')).toEqual({ status: 'returning', substatus: 'returning_to_sender' });
  });

  it('leaves the other statuses to their own meaning', () => {
    for (const status of ['pending', 'info_received', 'exception', 'attempt_failed', 'returned', 'unknown'] as const)
      expect(returnTripStatus(status)).toBeUndefined();
  });
});
