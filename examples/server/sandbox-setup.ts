// Shared by the server examples: the testkit's sandbox carriers (local servers that speak the UPS, FedEx,
// USPS and DHL APIs), the four real adapters pointed at them, and a small in-memory order source.
import { createTracker } from '@wismo/core';
import { createInMemoryOrderSource, type OrderInput } from '@wismo/order-view';
import { createWismoServer, type WismoServer, type WismoServerOptions } from '@wismo/server';
import { SANDBOX_NUMBERS, startSandboxCarriers } from '@wismo/testkit';

/** The key the examples accept: `Authorization: Bearer example-api-key`. */
export const EXAMPLE_API_KEY = 'example-api-key';

function exampleOrders(): OrderInput[] {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  return [
    {
      id: 'ord_1001',
      number: '1001',
      placedAt: daysAgo(3),
      customer: { id: 'cus_1', name: 'Anna Schmidt', email: 'anna@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
      shippingAddress: { city: 'Leipzig', region: 'SN', postalCode: '04109', countryCode: 'DE' },
      items: [{ id: 'li_1', name: 'Trailrunner GTX, Gr. 42', quantity: 1 }],
      shipments: [
        { id: 'ful_1', carrier: 'dhl', trackingNumber: SANDBOX_NUMBERS.dhl.in_transit, items: [{ itemId: 'li_1', quantity: 1 }] },
      ],
    },
    {
      id: 'ord_1002',
      number: 'US-1002',
      placedAt: daysAgo(4),
      customer: { id: 'cus_2', name: 'Jordan Lee', email: 'jordan@example.com', locale: 'en-US', timeZone: 'America/New_York' },
      shippingAddress: { city: 'Seattle', region: 'WA', postalCode: '98101', countryCode: 'US' },
      items: [
        { id: 'li_a', name: 'Down jacket', quantity: 1 },
        { id: 'li_b', name: 'Wool beanie', quantity: 2 },
      ],
      shipments: [
        { id: 'ful_a', carrier: 'ups', trackingNumber: SANDBOX_NUMBERS.ups.delivered, items: [{ itemId: 'li_a', quantity: 1 }] },
        { id: 'ful_b', carrier: 'usps', trackingNumber: SANDBOX_NUMBERS.usps.out_for_delivery, items: [{ itemId: 'li_b', quantity: 2 }] },
      ],
    },
  ];
}

export interface SandboxWismo {
  wismo: WismoServer;
  /** Server options, for `startServer`. */
  options: WismoServerOptions;
  /** Numbers to try on the tracking page. */
  numbers: typeof SANDBOX_NUMBERS;
  close(): Promise<void>;
}

/** A wismo server over the sandbox carriers. `basePath` when the host framework passes the full path (`/wismo/...`). */
export async function createSandboxWismo(overrides: Partial<WismoServerOptions> = {}): Promise<SandboxWismo> {
  const sandbox = await startSandboxCarriers({ rateLimits: 'off' });
  const carriers = sandbox.createAdapters();
  const options: WismoServerOptions = {
    tracker: createTracker({ carriers }),
    orders: createInMemoryOrderSource(exampleOrders()),
    carriers,
    apiKeys: [EXAMPLE_API_KEY],
    brand: {
      name: 'Nordlicht Outdoor',
      colors: { primary: '#0b5cad', background: '#ffffff', text: '#1f2328' },
      defaultLocale: 'en',
      timeZone: 'Europe/Berlin',
      upsell: ({ tier, language }) =>
        tier === 'order'
          ? `<p><a href="https://shop.example.com/socks?lang=${language}">Merino socks</a> go well with your order.</p>`
          : null,
    },
    ...overrides,
  };
  return { wismo: createWismoServer(options), options, numbers: SANDBOX_NUMBERS, close: () => sandbox.close() };
}

/** True when the module is the script Node was started with (`tsx examples/server/express.ts`). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && new URL(moduleUrl).pathname.replace(/\.ts$/, '') === script.replace(/\.ts$/, '');
}
