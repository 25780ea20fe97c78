import { describe, expect, it } from 'vitest';
import { createStore, updateEffects } from '@wismo/store';
import { createLookupRecorder, withHelpdeskLookups, type LookupRecorder } from './record-lookups';

const served = (id: string) => ({ view: { order: { id } }, stale: false });

describe('helpdesk look-ups', () => {
  it('records each order a panel showed, and nothing for an order not found', async () => {
    const recorded: Array<[string, string]> = [];
    const record: LookupRecorder = (source, orderId) => recorded.push([source, orderId]);
    const service = withHelpdeskLookups(
      {
        viewById: async (id: string) => (id === 'missing' ? null : served(id)),
        viewByNumber: async (number: string) => served(`order-of-${number}`),
        other: 42,
      },
      record,
    );
    expect(await service.viewById('ord_1')).toEqual(served('ord_1'));
    expect(await service.viewById('missing')).toBeNull();
    await service.viewByNumber('#1001');
    expect(service.other).toBe(42);
    expect(recorded).toEqual([
      ['helpdesk_panel', 'ord_1'],
      ['helpdesk_panel', 'order-of-#1001'],
    ]);
  });

  it('writes look-ups into the store without delaying the caller; a failing write is logged, not thrown', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const store = await createStore({ url: 'memory:' });
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) };
    try {
      const record = createLookupRecorder(store, logger, () => now);
      record('helpdesk_panel', 'ord_1');
      record('tracking_page', 'ord_1');
      const window = { since: new Date(now.getTime() - 1000), now: new Date(now.getTime() + 1000) };
      await expect
        .poll(async () => (await updateEffects(store, 'default', window)).lookups)
        .toMatchObject({ helpdeskPanelLookups: 1, trackingPageViews: 1 });
      record('nowhere' as 'tracking_page', 'ord_2');
      await expect.poll(() => warnings.length).toBe(1);
      expect(warnings[0]).toContain('not recorded');
    } finally {
      await store.close();
    }
  });
});
