/**
 * Triage of three real-looking tickets against order-view's support scenarios, as shown in the README:
 *   pnpm exec tsx packages/triage/examples/triage-tickets.ts
 */
import { fileURLToPath } from 'node:url';
import { buildOrderView, createInMemoryOrderSource, type Order } from '@wismo/order-view';
import { TEST_CARRIERS } from '../../order-view/src/__fixtures__/carriers';
import { supportScenarios } from '../../order-view/src/__fixtures__/scenarios';
import { findOrdersForTicket, triage, triageTags, type Ticket } from '../src/index';

const scenarios = supportScenarios();
const orders = createInMemoryOrderSource(scenarios.map((scenario) => scenario.order));

const TICKETS: Ticket[] = [
  {
    subject: 'Zoll??',
    body: 'Mein Paket hängt beim Zoll in Leipzig fest. Was muss ich tun? Bestellung 1077',
    channel: 'email',
    requesterEmail: 'felix.braun@example.de',
  },
  { body: 'Hoi, waar blijft mijn pakket? Ik was gisteren de hele dag thuis!', channel: 'chat', requesterEmail: 'sanne@example.nl' },
  {
    subject: 'Where is my order?',
    body: 'Hi, when will my skillet arrive? Tracking GM2951173225174494',
    channel: 'email',
    requesterEmail: 'maria.lopez@example.com',
  },
];

/** The view of an order as the scenario's carriers report it, at the scenario's time. */
function viewOf(order: Order) {
  const scenario = scenarios.find((candidate) => candidate.order.id === order.id)!;
  return buildOrderView(order, scenario.shipments, { now: scenario.now, carriers: TEST_CARRIERS });
}

export async function triageExampleTickets() {
  const results = [];
  for (const ticket of TICKETS) {
    const found = await findOrdersForTicket(orders, ticket);
    const result = triage(
      ticket,
      found.orders.map((match) => viewOf(match.order)),
      { shopName: 'Bergwerk Outdoor' },
    );
    results.push({
      ticket: ticket.body,
      matchedBy: found.orders.map((match) => `${match.order.number} by ${match.matchedBy.join('+')}`),
      ...result,
      tags: triageTags(result),
    });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const result of await triageExampleTickets()) {
    const { ticket, matchedBy, intent, autoAnswerable, skill, priority, language, reasons, tags, suggestedReply } = result;
    console.log(
      JSON.stringify({ ticket, matchedBy, intent, language, autoAnswerable, skill, priority, reasons, tags, suggestedReply }, null, 2),
    );
  }
}
