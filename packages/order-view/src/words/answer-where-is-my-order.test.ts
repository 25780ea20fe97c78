import { describe, expect, it } from 'vitest';
import { TEST_CARRIERS } from '../__fixtures__/carriers';
import { at, scan, trackedShipment } from '../__fixtures__/scan';
import { parseOrder, type OrderInput } from '../order-schema';
import { buildOrderView } from '../view/build-order-view';
import { answerWhereIsMyOrder } from './answer-where-is-my-order';
import { suggestAgentReply } from './agent-reply';

const plainSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

const ORDER: OrderInput = {
  id: 'ord_w',
  number: '2001',
  placedAt: '2026-03-26T09:00:00+01:00',
  customer: { id: 'cus_w', name: 'Lena Vogel', email: 'lena@example.de', locale: 'en-GB', timeZone: 'Europe/London' },
  shippingAddress: { city: 'London', region: null, postalCode: 'N1 9GU', countryCode: 'GB' },
  items: [
    { id: 'li_1', name: 'Rain jacket', quantity: 1 },
    { id: 'li_2', name: 'Wool hat', quantity: 1 },
  ],
  promisedDeliveryDate: '2026-03-30',
};

function inTransit(trackingNumber: string, estimatedDelivery?: Parameters<typeof trackedShipment>[0]['estimatedDelivery']) {
  return trackedShipment({
    carrier: 'ups',
    trackingNumber,
    estimatedDelivery: estimatedDelivery ?? null,
    scans: [scan(at('2026-03-30T18:40:00', '+01:00'), 'OR', 'Pickup Scan', { status: 'in_transit', substatus: 'picked_up' }, { city: 'Leeds', countryCode: 'GB' })],
  });
}

describe('answerWhereIsMyOrder: less common paths', () => {
  it('names items still waiting to ship, and apologises once for the missed promise', () => {
    const order = parseOrder({ ...ORDER, shipments: [{ id: 'p1', carrier: 'ups', trackingNumber: '1Z000000000000001', items: [{ itemId: 'li_1', quantity: 1 }] }] });
    const view = buildOrderView(order, [inTransit('1Z000000000000001')], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    expect(view.stage).toBe('partially_shipped');
    expect(plainSpaces(answerWhereIsMyOrder(view))).toBe(
      'Part of your order 2001 has shipped. Your parcel has been handed to UPS. The last update from UPS was on Monday 30 March at 18:40 (Leeds). ' +
        'We’re sorry we missed the delivery date we promised (Monday 30 March). Track it here: https://www.ups.com/track?tracknum=1Z000000000000001 ' +
        'Still to be shipped: Wool hat. We’re sorry we’ve missed the delivery date we promised for your order (Monday 30 March).',
    );
    expect(view.nextAction.id).toBe('check_fulfilment_with_warehouse');
  });

  it('turns a carrier’s delivery window given as instants into the customer’s clock', () => {
    const order = parseOrder({ ...ORDER, promisedDeliveryDate: null, shipments: [{ id: 'p1', carrier: 'ups', trackingNumber: '1Z000000000000002', items: [{ itemId: 'li_1', quantity: 1 }, { itemId: 'li_2', quantity: 1 }] }] });
    const window = { from: '2026-04-01T09:00:00Z', to: '2026-04-01T12:00:00Z', timeKind: 'instant' as const, source: 'carrier' as const, confidence: null };
    const view = buildOrderView(order, [inTransit('1Z000000000000002', window)], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    // London is on summer time from 29 March: 09:00 UTC is 10:00 there.
    expect(plainSpaces(answerWhereIsMyOrder(view))).toContain('UPS expects to deliver on Wednesday 1 April between 10:00 and 13:00.');
    expect(plainSpaces(answerWhereIsMyOrder(view, 'de'))).toContain('UPS plant die Zustellung für Mittwoch, 1. April zwischen 10:00 und 13:00 Uhr.');
  });

  it('says what happened to an order with nothing shipped yet, and the reply commits to chasing it', () => {
    const order = parseOrder({ ...ORDER, milestones: { confirmed: '2026-03-26T09:01:00+01:00' } });
    const view = buildOrderView(order, [], { now: '2026-03-31T09:00:00+01:00' });
    expect(answerWhereIsMyOrder(view)).toBe('Your order 2001 is confirmed and we’re getting it ready to ship. We’re sorry we’ve missed the delivery date we promised for your order (Monday 30 March).');
    expect(suggestAgentReply(view, { agentName: 'Sam' })).toBe(
      'Hi Lena,\n\nThanks for getting in touch. Your order 2001 is confirmed and we’re getting it ready to ship. We’re sorry we’ve missed the delivery date we promised for your order (Monday 30 March).\n\n' +
        'I’m checking with our warehouse when the rest of your order will ship and will get back to you shortly.\n\nIf you have any other questions, just reply to this email.\n\nBest regards,\nSam',
    );
  });

  it('answers in another language on request, with that language’s conventions', () => {
    const order = parseOrder({ ...ORDER, promisedDeliveryDate: null, shipments: [{ id: 'p1', carrier: 'ups', trackingNumber: '1Z000000000000003' }] });
    const view = buildOrderView(order, [inTransit('1Z000000000000003')], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    expect(answerWhereIsMyOrder(view, 'fr-BE')).toBe(
      'Le colis de votre commande 2001 a été remis à UPS. UPS a transmis sa dernière mise à jour le lundi 30 mars à 18:40 (Leeds). Suivi\u00a0: https://www.ups.com/track?tracknum=1Z000000000000003',
    );
    // Mexico reads the clock in 12 hours.
    expect(plainSpaces(answerWhereIsMyOrder(view, 'es-MX'))).toBe(
      'El paquete de su pedido 2001 se ha entregado a UPS. La última actualización de UPS fue el lunes, 30 de marzo a las 6:40 p.m. (Leeds). Seguimiento: https://www.ups.com/track?tracknum=1Z000000000000003',
    );
  });
});
