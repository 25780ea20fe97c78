import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createNotificationAdmin } from '@wismo/notify';
import { createStore } from '@wismo/store';
import { SANDBOX_NUMBERS } from '@wismo/testkit';
import { wismoIn } from './__fixtures__/run-wismo';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'wismo-readme-notify-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const wismo = wismoIn(directory);

it('README "Notifications": the two messages shown are what `wismo notify preview` prints for the demo order', async () => {
  const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Notifications\n'));
  const shown = [...section.matchAll(/```\n(To: {7}[\s\S]*?)```/g)].map((match) => match[1]!);
  expect(shown).toHaveLength(2);

  // The demo's order 1012 (DHL, out for delivery in the sandbox) for Jonas in Berlin, checked once.
  const storeUrl = `sqlite:${join(directory, 'wismo.db')}`;
  const ordersPath = join(directory, 'orders.json');
  writeFileSync(
    ordersPath,
    JSON.stringify([
      {
        id: 'ORD-1012',
        number: '1012',
        placedAt: '2026-12-01T09:12:00+01:00',
        customer: { id: 'cus_de_1', email: 'jonas.weber@example.de', name: 'Jonas Weber', locale: 'de-DE', timeZone: 'Europe/Berlin' },
        shippingAddress: { countryCode: 'DE' },
        items: [{ id: 'li_1', name: 'Trail runner', quantity: 1 }],
        shipments: [
          {
            id: 'ORD-1012-parcel-1',
            carrier: 'dhl',
            trackingNumber: SANDBOX_NUMBERS.dhl.out_for_delivery,
            items: [{ itemId: 'li_1', quantity: 1 }],
          },
        ],
      },
    ]),
  );
  expect((await wismo(['import', ordersPath, '--store', storeUrl])).code).toBe(0);
  expect((await wismo(['worker', '--sandbox', '--once', '--no-notify', '--store', storeUrl])).code).toBe(0);
  // What `PUT /v1/notifications/settings` stores.
  const store = await createStore({ url: storeUrl });
  try {
    await createNotificationAdmin(store).putSettings('default', { brand: { name: 'Nordlicht Outdoor', colour: '#0b5cad' } });
  } finally {
    await store.close();
  }
  const previews = [];
  for (const locale of ['de', 'en']) {
    const preview = await wismo([
      'notify',
      'preview',
      '--order',
      'ORD-1012',
      '--milestone',
      'out_for_delivery',
      '--locale',
      locale,
      '--store',
      storeUrl,
    ]);
    expect(preview.code, preview.stderr).toBe(0);
    previews.push(preview.stdout);
  }
  expect(previews).toEqual(shown);
}, 30_000);
