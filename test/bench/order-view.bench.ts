import { buildShipment, createEvent, instantTime, localTime, type Shipment } from '../../packages/core/src/index';
import { TEST_CARRIERS } from '../../packages/order-view/src/__fixtures__/carriers';
import { createTestDeliveryHistory } from '../../packages/order-view/src/__fixtures__/history';
import {
  answerWhereIsMyOrder,
  buildOrderView,
  formatTimeline,
  parseOrder,
  statusLine,
  suggestAgentReply,
  type Order,
} from '../../packages/order-view/src/index';
import { compareAgainstBaseline } from './compare';

const PARCELS = 10;
const EVENTS_PER_PARCEL = 50;
const NOW = '2026-03-31T10:00:00+02:00';

const HUBS = ['Bielefeld', 'Herford', 'Hannover', 'Kassel', 'Erfurt', 'Leipzig', 'Radefeld', 'Dresden', 'Nürnberg', 'München'];

/** One parcel's 50 scans over ten days: DHL-style local times for even parcels, instants for odd ones. */
function parcelShipment(parcel: number): Shipment {
  const trackingNumber = `0034043416109${String(4_100_000 + parcel).padStart(7, '0')}`;
  const start = Date.parse('2026-03-21T08:00:00Z');
  const events = Array.from({ length: EVENTS_PER_PARCEL }, (_, index) => {
    const wall = new Date(start + index * 4.5 * 3_600_000 + parcel * 600_000).toISOString().slice(0, 19);
    const time = parcel % 2 === 0 ? localTime(wall) : instantTime(wall, '+01:00');
    const city = HUBS[index % HUBS.length]!;
    const first = index === 0;
    const delivered = parcel < 4 && index === EVENTS_PER_PARCEL - 1;
    return createEvent({
      time,
      code: first ? 'pre-transit' : delivered ? 'delivered' : 'transit',
      codes: { statusCode: first ? 'pre-transit' : 'transit' },
      description: first
        ? 'Die Sendung wurde elektronisch angekündigt.'
        : delivered
          ? 'Die Sendung wurde erfolgreich zugestellt.'
          : `Die Sendung wurde im Paketzentrum ${city} bearbeitet.`,
      location: { city, region: null, postalCode: null, countryCode: 'DE', raw: `${city}, Deutschland` },
      mapped: first
        ? { status: 'info_received', substatus: 'label_created' }
        : delivered
          ? { status: 'delivered' }
          : { status: 'in_transit', substatus: 'arrived_at_facility' },
    });
  });
  return buildShipment({
    carrier: 'dhl',
    trackingNumber,
    events,
    eventsNewestFirst: false,
    service: { code: 'V01PAK', name: 'DHL Paket' },
    fetchedAt: new Date(NOW),
  });
}

function benchmarkInput(): { order: Order; shipments: Shipment[] } {
  const shipments = Array.from({ length: PARCELS }, (_, parcel) => parcelShipment(parcel));
  const order = parseOrder({
    id: 'ord_bench',
    number: 'B-10x50',
    placedAt: '2026-03-20T09:00:00+01:00',
    customer: { id: 'cus_bench', name: 'Anna Schmidt', email: 'anna@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
    shippingAddress: { city: 'München', region: 'BY', postalCode: '80331', countryCode: 'DE' },
    items: shipments.map((_, parcel) => ({ id: `li_${parcel}`, name: `Artikel ${parcel + 1}`, quantity: 1 })),
    promisedDeliveryDate: '2026-03-27',
    milestones: { confirmed: '2026-03-20T09:01:00+01:00', packed: '2026-03-20T15:00:00+01:00' },
    shipments: shipments.map((shipment, parcel) => ({
      id: `ful_${parcel}`,
      carrier: 'dhl',
      trackingNumber: shipment.trackingNumber,
      service: { code: 'V01PAK', name: 'DHL Paket' },
      items: [{ itemId: `li_${parcel}`, quantity: 1 }],
      origin: { countryCode: 'DE', region: 'NW' },
    })),
  });
  return { order, shipments };
}

export default async function runOrderViewBenchmark(): Promise<void> {
  const input = benchmarkInput();
  const history = createTestDeliveryHistory();
  const options = { now: NOW, carriers: TEST_CARRIERS, history };
  const sample = buildOrderView(input.order, input.shipments, options);
  console.log(
    `Input: 1 order, ${PARCELS} parcels × ${EVENTS_PER_PARCEL} events (${sample.timeline.length} timeline entries; stage ${sample.stage}; ${sample.delays.length} delays; next ${sample.nextAction.id}); ${history.size} deliveries in history`,
  );

  const viewOnly = await compareAgainstBaseline({
    title: 'buildOrderView against structuredClone of the same input',
    baseline: { name: 'structuredClone(order + shipments)', run: () => structuredClone(input) },
    candidate: { name: 'buildOrderView', run: () => buildOrderView(input.order, input.shipments, options) },
    maxCostRatio: 5,
    timeMs: 1500,
  });
  console.log(`  → ${Math.round(viewOnly.candidateOpsPerSecond).toLocaleString('en-US')} order views per second`);

  const withTexts = await compareAgainstBaseline({
    title: 'buildOrderView + every text (status lines, timeline, answer, agent reply) in the customer’s language',
    baseline: { name: 'structuredClone(order + shipments)', run: () => structuredClone(input) },
    candidate: {
      name: 'view + texts',
      run: () => {
        const view = buildOrderView(input.order, input.shipments, options);
        return [
          view.parcels.map((parcel) => statusLine(view, parcel.id)),
          formatTimeline(view),
          answerWhereIsMyOrder(view),
          suggestAgentReply(view, { agentName: 'Chris' }),
        ];
      },
    },
    timeMs: 1500,
  });
  console.log(`  → ${Math.round(withTexts.candidateOpsPerSecond).toLocaleString('en-US')} order views with texts per second`);
}
