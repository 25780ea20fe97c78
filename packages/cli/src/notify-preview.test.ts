import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '@wismo/store';
import { SANDBOX_NUMBERS } from '@wismo/testkit';
import { wismoIn } from './__fixtures__/run-wismo';

const directory = mkdtempSync(join(tmpdir(), 'wismo-notify-preview-'));
const storeUrl = `sqlite:${join(directory, 'wismo.db')}`;

const wismo = wismoIn(directory);

beforeAll(async () => {
  const store = await createStore({ url: storeUrl });
  await store.shop().upsertOrder({
    id: 'ord_de_1',
    number: 'DE-1001',
    placedAt: '2026-11-30T09:00:00+01:00',
    customer: { id: 'cus_de', name: 'Jonas Weber', email: 'jonas.weber@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
    shippingAddress: { city: 'Köln', postalCode: '50667', countryCode: 'DE' },
    items: [{ id: 'li_1', name: 'Wanderschuh', quantity: 1 }],
    shipments: [{ id: 'ful_1', carrier: 'dhl', trackingNumber: SANDBOX_NUMBERS.dhl.in_transit, items: [{ itemId: 'li_1', quantity: 1 }] }],
  });
  await store.close();
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('wismo notify preview', () => {
  it("prints the message in the customer's language, or the one asked for, without sending", async () => {
    const german = await wismo(['notify', 'preview', '--order', 'ord_de_1', '--milestone', 'out_for_delivery', '--store', storeUrl]);
    expect(german.stderr).toBe('');
    expect(german.code).toBe(0);
    expect(german.stdout).toMatch(/^To: +jonas\.weber@example\.de \(email, de\)$/m);
    expect(german.stdout).toMatch(/^Subject: .*heute/m);
    expect(german.stdout).toContain('Hallo Jonas');

    const english = await wismo([
      'notify',
      'preview',
      '--order',
      'ord_de_1',
      '--milestone',
      'delivered',
      '--locale',
      'en-GB',
      '--store',
      storeUrl,
    ]);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/\(email, en\)/);
    expect(english.stdout).toContain('Hello Jonas,');
  });

  it('writes the email as an HTML file', async () => {
    const result = await wismo([
      'notify',
      'preview',
      '--order',
      'ord_de_1',
      '--milestone',
      'shipped',
      '--locale',
      'nl',
      '-o',
      'shipped.html',
      '--store',
      storeUrl,
    ]);
    expect(result.code).toBe(0);
    const html = readFileSync(join(directory, 'shipped.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('lang="nl"');
  });

  it('says what is wrong with a usage error (exit 2)', async () => {
    const unknownOrder = await wismo(['notify', 'preview', '--order', 'ord_nope', '--store', storeUrl]);
    expect(unknownOrder.code).toBe(2);
    expect(unknownOrder.stderr).toContain('no order "ord_nope"');
    const badMilestone = await wismo(['notify', 'preview', '--order', 'ord_de_1', '--milestone', 'teleported', '--store', storeUrl]);
    expect(badMilestone.code).toBe(2);
    expect(badMilestone.stderr).toContain('out_for_delivery');
    const sms = await wismo(['notify', 'preview', '--order', 'ord_de_1', '--channel', 'sms', '--store', storeUrl]);
    // The customer has no phone number: a clear failure, not a crash.
    expect(sms.code).toBe(3);
    expect(sms.stderr).toContain('phone');
  });
});
