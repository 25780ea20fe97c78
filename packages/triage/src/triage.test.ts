import { orderViewSchema } from '@wismo/order-view';
import { describe, expect, it } from 'vitest';
import { scenarioView } from './__fixtures__/views';
import { triage } from './triage';
import { triageTags } from './triage-tags';

const whereIsIt = { subject: 'Where is my order?', body: 'Hi, where is my parcel? When will it arrive?' };

describe('triage with an order view', () => {
  it('answers a "where is my order?" at once when the parcel is moving and on time', () => {
    const view = scenarioView('DHL eCommerce hands over to USPS');
    const result = triage({ ...whereIsIt, channel: 'email' }, view);
    expect(result).toMatchObject({
      intent: 'where_is_my_order',
      autoAnswerable: true,
      skill: 'first_line',
      priority: 'low',
      language: 'en',
    });
    expect(result.reasons.autoAnswerable).toMatch(/^Yes: Order US-58211: the parcel is moving and on time/);
    expect(result.suggestedReply).toContain('US-58211');
    expect(result.orders).toEqual([expect.objectContaining({ orderNumber: 'US-58211', nextAction: 'wait_for_delivery' })]);
  });

  it('answers a delivered parcel at once (the reply says where the carrier left it)', () => {
    const view = scenarioView('split order, one parcel delivered to a neighbour');
    const result = triage({ body: 'Wo ist meine Bestellung? Ein Teil fehlt noch.' }, view);
    expect(result.autoAnswerable).toBe(true);
    expect(result.suggestedReply).toMatch(/Nachbar/);
  });

  it('a live channel raises an auto-answerable ticket from low to normal', () => {
    const view = scenarioView('DHL eCommerce hands over to USPS');
    expect(triage({ ...whereIsIt, channel: 'chat' }, view).priority).toBe('normal');
  });

  it.each([
    ['customs documents needed', 'customs', 'high'],
    ['customs needs information from the importer', 'customs', 'high'],
    ['lost: DHL reports the parcel lost', 'carrier_claims', 'high'],
    ['stalled: no scan for four days', 'carrier_claims', 'high'],
    ['never scanned', 'fulfilment', 'normal'],
    ['delivered into the mailbox three days ago', 'carrier_claims', 'high'],
  ] as const)('routes "%s" to %s with %s priority, not auto-answerable', (scenario, skill, priority) => {
    const result = triage(whereIsIt, scenarioView(scenario));
    expect(result).toMatchObject({ autoAnswerable: false, skill, priority });
    expect(result.reasons.autoAnswerable).toMatch(/^No: .*Someone must act/);
  });

  it('gives a failed delivery with the pickup deadline tomorrow high priority, today urgent', () => {
    const base = scenarioView('waiting at a DHL Packstation');
    const deadline = base.nextAction.parameters.deadline!;
    expect(deadline).toBe('2026-04-06');
    const dayBefore = triage({ body: 'Wo ist mein Paket?' }, scenarioView('waiting at a DHL Packstation', '2026-04-05T10:00:00+02:00'));
    expect(dayBefore).toMatchObject({ autoAnswerable: true, priority: 'high', skill: 'first_line' });
    expect(dayBefore.reasons.priority).toMatch(/^high: deadline tomorrow, 2026-04-06/);
    const lastDay = triage({ body: 'Wo ist mein Paket?' }, scenarioView('waiting at a DHL Packstation', '2026-04-06T09:00:00+02:00'));
    expect(lastDay.priority).toBe('urgent');
    const early = triage({ body: 'Wo ist mein Paket?' }, base);
    expect(early.priority).toBe('low');
  });

  it('reads "delivered but not received" as a carrier claim even when the view only says delivered', () => {
    const view = scenarioView('split order, one parcel delivered to a neighbour');
    const result = triage({ body: 'The tracking says delivered but I never got anything, the neighbours have nothing.' }, view);
    expect(result).toMatchObject({ intent: 'delivery_problem', autoAnswerable: false });
    expect(result.skill).toBe('first_line');
    const delivered = triage({ body: 'DHL says it was delivered but I have not received it.' }, scenarioView('delivered into the mailbox'));
    expect(delivered).toMatchObject({ intent: 'delivery_problem', skill: 'carrier_claims', priority: 'high', autoAnswerable: false });
  });

  it('sends a cancellation of an unshipped order to first line, of a shipped one to returns', () => {
    expect(triage({ body: 'Please cancel my order.' }, scenarioView('never scanned'))).toMatchObject({
      intent: 'cancel_order',
      skill: 'returns',
      autoAnswerable: false,
    });
    expect(triage({ body: 'Please cancel my order.' }, scenarioView('cancelled after the label'))).toMatchObject({
      intent: 'cancel_order',
      autoAnswerable: true,
    });
  });

  it('answers a refund question from the return parcel while it travels', () => {
    const result = triage(
      { body: 'Ich habe die Retoure abgeschickt, wann bekomme ich mein Geld zurück?' },
      scenarioView('the customer sent part of the order back'),
    );
    expect(result).toMatchObject({ intent: 'return_or_refund', skill: 'returns', autoAnswerable: true, language: 'de' });
    expect(result.suggestedReply).not.toBeNull();
  });

  it('does not offer the status answer as a reply to a damage report', () => {
    const result = triage({ body: 'The box was crushed and the camera is broken.' }, scenarioView('DHL eCommerce hands over to USPS'));
    expect(result).toMatchObject({
      intent: 'damaged_or_missing_items',
      skill: 'carrier_claims',
      priority: 'high',
      autoAnswerable: false,
      suggestedReply: null,
    });
  });

  it('writes the reply in the language of the ticket', () => {
    const view = scenarioView('DHL eCommerce hands over to USPS');
    expect(view.customer.locale).toBe('en-US');
    const result = triage({ body: 'Bonjour, où est ma commande ? Je n’ai toujours rien reçu.' }, view);
    expect(result.language).toBe('fr');
    expect(result.suggestedReply).toMatch(/^Bonjour/);
  });

  it('keeps the customer language for a short ticket whose language is unclear', () => {
    const view = scenarioView('waiting at a DHL Packstation');
    const result = triage({ body: 'status 1088?' }, view);
    expect(result.languageConfidence).toBe('low');
    expect(result.language).toBe('de');
  });
});

describe('triage of several orders', () => {
  it('takes skill and priority from the most urgent order and answers automatically only if every order is simple', () => {
    const moving = scenarioView('DHL eCommerce hands over to USPS');
    const customs = scenarioView('customs documents needed');
    const result = triage({ body: 'Where are my orders US-58211 and 1077?' }, [moving, customs]);
    expect(result).toMatchObject({ autoAnswerable: false, skill: 'customs', priority: 'high' });
    expect(result.orders.map((order) => order.orderNumber)).toEqual(['US-58211', '1077']);
    expect(result.reasons.autoAnswerable).toContain(' | ');
    expect(result.suggestedReply).toContain('US-58211');
    expect(result.suggestedReply).toContain('1077');
    expect(triageTags(result)).toContain('wismo_several_orders');
  });
});

describe('triage without an order', () => {
  it('needs an agent to ask for the order number', () => {
    const result = triage({ body: 'Where is my order?' }, null);
    expect(result).toMatchObject({ intent: 'where_is_my_order', autoAnswerable: false, skill: 'first_line', suggestedReply: null });
    expect(result.reasons.autoAnswerable).toMatch(/No order found/);
    expect(triageTags(result)).toEqual([
      'wismo_intent_where_is_my_order',
      'wismo_skill_first_line',
      'wismo_priority_normal',
      'wismo_lang_en',
      'wismo_needs_agent',
      'wismo_no_order',
    ]);
  });

  it('sends customs words to customs and payment questions to billing', () => {
    expect(triage({ body: 'Mein Paket hängt beim Zoll fest.' }, null).skill).toBe('customs');
    expect(triage({ body: 'Could you send me an invoice for my last order?' }, null)).toMatchObject({ intent: 'other', skill: 'billing' });
  });
});

describe('the result', () => {
  it('keeps the view untouched and is plain JSON', () => {
    const view = scenarioView('lost: DHL reports the parcel lost');
    const before = JSON.stringify(view);
    const result = triage(whereIsIt, view);
    expect(JSON.stringify(view)).toBe(before);
    expect(() => orderViewSchema.parse(view)).not.toThrow();
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('tags are lower-case words with underscores only', () => {
    const result = triage(whereIsIt, scenarioView('customs documents needed'));
    const tags = triageTags(result);
    for (const tag of tags) expect(tag).toMatch(/^wismo_[a-z0-9_]+$/);
    expect(tags).toEqual([
      'wismo_intent_where_is_my_order',
      'wismo_skill_customs',
      'wismo_priority_high',
      'wismo_lang_en',
      'wismo_needs_agent',
    ]);
  });
});
