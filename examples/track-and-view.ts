// A backend handler for "where is my order?": look the order up, track its parcels, build the order view
// and answer the customer.
//
//   pnpm exec tsx examples/track-and-view.ts                      sandbox carriers, a built-in order
//   WISMO_ORDERS=orders.json pnpm exec tsx examples/track-and-view.ts 1042
//                                                                  your orders file, the real carriers
//                                                                  (credentials from UPS_CLIENT_ID, …, DHL_API_KEY
//                                                                  or WISMO_CONFIG; see `wismo --help`)
import { createCliTracker, loadConfig } from '@wismo/cli';
import { createTracker, type Tracker } from '@wismo/core';
import {
  answerWhereIsMyOrder,
  buildOrderView,
  createInMemoryOrderSource,
  createJsonFileOrderSource,
  describeNextAction,
  statusLine,
  suggestAgentReply,
  type OrderSource,
} from '@wismo/order-view';
import { SANDBOX_NUMBERS, startSandboxCarriers } from '@wismo/testkit';

/** The handler itself: everything above it is wiring. */
async function whereIsMyOrder(orderNumber: string, orders: OrderSource, tracker: Tracker): Promise<string> {
  const order = await orders.getOrderByNumber(orderNumber);
  if (!order) return `No order ${orderNumber}.`;
  // Every parcel, and every later leg the shop knows of (e.g. the USPS number of a DHL eCommerce parcel).
  const items = order.shipments
    .flatMap((shipment) => [{ carrier: shipment.carrier, trackingNumber: shipment.trackingNumber }, ...shipment.legs])
    .filter((leg): leg is { carrier: string; trackingNumber: string } => Boolean(leg.trackingNumber))
    .map((leg) => ({ carrier: leg.carrier, trackingNumber: leg.trackingNumber }));
  const outcomes = await tracker.trackMany(items);
  for (const outcome of outcomes)
    if (!outcome.ok) console.warn(`  (${outcome.carrier} ${outcome.trackingNumber}: ${outcome.error.code} — ${outcome.error.message})`);
  const view = buildOrderView(
    order,
    outcomes.flatMap((outcome) => (outcome.ok ? [outcome.shipment] : [])),
    { now: new Date(), carriers: [...tracker.carriers.values()] },
  );

  const lines = [`Order ${view.order.number}: ${view.stage} (${view.stageRule})`];
  for (const parcel of view.parcels) lines.push(`  ${statusLine(view, parcel.id, 'en')}`);
  lines.push(`  Next: ${describeNextAction(view, 'en')}`);
  lines.push('', 'Answer for the customer:', answerWhereIsMyOrder(view));
  lines.push('', 'Suggested agent reply:', suggestAgentReply(view, { agentName: 'Chris', shopName: 'Example Shop' }));
  return lines.join('\n');
}

const orderNumber = process.argv[2] ?? '1042';
if (process.env.WISMO_ORDERS) {
  const tracker = createCliTracker(loadConfig());
  console.log(await whereIsMyOrder(orderNumber, createJsonFileOrderSource(process.env.WISMO_ORDERS), tracker));
} else {
  console.log('No WISMO_ORDERS file given: using the sandbox carriers on loopback and a built-in order.\n');
  const sandbox = await startSandboxCarriers();
  try {
    const placedAt = new Date(Date.now() - 4 * 86_400_000).toISOString();
    const orders = createInMemoryOrderSource([
      {
        id: 'ord_1042',
        number: '1042',
        placedAt,
        customer: { id: 'cus_7', email: 'jonas.weber@example.de', name: 'Jonas Weber', locale: 'de-DE', timeZone: 'Europe/Berlin' },
        items: [
          { id: 'shoes', name: 'Trail runner', quantity: 1 },
          { id: 'jacket', name: 'Rain jacket', quantity: 1 },
        ],
        shipments: [
          { id: 'parcel_1', carrier: 'dhl', trackingNumber: SANDBOX_NUMBERS.dhl.in_transit, items: [{ itemId: 'shoes', quantity: 1 }] },
          { id: 'parcel_2', carrier: 'ups', trackingNumber: SANDBOX_NUMBERS.ups.delivered, items: [{ itemId: 'jacket', quantity: 1 }] },
        ],
      },
    ]);
    // The real adapters, pointed at the sandbox.
    const tracker = createTracker({ carriers: sandbox.createAdapters() });
    console.log(await whereIsMyOrder(orderNumber, orders, tracker));
  } finally {
    await sandbox.close();
  }
}
