/**
 * Prints the order view of a real-looking split order, as shown in the README:
 *   pnpm exec tsx packages/order-view/examples/print-order-view.ts
 */
import { TEST_CARRIERS } from '../src/__fixtures__/carriers';
import { createTestDeliveryHistory } from '../src/__fixtures__/history';
import { supportScenarios } from '../src/__fixtures__/scenarios';
import { answerWhereIsMyOrder, buildOrderView, describeNextAction, formatTimeline, statusLine, suggestAgentReply } from '../src/index';

const scenario = supportScenarios().find((candidate) => candidate.name.startsWith('split order'))!;
const view = buildOrderView(scenario.order, scenario.shipments, {
  now: scenario.now,
  carriers: TEST_CARRIERS,
  history: createTestDeliveryHistory(),
});

const excerpt = {
  order: view.order,
  customer: { name: view.customer.name, locale: view.customer.locale, language: view.customer.language, timeZone: view.customer.timeZone },
  today: view.today,
  stage: view.stage,
  stageRule: view.stageRule,
  actor: view.actor,
  nextAction: { id: view.nextAction.id, actor: view.nextAction.actor, parcelId: view.nextAction.parcelId },
  delays: view.delays,
  parcels: view.parcels.map((parcel) => ({
    id: parcel.id,
    carrierName: parcel.carrierName,
    trackingNumber: parcel.trackingNumber,
    items: parcel.items.map((item) => `${item.quantity} × ${item.name}`),
    status: parcel.status,
    substatus: parcel.substatus,
    contact: parcel.contact,
    etaSource: parcel.etaSource,
    eta: parcel.eta && { from: parcel.eta.from, to: parcel.eta.to, timeKind: parcel.eta.timeKind },
    lastScan: parcel.lastScan && {
      description: parcel.lastScan.description,
      customerTime: parcel.lastScan.customerTime,
      ageHours: parcel.lastScan.age?.hours,
    },
    delivered: parcel.delivered && { customerTime: parcel.delivered.customerTime, place: parcel.delivered.place },
    performance: parcel.performance && {
      level: parcel.performance.level,
      sampleSize: parcel.performance.sampleSize,
      onTimeRate: parcel.performance.onTimeRate,
      transitDays: parcel.performance.transitDays,
    },
    actor: parcel.actor,
    nextAction: parcel.nextAction.id,
  })),
  timeline: [`${view.timeline.length} entries, newest first`, view.timeline[0]],
};

const out = (text = '') => process.stdout.write(`${text}\n`);
out('## OrderView (excerpt)');
out(JSON.stringify(excerpt, null, 2));
out();
out('## Agent panel (English)');
for (const parcel of view.parcels) out(`- ${statusLine(view, parcel.id, 'en')}`);
out(`- Next: ${describeNextAction(view, 'en')}`);
out();
out('## Timeline (German, customer’s time zone)');
const parcelNumber = new Map(view.parcels.map((parcel, index) => [parcel.id, index + 1]));
for (const line of formatTimeline(view, 'de')) {
  const source = line.source ? `${line.source} (Paket ${parcelNumber.get(line.parcelId!)})` : 'Shop';
  out(`- ${line.when}${line.note ? ` (${line.note})` : ''} · ${source}: ${line.text}${line.place ? ` — ${line.place}` : ''}`);
}
out();
out('## answerWhereIsMyOrder(view, "en")');
out(answerWhereIsMyOrder(view, 'en'));
out();
out('## answerWhereIsMyOrder(view, "de")');
out(answerWhereIsMyOrder(view, 'de'));
out();
out('## suggestAgentReply(view, { agentName: "Chris" })  (customer locale de-DE)');
out(suggestAgentReply(view, { agentName: 'Chris', shopName: 'Bergwerk Outdoor' }));
