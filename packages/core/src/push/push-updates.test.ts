import { describe, expect, it } from 'vitest';
import { withUnnamedItemsRejected } from './push-updates';

describe('withUnnamedItemsRejected', () => {
  it('adds a malformed reject at the index of each item without a number, after the rejects already there', () => {
    const earlier = { index: 0, trackingNumber: '1Z1', code: 'malformed' as const, message: 'unreadable' };
    const result = withUnnamedItemsRejected({ updates: [], rejects: [earlier] }, ['1Z1', '', '1Z3', ''], 'No number.');
    expect(result.rejects).toEqual([
      earlier,
      { index: 1, trackingNumber: null, code: 'malformed', message: 'No number.' },
      { index: 3, trackingNumber: null, code: 'malformed', message: 'No number.' },
    ]);
  });

  it('leaves a result whose items all have numbers as it was', () => {
    expect(withUnnamedItemsRejected({ updates: [], rejects: [] }, ['1Z1'], 'No number.')).toEqual({ updates: [], rejects: [] });
  });
});
