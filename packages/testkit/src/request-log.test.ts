import { describe, expect, it } from 'vitest';
import { createTracker } from '@wismo/core';
import { createRequestLog } from './request-log';
import { startSandboxCarriers } from './start-sandbox-carriers';

describe('createRequestLog', () => {
  it('counts requests per account per calendar second and in sliding windows', () => {
    const log = createRequestLog();
    for (const atMs of [10_100, 10_900, 11_050, 11_200, 11_850])
      log.record({ carrier: 'ups', account: 'a', atMs, rateLimited: false, trackingNumbers: [`1Z${atMs}`] });
    log.record({ carrier: 'ups', account: 'b', atMs: 10_500, rateLimited: true, trackingNumbers: [] });
    expect(log.busiestSecondPerAccount()).toEqual([
      { carrier: 'ups', account: 'a', startMs: 11_000, requests: 3 },
      { carrier: 'ups', account: 'b', startMs: 10_000, requests: 1 },
    ]);
    // 10 900, 11 050, 11 200 and 11 850 fall within one second that no calendar second shows.
    expect(log.busiestWindowPerAccount(1_000)[0]).toEqual({ carrier: 'ups', account: 'a', startMs: 10_900, requests: 4 });
    expect(log.timesServed().get('1Z10100')).toBe(1);
  });

  it('records what the sandbox carriers received, with API keys hashed', async () => {
    const requestLog = createRequestLog();
    const sandbox = await startSandboxCarriers({
      carriers: ['ups', 'dhl'],
      rateLimits: { dhl: { requests: 1, intervalMs: 60_000 } },
      requestLog,
    });
    try {
      const tracker = createTracker({ carriers: sandbox.createAdapters({ retries: 0, rateLimit: false }), cache: false });
      const ups = sandbox.generateNumbers('ups', 2, 'in_transit');
      const dhl = sandbox.generateNumbers('dhl', 2, 'in_transit');
      await tracker.trackMany([
        ...ups.map((number) => ({ trackingNumber: number, carrier: 'ups' })),
        ...dhl.map((number) => ({ trackingNumber: number, carrier: 'dhl' })),
      ]);
      const entries = requestLog.entries();
      expect(entries.filter((entry) => entry.carrier === 'ups').map((entry) => entry.account)).toEqual([
        'wismo-sandbox-ups-client',
        'wismo-sandbox-ups-client',
      ]);
      const dhlEntries = entries.filter((entry) => entry.carrier === 'dhl');
      expect(dhlEntries.map((entry) => entry.rateLimited).sort()).toEqual([false, true]);
      expect(dhlEntries[0]!.account).toMatch(/^key:[0-9a-f]{12}$/);
      expect(JSON.stringify(entries)).not.toContain('wismo-sandbox-dhl-api-key');
      expect([...requestLog.timesServed().keys()].sort()).toEqual(
        [...ups, dhl.find((number) => requestLog.timesServed().has(number))!].sort(),
      );
    } finally {
      await sandbox.close();
    }
  });
});
