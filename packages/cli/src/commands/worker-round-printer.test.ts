import { expect, it } from 'vitest';
import type { OutboxEvent, RoundReport } from '@wismo/store';
import { createRoundPrinter } from './worker';

function outboxEvent(index: number): OutboxEvent {
  return {
    id: String(index),
    shopId: 'default',
    trackingId: `trk_${index}`,
    orderId: null,
    type: 'status_changed',
    payload: {
      from: { status: 'pending', substatus: 'awaiting_carrier_data' },
      to: { status: 'in_transit', substatus: 'picked_up' },
      occurredAt: null,
      sequence: 1,
    },
    dedupeKey: `trk_${index}:status_changed:1`,
    createdAt: '2026-03-16T08:00:00.000Z',
  } as OutboxEvent;
}

/** A round whose report keeps a sample of 3 events out of 2,500 written. */
function bigRound(): RoundReport {
  return {
    startedAt: '2026-03-16T08:00:00.000Z',
    claimed: 2_500,
    checked: 2_500,
    changed: 2_500,
    errors: 0,
    byCarrier: { dhl: { claimed: 2_500, errors: 0 } },
    eventCount: 2_500,
    eventCounts: { status_changed: 2_500 },
    events: [outboxEvent(1), outboxEvent(2), outboxEvent(3)],
  };
}

it('counts every event of a round, not only the sample the report keeps', () => {
  let output = '';
  const printer = createRoundPrinter({ write: (text: string) => (output += text) }, { live: false, events: true });
  printer.round(bigRound());
  printer.round(bigRound());
  expect(output).toContain('events 2500');
  expect(output.match(/status_changed/g)).toHaveLength(6);
  expect(output).toContain('… and 2497 more event(s)');
  expect(printer.finish()).toBe('2 round(s): checked 5000, changed 5000, errors 0, events 5000.');
});
