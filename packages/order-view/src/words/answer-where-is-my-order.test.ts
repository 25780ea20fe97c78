import { describe, expect, it } from 'vitest';
import { TEST_CARRIERS } from '../__fixtures__/carriers';
import { at, scan, trackedShipment } from '../__fixtures__/scan';
import { parseOrder, type OrderInput } from '../order-schema';
import { createTestDeliveryHistory } from '../__fixtures__/history';
import { supportScenarios } from '../__fixtures__/scenarios';
import { buildOrderView } from '../view/build-order-view';
import { answerWhereIsMyOrder } from './answer-where-is-my-order';
import { suggestAgentReply } from './agent-reply';
import { describeNextAction, statusLine } from './describe';
import { SUPPORTED_LANGUAGES } from './languages';

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
    scans: [
      scan(
        at('2026-03-30T18:40:00', '+01:00'),
        'OR',
        'Pickup Scan',
        { status: 'in_transit', substatus: 'picked_up' },
        { city: 'Leeds', countryCode: 'GB' },
      ),
    ],
  });
}

describe('answerWhereIsMyOrder: less common paths', () => {
  it('names items still waiting to ship, and apologises once for the missed promise', () => {
    const order = parseOrder({
      ...ORDER,
      shipments: [{ id: 'p1', carrier: 'ups', trackingNumber: '1Z000000000000001', items: [{ itemId: 'li_1', quantity: 1 }] }],
    });
    const view = buildOrderView(order, [inTransit('1Z000000000000001')], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    expect(view.stage).toBe('partially_shipped');
    expect(plainSpaces(answerWhereIsMyOrder(view))).toBe(
      'Part of your order 2001 has shipped. Your parcel has been handed to UPS. The last update from UPS was on Monday 30 March at 18:40 (Leeds). ' +
        'We’re sorry we missed the delivery date we promised (Monday 30 March). You don’t need to do anything about this parcel. Track it here: https://www.ups.com/track?tracknum=1Z000000000000001 ' +
        'Still to be shipped: Wool hat. We’re sorry we’ve missed the delivery date we promised for your order (Monday 30 March). We’re checking with our warehouse when the rest of your order will ship; you don’t need to do anything.',
    );
    expect(view.nextAction.id).toBe('check_fulfilment_with_warehouse');
  });

  it('turns a carrier’s delivery window given as instants into the customer’s clock', () => {
    const order = parseOrder({
      ...ORDER,
      promisedDeliveryDate: null,
      shipments: [
        {
          id: 'p1',
          carrier: 'ups',
          trackingNumber: '1Z000000000000002',
          items: [
            { itemId: 'li_1', quantity: 1 },
            { itemId: 'li_2', quantity: 1 },
          ],
        },
      ],
    });
    const window = {
      from: '2026-04-01T09:00:00Z',
      to: '2026-04-01T12:00:00Z',
      timeKind: 'instant' as const,
      source: 'carrier' as const,
      confidence: null,
    };
    const view = buildOrderView(order, [inTransit('1Z000000000000002', window)], {
      now: '2026-03-31T09:00:00+01:00',
      carriers: TEST_CARRIERS,
    });
    // London is on summer time from 29 March: 09:00 UTC is 10:00 there.
    expect(plainSpaces(answerWhereIsMyOrder(view))).toContain('UPS expects to deliver on Wednesday 1 April between 10:00 and 13:00.');
    expect(plainSpaces(answerWhereIsMyOrder(view, 'de'))).toContain(
      'UPS plant die Zustellung für Mittwoch, 1. April zwischen 10:00 und 13:00 Uhr.',
    );
  });

  it('says what happened to an order with nothing shipped yet, and the reply commits to chasing it', () => {
    const order = parseOrder({ ...ORDER, milestones: { confirmed: '2026-03-26T09:01:00+01:00' } });
    const view = buildOrderView(order, [], { now: '2026-03-31T09:00:00+01:00' });
    expect(answerWhereIsMyOrder(view)).toBe(
      'Your order 2001 is confirmed and we’re getting it ready to ship. We’re sorry we’ve missed the delivery date we promised for your order (Monday 30 March). We’re checking with our warehouse when your order will ship; you don’t need to do anything.',
    );
    // The reply says it once, in the agent's own words.
    expect(suggestAgentReply(view, { agentName: 'Sam' })).toBe(
      'Hi Lena,\n\nThanks for getting in touch. Your order 2001 is confirmed and we’re getting it ready to ship. We’re sorry we’ve missed the delivery date we promised for your order (Monday 30 March).\n\n' +
        'I’m checking with our warehouse when your order will ship and will get back to you shortly.\n\nIf you have any other questions, just reply to this email.\n\nBest regards,\nSam',
    );
  });

  it('answers in another language on request, with that language’s conventions', () => {
    const order = parseOrder({
      ...ORDER,
      promisedDeliveryDate: null,
      shipments: [{ id: 'p1', carrier: 'ups', trackingNumber: '1Z000000000000003' }],
    });
    const view = buildOrderView(order, [inTransit('1Z000000000000003')], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    expect(answerWhereIsMyOrder(view, 'fr-BE')).toBe(
      'Le colis de votre commande 2001 a été remis à UPS. UPS a transmis sa dernière mise à jour le lundi 30 mars à 18\u00a0h\u00a040 (Leeds). Suivi\u00a0: https://www.ups.com/track?tracknum=1Z000000000000003',
    );
    // Mexico reads the clock in 12 hours.
    expect(plainSpaces(answerWhereIsMyOrder(view, 'es-MX'))).toBe(
      'El paquete de su pedido 2001 se ha entregado a UPS. La última actualización de UPS fue el lunes, 30 de marzo a las 6:40 p.m. (Leeds). Seguimiento: https://www.ups.com/track?tracknum=1Z000000000000003',
    );
  });
});

describe('a carrier estimate that has passed while the parcel is still moving', () => {
  const usps = (trackingNumber: string) =>
    trackedShipment({
      carrier: 'usps',
      trackingNumber,
      estimatedDelivery: { from: '2026-04-13', to: '2026-04-13', timeKind: 'date', source: 'carrier', confidence: null },
      scans: [
        scan(
          at('2026-04-14T21:10:00', '-04:00'),
          '10',
          'Arrived at USPS Regional Facility',
          { status: 'in_transit', substatus: 'arrived_at_facility' },
          { city: 'KEARNY NJ DISTRIBUTION CENTER', countryCode: 'US' },
        ),
      ],
    });
  const order = parseOrder({
    ...ORDER,
    customer: { id: 'cus_us', name: 'Maria Lopez', email: 'maria@example.com', locale: 'en-US', timeZone: 'America/New_York' },
    shippingAddress: { city: 'Brooklyn', region: 'NY', postalCode: '11215', countryCode: 'US' },
    promisedDeliveryDate: null,
    shipments: [{ id: 'p1', carrier: 'usps', trackingNumber: '9400111899223344550001' }],
  });
  const view = buildOrderView(order, [usps('9400111899223344550001')], { now: '2026-04-15T10:00:00-04:00', carriers: TEST_CARRIERS });

  it('says when it was expected and never presents the past date as the expectation, in every language', () => {
    expect(view.parcels[0]!.eta).toBeNull();
    expect(view.delays).toEqual([{ kind: 'late', reason: 'past_carrier_estimate', parcelId: 'p1', dueDate: '2026-04-13', daysLate: 2 }]);
    expect(answerWhereIsMyOrder(view)).toContain('USPS had expected to deliver by Monday, April 13; we’re sorry for the wait.');
    expect(answerWhereIsMyOrder(view)).not.toContain('expects to deliver');
    for (const language of SUPPORTED_LANGUAGES) {
      const answer = answerWhereIsMyOrder(view, language);
      // The date appears once: in the apology, never again as the carrier's current plan.
      const april13 = { en: 'April 13', de: '13. April', nl: '13 april', fr: '13 avril', es: '13 de abril' }[language];
      expect(answer.split(april13).length - 1, `${language}: ${answer}`).toBe(1);
    }
  });

  it('gives the agent no past date as "the current estimate"', () => {
    expect(describeNextAction(view)).toBe('Apologise for the delay and share the current estimate (none yet).');
    expect(statusLine(view, 'p1')).not.toContain('Apr 13');
  });

  it('gives our prediction instead when the lane’s history allows one', () => {
    const passed = supportScenarios().find((candidate) => candidate.name.startsWith('carrier estimate passed'))!;
    const predicted = buildOrderView(passed.order, passed.shipments, {
      now: passed.now,
      carriers: TEST_CARRIERS,
      history: createTestDeliveryHistory(),
    });
    const parcel = predicted.parcels[0]!;
    expect(parcel.eta).toMatchObject({ source: 'predicted', basis: { kind: 'delivery_history' } });
    expect(parcel.eta!.from! >= predicted.today).toBe(true);
    const answer = answerWhereIsMyOrder(predicted);
    expect(answer).toContain(
      'UPS had expected to deliver by Friday, March 27; we’re sorry for the wait. Based on our recent deliveries with UPS, we expect it',
    );
    expect(answer).not.toContain('UPS expects to deliver');
    expect(describeNextAction(predicted)).not.toContain('Mar 27');
  });
});

describe('who must act, in every answer where someone must', () => {
  const history = createTestDeliveryHistory();
  const viewOf = (prefix: string) => {
    const found = supportScenarios().find((candidate) => candidate.name.startsWith(prefix))!;
    return buildOrderView(found.order, found.shipments, {
      now: found.now,
      carriers: TEST_CARRIERS,
      history,
      notReceivedReported: found.notReceivedReported,
    });
  };

  it('customs documents: names the carrier and the place, and tells the customer the shop sends them', () => {
    const view = viewOf('customs documents needed');
    expect(answerWhereIsMyOrder(view, 'en')).toContain(
      'is held at customs in LEIPZIG: DHL Express needs the customs documents before it can be released. We’re sending them to DHL Express; you don’t need to do anything.',
    );
    expect(answerWhereIsMyOrder(view, 'de')).toContain(
      'liegt beim Zoll in LEIPZIG: DHL Express benötigt die Zollunterlagen, bevor es freigegeben werden kann. Wir senden sie an DHL Express; Sie müssen nichts weiter tun.',
    );
    // The agent's reply commits to sending them itself rather than repeating the answer's sentence.
    const reply = suggestAgentReply(view, { locale: 'en' });
    expect(reply).toContain('I’m sending DHL Express the documents customs needs');
    expect(reply).not.toContain('We’re sending them to DHL Express');
  });

  it('customs documents for a return: the customer sends the parcel, so the customer sends the documents', () => {
    const order = parseOrder({
      ...ORDER,
      shipments: [
        { id: 'ret', carrier: 'ups', trackingNumber: '1Z000000000000031', direction: 'return', items: [{ itemId: 'li_1', quantity: 1 }] },
      ],
    });
    const held = trackedShipment({
      carrier: 'ups',
      trackingNumber: '1Z000000000000031',
      direction: 'return',
      scans: [
        scan(
          at('2026-03-28T10:00:00', '+00:00'),
          'OR',
          'Origin Scan',
          { status: 'in_transit', substatus: 'picked_up' },
          { city: 'London', countryCode: 'GB' },
        ),
        scan(
          at('2026-03-30T08:00:00', '+02:00'),
          'OH',
          'Commercial invoice required',
          { status: 'exception', substatus: 'customs_documents_needed' },
          { city: 'Köln', countryCode: 'DE' },
        ),
      ],
    });
    const view = buildOrderView(order, [held], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    expect(view.nextAction).toMatchObject({ id: 'send_customs_documents', actor: 'recipient' });
    const answer = answerWhereIsMyOrder(view);
    expect(answer).toContain('is held at customs in Köln, Germany: UPS needs the customs documents before it can be released.');
    expect(answer).toContain(
      'Please send the commercial invoice and a description of the items to UPS (here: https://www.ups.com/us/en/support/contact-us.page), so that customs can release the parcel.',
    );
    expect(suggestAgentReply(view)).not.toContain('I’m sending UPS');
  });

  it.each([
    ['stalled', 'We’re sorry we missed the delivery date we promised (Friday, March 27). You don’t need to do anything.'],
    ['never scanned', 'so we’re checking with our warehouse. You don’t need to do anything.'],
    ['late: past the promised date', 'You don’t need to do anything.'],
    ['carrier estimate passed', 'You don’t need to do anything.'],
    ['failed attempt', 'Please arrange a new delivery with PostNL: https://www.postnl.nl/klantenservice/'],
    ['customs needs information', 'Customs needs some information from you before your parcel can be released.'],
    ['lost', 'We’ll send you a replacement or refund you in full, whichever you prefer: just reply to let us know.'],
    ['waiting at a DHL Packstation', 'Please bring photo ID or the pickup code DHL sent you.'],
  ])('%s: the answer says whether the customer must act', (prefix, sentence) => {
    expect(answerWhereIsMyOrder(viewOf(prefix), 'en')).toContain(sentence);
  });

  it('says nothing of the kind while everything simply runs its course', () => {
    for (const prefix of ['split order', 'DHL eCommerce hands over', 'the customer sent part']) {
      expect(answerWhereIsMyOrder(viewOf(prefix), 'en')).not.toMatch(/need to do anything|Please /);
    }
  });

  it('tells a customer of a late order with nothing shipped that the shop is chasing it', () => {
    const view = buildOrderView(parseOrder({ ...ORDER, milestones: { confirmed: '2026-03-26T09:01:00+01:00' } }), [], {
      now: '2026-03-31T09:00:00+01:00',
    });
    expect(answerWhereIsMyOrder(view)).toContain(
      'We’re checking with our warehouse when your order will ship; you don’t need to do anything.',
    );
  });

  it('describes the parcel of a cancelled order that never left as cancelled, beside one already on its way', () => {
    const order = parseOrder({
      ...ORDER,
      promisedDeliveryDate: null,
      milestones: { cancelled: '2026-03-30T20:00:00+01:00' },
      shipments: [
        { id: 'gone', carrier: 'ups', trackingNumber: '1Z000000000000041', items: [{ itemId: 'li_1', quantity: 1 }] },
        { id: 'kept', carrier: 'ups', items: [{ itemId: 'li_2', quantity: 1 }] },
      ],
    });
    const view = buildOrderView(order, [inTransit('1Z000000000000041')], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    expect(view.stage).toBe('partially_shipped');
    const answer = answerWhereIsMyOrder(view);
    expect(answer).toContain('Parcel 2 of 2 (Wool hat) was cancelled before it was sent.');
    expect(answer).not.toContain('being packed');
  });
});

describe('times and voice as native speakers write them', () => {
  const order = parseOrder({
    ...ORDER,
    promisedDeliveryDate: null,
    shipments: [{ id: 'p1', carrier: 'ups', trackingNumber: '1Z000000000000051' }],
  });
  const moving = buildOrderView(order, [inTransit('1Z000000000000051')], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });

  it('writes French times "18 h 40" and Dutch times "18.40 uur"', () => {
    expect(plainSpaces(answerWhereIsMyOrder(moving, 'fr'))).toContain('le lundi 30 mars à 18 h 40 (Leeds)');
    expect(plainSpaces(answerWhereIsMyOrder(moving, 'nl'))).toContain('op maandag 30 maart om 18.40 uur (Leeds)');
    const early = buildOrderView(
      order,
      [
        trackedShipment({
          carrier: 'ups',
          trackingNumber: '1Z000000000000051',
          scans: [
            scan(
              at('2026-03-30T04:30:00', '+01:00'),
              'OR',
              'Pickup Scan',
              { status: 'in_transit', substatus: 'picked_up' },
              { city: 'Leeds', countryCode: 'GB' },
            ),
          ],
        }),
      ],
      { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS },
    );
    expect(plainSpaces(answerWhereIsMyOrder(early, 'fr'))).toContain('à 4 h 30 (Leeds)');
    expect(plainSpaces(answerWhereIsMyOrder(early, 'fr-CA'))).toContain('à 4 h 30 (Leeds)');
    expect(plainSpaces(answerWhereIsMyOrder(early, 'nl-BE'))).toContain('om 4.30 uur (Leeds)');
    for (const language of ['fr', 'nl']) expect(answerWhereIsMyOrder(early, language)).not.toMatch(/\b4:30\b/);
  });

  it('writes delivery windows the same way, with "h" on the hour', () => {
    const window = {
      from: '2026-04-01T09:00:00Z',
      to: '2026-04-01T12:00:00Z',
      timeKind: 'instant' as const,
      source: 'carrier' as const,
      confidence: null,
    };
    const view = buildOrderView(order, [inTransit('1Z000000000000051', window)], {
      now: '2026-03-31T09:00:00+01:00',
      carriers: TEST_CARRIERS,
    });
    expect(plainSpaces(answerWhereIsMyOrder(view, 'fr'))).toContain('UPS prévoit la livraison le mercredi 1er avril entre 10 h et 13 h.');
    expect(plainSpaces(answerWhereIsMyOrder(view, 'nl'))).toContain(
      'UPS verwacht het op woensdag 1 april tussen 10.00 en 13.00 uur te bezorgen.',
    );
  });

  it('says in Spanish who did what, not what was done by whom', () => {
    const delivered = supportScenarios().find((candidate) => candidate.name.startsWith('split order'))!;
    const view = buildOrderView(delivered.order, delivered.shipments, { now: delivered.now, carriers: TEST_CARRIERS });
    const answer = answerWhereIsMyOrder(view, 'es');
    expect(answer).toContain('DHL entregó el paquete 1 de 2 (Trailrunner GTX) a un vecino el lunes, 30 de marzo a las 12:47.');
    expect(answer).not.toMatch(/\b(fue|fueron|ha sido|han sido) \p{L}+ (por|a un)/u);
    const lost = supportScenarios().find((candidate) => candidate.name.startsWith('lost'))!;
    expect(answerWhereIsMyOrder(buildOrderView(lost.order, lost.shipments, { now: lost.now, carriers: TEST_CARRIERS }), 'es')).toContain(
      'DHL ha dado por perdido el paquete de su pedido 1012.',
    );
  });
});
