import { shipmentSchema, type PushParseResult } from '@wismo/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMutation, mutationArbitrary } from '../../../test/fuzz/json-mutations';
import { parseAftershipWebhook } from './aftership-bridge';
import { parseEasypostWebhook } from './easypost-bridge';
import { parseSeventeenTrackWebhook } from './seventeen-track-bridge';
import { parseShip24Webhook } from './ship24-bridge';
import { fixtureText } from './__fixtures__/bridge-fixtures';

/*
 * Each bridge parser, fed mutated real-shaped bodies and arbitrary text: it never throws, every update is a valid
 * shipment whose local times carry no offset, and every body comes back as at least one update or one reject
 * (Ship24: at least one per item of `trackings`, none for an empty list). `FUZZ_RUNS` raises the count, as in test/fuzz.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const receivedAt = new Date('2026-12-05T12:00:00Z');

const PARSERS: Array<{ name: string; fixture: string; parse: (body: string, context: { receivedAt: Date }) => PushParseResult }> = [
  { name: 'AfterShip', fixture: 'aftership-tracking-update.json', parse: parseAftershipWebhook },
  { name: 'EasyPost', fixture: 'easypost-tracker-updated.json', parse: parseEasypostWebhook },
  { name: 'Ship24', fixture: 'ship24-tracking-events.json', parse: parseShip24Webhook },
  { name: '17TRACK', fixture: 'seventeen-track-tracking-updated.json', parse: parseSeventeenTrackWebhook },
];

function itemsIn(name: string, body: unknown): number {
  if (name !== 'Ship24') return 1;
  const trackings = (body as { trackings?: unknown } | null)?.trackings;
  // An empty `trackings` list carries nothing to lose; anything else but a list is one unreadable body.
  return Array.isArray(trackings) ? trackings.length : 1;
}

function checkResult(name: string, result: PushParseResult, items: number): void {
  for (const update of result.updates) {
    shipmentSchema.parse(update.shipment);
    for (const event of update.shipment.events) {
      if (event.timeKind !== 'instant') expect(event.occurredAt).toBeNull();
      expect(event.localTime ?? '').not.toMatch(/[Zz+]|-\d\d:\d\d$/);
      if (event.unmapped) expect(event.status).toBe('unknown');
    }
  }
  const rejectedItems = new Set(result.rejects.map((reject) => reject.index ?? -1)).size;
  expect(result.updates.length + rejectedItems, `${name}: an item vanished`).toBeGreaterThanOrEqual(Math.min(items, 1));
  if (name === 'Ship24' && result.rejects.every((reject) => reject.index !== null))
    expect(result.updates.length + rejectedItems).toBeGreaterThanOrEqual(items);
}

describe.each(PARSERS)('$name webhook parser under fuzzing', ({ name, fixture, parse }) => {
  const original = fixtureText(fixture);

  it('survives mutated bodies and reports every item', () => {
    fc.assert(
      fc.property(mutationArbitrary, (mutation) => {
        // applyMutation edits the object it is given: a fresh copy each run.
        const { body } = applyMutation(JSON.parse(original), mutation);
        const text = JSON.stringify(body) ?? 'null';
        checkResult(name, parse(text, { receivedAt }), itemsIn(name, body));
      }),
      { numRuns: RUNS },
    );
  });

  it('survives arbitrary text and JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value) ?? ''),
        ),
        (text) => {
          checkResult(name, parse(text, { receivedAt }), 1);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
