// The README's example, run as printed there (only the SQLite file goes to a temporary directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createTracker } from '@wismo/core';
import { createScheduler, createStore } from '@wismo/store';
import { createSandboxClock, SANDBOX_NUMBERS, startSandboxCarriers } from '@wismo/testkit';

it('watches a FedEx parcel for two days of sandbox time and reports what changed', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-readme-'));
  const lines: string[] = [];
  const log = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));

  const clock = createSandboxClock(new Date('2026-01-13T00:00:00Z')); // 18:00 in Chicago
  const sandbox = await startSandboxCarriers({ clock, rateLimits: 'off' });
  const tracker = createTracker({ carriers: sandbox.createAdapters(), cache: false });
  const store = await createStore({ url: `sqlite:${join(directory, 'example.db')}`, clock: () => clock.now() });

  const shop = store.shop(); // the default shop
  const tracking = await shop.watch(SANDBOX_NUMBERS.fedex.advancing, { customer: { timeZone: 'America/Chicago' } });

  const scheduler = createScheduler({ store, tracker, clock: () => clock.now() });
  for (let hour = 0; hour <= 48; hour++) {
    const round = await scheduler.runOnce(); // checks only what is due
    for (const event of round.events) log(clock.now().toISOString(), event.type, JSON.stringify(event.payload).slice(0, 80));
    clock.advance(3_600_000);
  }
  log((await shop.getTracking(tracking.id))?.status); // delivered
  const counts = await shop.counts();
  await store.close();
  await sandbox.close();
  rmSync(directory, { recursive: true, force: true });

  expect(lines.at(-1)).toBe('delivered');
  const types = lines.slice(0, -1).map((line) => line.split(' ')[1]);
  expect(types.filter((type) => type === 'status_changed')).toHaveLength(4);
  expect(types).toContain('delivered');
  expect(types.filter((type) => type === 'event_added')).toHaveLength(8);
  expect(counts.byStatus).toEqual({ delivered: 1 });
});
