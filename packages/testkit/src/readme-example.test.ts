// The README's vitest example, run as it is printed there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker, type Tracker } from '@wismo/core';
import { createUps } from '@wismo/carrier-ups';
import { SANDBOX_NUMBERS, createSandboxClock, startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';

describe('order status page', () => {
  const clock = createSandboxClock(new Date('2025-03-12T15:00:00Z'));
  let sandbox: RunningSandboxCarriers;
  let tracker: Tracker;

  beforeAll(async () => {
    // One server per carrier on a free port; `timeScale` compresses the documented rate limits.
    sandbox = await startSandboxCarriers({ clock, timeScale: 100 });
    // The four real adapters, pointed at the sandbox (base URL, token URL, credentials, matching rate limit).
    tracker = createTracker({ carriers: sandbox.createAdapters() });
  });
  afterAll(() => sandbox.close());

  it('shows a delivered UPS parcel', async () => {
    const shipment = await tracker.track(SANDBOX_NUMBERS.ups.delivered);
    expect(shipment.status).toBe('delivered');
  });

  it('builds one adapter by hand, the way your app does', async () => {
    const adapter = createUps({ ...sandbox.adapterSettings('ups'), timeoutMs: 2_000 });
    const [outcome] = await adapter.track([SANDBOX_NUMBERS.ups.failed_attempt]);
    expect(outcome?.shipment?.substatus).toBe('attempt_failed_recipient_absent');
  });

  it('moves a parcel along when the clock moves', async () => {
    const number = SANDBOX_NUMBERS.fedex.advancing;
    expect((await tracker.track(number, { refresh: true })).status).toBe('info_received');
    clock.advance(37 * 3_600_000); // out for delivery after 36 h
    expect((await tracker.track(number, { refresh: true })).status).toBe('out_for_delivery');
  });
});
